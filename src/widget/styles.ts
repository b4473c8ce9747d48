/**
 * The widget's stylesheets, adopted by its shadow root as constructed `CSSStyleSheet`s: no `<style>`
 * element (so it works under a CSP without `style-src 'unsafe-inline'`), nothing added to the host page.
 *
 * Theming: every default is declared ONCE on `:host` as a private property (`--_text: var(--hc-color-text,
 * #1f2430)`) and only the private one is used below. `--hc-*` set anywhere above the widget (`:root`, a
 * theme class, the host element) inherit through the shadow boundary and win; the `theme` prop writes the
 * same `--hc-*` on the host element. Dark mode only swaps the private defaults: under
 * `:host([data-color-scheme=dark])`, and under `prefers-color-scheme: dark` for `system` (live, no script).
 *
 * Tokens (light default / dark default): `--hc-font`, `--hc-font-mono`, `--hc-font-size` (15px),
 * `--hc-color-text` (#1f2430 / #e7eaf0), `--hc-color-muted` (#596173 / #a4acbb), `--hc-color-surface`
 * (#fff / #171a21), `--hc-color-subtle` (#f4f6f9 / #222731), `--hc-color-border` (#d5dae3 / #363d4a),
 * `--hc-color-accent` (#0a5bd3), `--hc-color-accent-text` (#fff), `--hc-color-accent-hover`,
 * `--hc-color-link` (accent as text: #0a5bd3 / #8db8ff), `--hc-color-focus` (the link colour),
 * `--hc-color-danger` (#b42318 / #ff9c8f), `--hc-color-danger-bg` (#fef3f2 / #3a1d1d),
 * `--hc-color-success` (#067647 / #5ad69a), `--hc-radius` (12px), `--hc-radius-control` (8px),
 * `--hc-space` (16px: the density), `--hc-shadow`, `--hc-backdrop`, `--hc-width` (34rem).
 *
 * Parts (`harness-connect-host::part(...)`, i.e. `[data-harness-connect]::part(button)`): dialog, body,
 * header, logo, title, note, progress, step-indicator, step, step-title, actions, field, label, input,
 * hint, error, banner, status, button (with `primary`, `link` or `icon` beside it), success.
 * State is exposed as `data-state` / `data-step` attributes.
 *
 * `unstyled` adopts only `STRUCTURE` (the visually-hidden helper and the `display:contents` host): no
 * colours, spacing, fonts or borders, so a host's own CSS (through `::part`) starts from the browser's
 * defaults.
 *
 * Written compactly on purpose: esbuild cannot minify CSS inside a string, and every byte ships to the
 * host. Logical properties only (`inset-inline`, `margin-inline`, `padding-inline`), so `dir="rtl"`
 * mirrors the layout, the step indicator included; the Next chevron turns under `:dir(rtl)`.
 */
