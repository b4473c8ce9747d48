/**
 * The widget's one stylesheet, adopted by its shadow root as a constructed `CSSStyleSheet`: no `<style>`
 * element (so it works under a CSP without `style-src 'unsafe-inline'`), nothing added to the host page.
 *
 * Theming: set any of these custom properties anywhere above the widget (`:root`, a theme class, the host
 * element); they inherit through the shadow boundary, and each use carries its default as a `var()`
 * fallback. `--hc-font`, `--hc-font-mono`, `--hc-color-text` (#1f2430), `--hc-color-muted` (#596173),
 * `--hc-color-surface` (#fff), `--hc-color-subtle` (#f4f6f9), `--hc-color-border` (#d5dae3),
 * `--hc-color-accent` (#0a5bd3), `--hc-color-accent-text` (#fff), `--hc-color-danger` (#b42318),
 * `--hc-color-danger-bg` (#fef3f2), `--hc-color-success` (#067647), `--hc-radius` (12px),
 * `--hc-radius-control` (8px), `--hc-shadow`, `--hc-backdrop`, `--hc-width` (34rem).
 * Or style the parts: `::part(dialog|header|title|step|step-indicator|field|input|button|error)`.
 * State is exposed as `data-state` / `data-step` attributes.
 *
 * Written compactly on purpose: esbuild cannot minify CSS inside a string, and every byte ships to the
 * host. The one-column grids use `minmax(0, 1fr)` so nothing pushes past a 320 px phone; on phones only
 * the current step keeps a visible label in the indicator (the others stay in the accessibility tree).
 * The row of actions sticks to the bottom while a long step scrolls, so the primary action stays in view.
 * `:host { all: initial }` and the explicit font, colour and text settings on the dialog stop the page's
 * inherited styles (even `* { all: unset }` matching the host element) from reaching inside.
 */
