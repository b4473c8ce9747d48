/**
 * The widget's stylesheets, adopted by its shadow root as constructed `CSSStyleSheet`s: no `<style>`
 * element (so it works under a CSP without `style-src 'unsafe-inline'`), nothing added to the host page.
 *
 * The rules live in real CSS files (`structure.css`, `styles.css`), imported as text; the build minifies
 * them. Their header comments list the tokens; the parts are listed below.
 *
 * Parts (`[data-harness-connect]::part(...)`): dialog, body, header, logo, title, note, progress,
 * step-indicator, step, step-title, actions, field, label, input, hint, error, banner, status, button (with
 * `primary`, `link` or `icon` beside it), success. State is exposed as `data-state` / `data-step` attributes.
 *
 * `unstyled` adopts only the structure: no colours, spacing, fonts or borders, so a host's own CSS (through
 * `::part`) starts from the browser's defaults.
 */
import structureCss from './structure.css?inline';
import lookCss from './styles.css?inline';

interface OwnSheets {
  structure?: CSSStyleSheet;
  styled?: CSSStyleSheet;
}

/** One constructed sheet per document and variant, shared by every instance in that document. */
const sheetsByDocument = new WeakMap<Document, OwnSheets>();

/**
 * Adopts the widget's sheet into a shadow root. `unstyled` adopts only the structural rules. Replaces what
 * it adopted before (a switch between styled and unstyled) and keeps anything else a host adopted.
 */
export function adoptHarnessConnectStyles(root: ShadowRoot, unstyled = false): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  if (!view) return;
  let own = sheetsByDocument.get(doc);
  if (!own) {
    own = {};
    sheetsByDocument.set(doc, own);
  }
  const variant = unstyled ? 'structure' : 'styled';
  let sheet = own[variant];
  if (!sheet) {
    // The sheet's constructor of the root's own window: a sheet from another document cannot be adopted.
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(unstyled ? structureCss : `${structureCss}\n${lookCss}`);
    own[variant] = sheet;
  }
  const ownSheets = [own.structure, own.styled];
  root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((adopted) => !ownSheets.includes(adopted)), sheet];
}