const STRUCTURE = `:host{all:initial;display:contents}.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;

const DARK = `{--_text:var(--hc-color-text,#e7eaf0);--_success:var(--hc-color-success,#5ad69a);--_muted:var(--hc-color-muted,#a4acbb);--_subtle:var(--hc-color-subtle,var(--_sd,#222731));--_bg:var(--hc-color-surface,#171a21);--_link:var(--hc-color-link,var(--_ld,#8db8ff));--_danger-bg:var(--hc-color-danger-bg,#3a1d1d);--_danger:var(--hc-color-danger,#ff9c8f);--_border:var(--hc-color-border,#363d4a);--_shadow:var(--hc-shadow,0 24px 64px #000a);--_backdrop:var(--hc-backdrop,#050709b8);--_cs:dark}`;

const LOOK = `:host{--_text:var(--hc-color-text,#1f2430);--_success:var(--hc-color-success,#067647);--_font:var(--hc-font,system-ui,sans-serif);--_mono:var(--hc-font-mono,ui-monospace,monospace);--_muted:var(--hc-color-muted,#596173);--_subtle:var(--hc-color-subtle,var(--_sl,#f4f6f9));--_bg:var(--hc-color-surface,#fff);--_accent:var(--hc-color-accent,#0a5bd3);--_on:var(--hc-color-accent-text,#fff);--_hover:var(--hc-color-accent-hover,color-mix(in srgb,var(--_accent) 86%,#000));--_link:var(--hc-color-link,var(--_ll,var(--hc-color-accent,#0a5bd3)));--_danger-bg:var(--hc-color-danger-bg,#fef3f2);--_danger:var(--hc-color-danger,#b42318);--_border:var(--hc-color-border,#d5dae3);--_r:var(--hc-radius,12px);--_rc:var(--hc-radius-control,8px);--_s:var(--hc-space,16px);--_shadow:var(--hc-shadow,0 24px 48px #1018282e);--_backdrop:var(--hc-backdrop,#10182873);--_cs:light}
:host([data-color-scheme=dark])${DARK}
@media (prefers-color-scheme:dark){:host([data-color-scheme=system])${DARK}}
*,::after,::before{box-sizing:border-box}
dialog{box-shadow:var(--_shadow);color-scheme:var(--_cs);overflow:auto;max-height:calc(100dvh - 16px);font:var(--hc-font-size,15px)/1.5 var(--_font);color:var(--_text);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_r);overscroll-behavior:contain;width:min(var(--hc-width,34rem),calc(100vw - 16px));text-align:start;letter-spacing:normal;text-transform:none;padding:0;visibility:visible;box-sizing:border-box}
dialog::backdrop{background:var(--_backdrop)}
.body,.session,.step,form,.field{gap:var(--_s);display:grid;grid-template-columns:minmax(0,1fr)}
.body{padding:clamp(var(--_s),5vw,calc(var(--_s)*1.75))}
header{display:flex;align-items:center;gap:12px}
header img,.logo{flex:none;max-width:96px;max-height:28px}
h2{flex:1;font-size:clamp(1.125rem,4vw,1.25rem);line-height:1.3;font-weight:650}
h3{font-size:1.05rem;font-weight:600}
h3,h2,p,ol,dl,dd{margin:0}
ol{padding-inline-start:1.25rem;display:grid;gap:6px}
a{color:var(--_link);text-underline-offset:2px}
code{overflow-wrap:anywhere;border-radius:4px;font-size:.9em;padding:1px 4px;font-family:var(--_mono);background:var(--_subtle)}
.note{font-size:.9rem;border-radius:var(--_rc);padding:8px 12px;background:var(--_subtle)}
.note,.hint,.status,dt,.steps{color:var(--_muted)}
.steps{grid-template-columns:repeat(3,minmax(0,1fr));list-style:none;padding:0 0 12px;gap:8px;font-size:.8rem;border-bottom:1px solid var(--_border);line-height:1.3}
.steps li{display:flex;align-items:center;min-width:0;gap:6px}
dl{grid-template-columns:max-content 1fr;gap:6px 16px;display:grid}
dd{overflow-wrap:anywhere}
@media (max-width:479px){.steps{display:flex}dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:8px}.steps li[data-state=current]{flex:1}.steps li:not([data-state=current]) .label{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}}
.steps li::before{content:attr(data-n);display:grid;flex:none;place-items:center;width:1.5rem;height:1.5rem;border-radius:50%;border:1px solid var(--_border);font-weight:600}
.steps li[data-state=current]{color:var(--_text);font-weight:600}
.steps li[data-state=current]::before{color:var(--_link);border-color:currentColor}
.body:has(.success) .note{display:none}
.steps li[data-state=done]::before,[data-state=success] .steps li::before{content:"✓";border-color:transparent;background:var(--_success);color:var(--_bg)}
.step{gap:12px}
.actions{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:flex-end;bottom:0;background:var(--_bg);position:sticky;padding:8px 0 var(--_s);margin:-8px 0 calc(0px - var(--_s))}
.actions .start{margin-inline-end:auto}
button{cursor:pointer;min-height:40px;align-items:center;justify-content:center;gap:8px;font:600 .95rem/1.2 var(--_font);border-radius:var(--_rc);padding:8px 16px;display:inline-flex;color:var(--_text);background:var(--_bg);border:1px solid var(--_border)}
button:hover{background:var(--_subtle)}
[data-variant=primary]{background:var(--_accent);border-color:var(--_accent);color:var(--_on)}
[data-variant=primary]:hover{background:var(--_hover)}
[data-next]::after{content:"";width:.4em;height:.4em;border:solid;border-width:2px 2px 0 0;rotate:45deg}
:dir(rtl) [data-next]::after{rotate:-135deg}
[data-variant=link]{color:var(--_link);border-color:transparent;background:none;margin-inline:-4px;padding-inline:4px}
[data-variant=icon]{font-weight:500;min-height:32px;padding:4px 10px}
:focus-visible{outline:3px solid var(--hc-color-focus,var(--_link));outline-offset:2px}
[aria-disabled=true]{cursor:progress;opacity:.85}
.field{gap:4px}
label{font-weight:600}
.hint,.error{font-size:.85rem}
.control{display:flex;gap:6px}
.control input{flex:1;width:auto}
input{width:100%;min-width:0;font:.95rem/1.4 var(--_mono);color:var(--_text);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_rc);padding:9px 10px}
[aria-invalid=true]{border-color:var(--_danger)}
input[readonly]{background:var(--_subtle)}
.error{color:var(--_danger)}
.banner{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between;border:1px solid var(--_danger);border-radius:var(--_rc);padding:10px 12px;background:var(--_danger-bg)}
.status{font-size:.9rem;min-height:1.35em}
.spinner{width:14px;height:14px;border-radius:50%;border:2px solid;border-inline-end-color:transparent;animation:s .8s linear infinite}
@keyframes s{to{transform:rotate(1turn)}}
@media (prefers-reduced-motion:reduce){.spinner{animation:none}}
.success h3{color:var(--_success)}`;

const sheets = new WeakMap<Document, CSSStyleSheet[]>();

/**
 * Adopts the widget's sheet into a shadow root: one constructed sheet per document and variant, shared by
 * every instance. `unstyled` adopts only the structural rules. Replaces what it adopted before (a switch
 * between styled and unstyled) and keeps anything else a host adopted.
 */
export function adoptHarnessConnectStyles(root: ShadowRoot, unstyled?: boolean): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  if (!view) return;
  const own = sheets.get(doc) ?? [];
  sheets.set(doc, own);
  const variant = unstyled ? 0 : 1;
  let sheet = own[variant];
  if (!sheet) {
    sheet = own[variant] = new view.CSSStyleSheet();
    sheet.replaceSync(unstyled ? STRUCTURE : STRUCTURE + LOOK);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => !own.includes(s)), sheet];
}