export const HARNESS_CONNECT_CSS = `
:host{all:initial;display:contents}
*,*::before,*::after{box-sizing:border-box}
dialog{all:revert;box-sizing:border-box;font:400 15px/1.5 var(--hc-font,system-ui,sans-serif);color:var(--hc-color-text,#1f2430);background:var(--hc-color-surface,#fff);border:1px solid var(--hc-color-border,#d5dae3);border-radius:var(--hc-radius,12px);box-shadow:var(--hc-shadow,0 24px 48px #1018282e);padding:0;width:min(var(--hc-width,34rem),calc(100vw - 16px));max-height:calc(100dvh - 16px);overflow:auto;overscroll-behavior:contain;text-align:start;letter-spacing:normal;text-transform:none;visibility:visible}
dialog::backdrop{background:var(--hc-backdrop,#10182873)}
.body,.session,.step,form,.field{display:grid;gap:16px;grid-template-columns:minmax(0,1fr)}
.body{padding:clamp(16px,5vw,28px)}
header{display:flex;align-items:flex-start;justify-content:space-between;gap:12px}
h2{font-size:clamp(1.125rem,4vw,1.25rem);line-height:1.3;margin:0;font-weight:650}
h3{font-size:1.05rem;margin:0;font-weight:600}
p,ol,ul,dl{margin:0}
ol,ul{padding-inline-start:1.25rem;display:grid;gap:6px}
a{color:var(--hc-color-accent,#0a5bd3);text-underline-offset:2px}
code{font-family:var(--hc-font-mono,ui-monospace,monospace);font-size:.9em;background:var(--hc-color-subtle,#f4f6f9);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
.note{color:var(--hc-color-muted,#596173);font-size:.9rem;background:var(--hc-color-subtle,#f4f6f9);border-radius:var(--hc-radius-control,8px);padding:8px 12px}
.steps{list-style:none;padding:0;display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:8px;font-size:.8rem;line-height:1.3;color:var(--hc-color-muted,#596173);counter-reset:hc-step;border-bottom:1px solid var(--hc-color-border,#d5dae3);padding-bottom:12px}
.steps li{display:flex;align-items:center;gap:6px;counter-increment:hc-step;min-width:0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px}
dt{color:var(--hc-color-muted,#596173)}
dd{margin:0;overflow-wrap:anywhere}
@media (max-width:479px){.steps{display:flex}
dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:8px}
.steps li[data-state="current"]{flex:1}
.steps li:not([data-state="current"]) .label{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}}
.steps li::before{flex:none;content:counter(hc-step);display:inline-grid;place-items:center;width:1.5rem;height:1.5rem;border-radius:50%;border:1px solid var(--hc-color-border,#d5dae3);font-weight:600}
.steps li[data-state="current"]{color:var(--hc-color-text,#1f2430);font-weight:600}
.steps li[data-state="current"]::before{color:var(--hc-color-accent,#0a5bd3);border-color:currentColor}
.body:has(.success) .note{display:none}
.steps li[data-state="done"]::before,[data-state="success"] .steps li::before{content:"✓";background:var(--hc-color-success,#067647);border-color:transparent;color:#fff}
.step{gap:12px}
.actions{display:flex;flex-wrap:wrap;gap:8px;justify-content:flex-end;align-items:center;position:sticky;bottom:0;background:var(--hc-color-surface,#fff);padding:8px 0 16px;margin:-8px 0 -16px}
.actions .start{margin-inline-end:auto}
button{all:revert;box-sizing:border-box;display:inline-flex;align-items:center;justify-content:center;gap:8px;font:600 .95rem/1.2 var(--hc-font,system-ui,sans-serif);min-height:40px;padding:8px 16px;cursor:pointer;border-radius:var(--hc-radius-control,8px);border:1px solid var(--hc-color-border,#d5dae3);background:var(--hc-color-surface,#fff);color:var(--hc-color-text,#1f2430)}
button[data-variant="primary"]{background:var(--hc-color-accent,#0a5bd3);border-color:var(--hc-color-accent,#0a5bd3);color:var(--hc-color-accent-text,#fff)}
button[data-variant="link"]{border-color:transparent;background:transparent;color:var(--hc-color-accent,#0a5bd3);padding-inline:4px;margin-inline:-4px}
button[data-variant="icon"]{min-height:32px;padding:4px 10px;font-weight:500}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid var(--hc-color-accent,#0a5bd3);outline-offset:2px}
button[aria-disabled="true"]{cursor:progress;opacity:.85}
.field{gap:4px}
label{font-weight:600}
.hint{color:var(--hc-color-muted,#596173);font-size:.85rem}
.control{display:flex;gap:6px}
.control input{width:auto;flex:1}
input{all:revert;box-sizing:border-box;width:100%;min-width:0;font:400 .95rem/1.4 var(--hc-font-mono,ui-monospace,monospace);color:var(--hc-color-text,#1f2430);background:var(--hc-color-surface,#fff);border:1px solid var(--hc-color-border,#d5dae3);border-radius:var(--hc-radius-control,8px);padding:9px 10px}
input[aria-invalid="true"]{border-color:var(--hc-color-danger,#b42318)}
input[readonly]{background:var(--hc-color-subtle,#f4f6f9)}
.error{color:var(--hc-color-danger,#b42318);font-size:.875rem}
.banner{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between;background:var(--hc-color-danger-bg,#fef3f2);border:1px solid var(--hc-color-danger,#b42318);border-radius:var(--hc-radius-control,8px);padding:10px 12px}
.status{color:var(--hc-color-muted,#596173);font-size:.9rem;min-height:1.35em}
.spinner{width:14px;height:14px;border-radius:50%;border:2px solid currentColor;border-inline-end-color:transparent;animation:hc-spin .8s linear infinite}
@keyframes hc-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spinner{animation:none}}
.success h3{color:var(--hc-color-success,#067647)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

const sheets = new WeakMap<Document, CSSStyleSheet>();

/** Adopts the widget's sheet into a shadow root, one constructed sheet per document shared by every instance. */
export function adoptHarnessConnectStyles(root: ShadowRoot): void {
  const doc = root.ownerDocument;
  let sheet = sheets.get(doc);
  if (!sheet) {
    const view = doc.defaultView;
    if (!view) return;
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(HARNESS_CONNECT_CSS);
    sheets.set(doc, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
