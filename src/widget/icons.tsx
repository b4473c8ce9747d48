/**
 * The widget's icons, drawn here as inline SVG: no image to fetch, no icon library, and each follows the
 * text colour (`currentColor`) so a theme, dark mode and forced colours all apply. Each is decorative
 * (`aria-hidden`): the text beside it, or a visually hidden label, says what it means.
 */

const DECORATIVE = { 'aria-hidden': true, focusable: false } as const;

/**
 * The mark standing for Harness in the header: a rounded square holding a pipeline that forks in two (our own
 * drawing of what Harness does, not Harness's artwork).
 */
export function HarnessMark() {
  return (
    <svg className="mark" part="harness-mark" viewBox="0 0 28 28" width="28" height="28" {...DECORATIVE}>
      <rect x="1" y="1" width="26" height="26" rx="7" fill="currentColor" />
      <path className="mark-ink" d="M9 14h4.5c2 0 2.5-5 5.5-5M13.5 14c2 0 2.5 5 5.5 5" strokeWidth="2" strokeLinecap="round" fill="none" />
      <circle className="mark-ink" cx="8.5" cy="14" r="2.2" fill="none" strokeWidth="2" />
      <circle className="mark-ink" cx="20" cy="9" r="2.2" fill="none" strokeWidth="2" />
      <circle className="mark-ink" cx="20" cy="19" r="2.2" fill="none" strokeWidth="2" />
    </svg>
  );
}

/** The close button's cross. */
export function CloseIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="20" height="20" {...DECORATIVE}>
      <path d="M5 5l10 10M15 5 5 15" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** A warning sign, for the callouts. */
export function WarningIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="20" height="20" {...DECORATIVE}>
      <path d="M10 2.5 18.5 17H1.5Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M10 8v4.2M10 14.4v.1" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** The confirmation's large check mark: a connection made is an event, not a line of text. */
export function CheckMark() {
  return (
    <svg className="check" part="check" viewBox="0 0 48 48" width="48" height="48" {...DECORATIVE}>
      <circle cx="24" cy="24" r="22" fill="none" stroke="currentColor" strokeWidth="3" />
      <path d="M14 24.5 21 31.5 34.5 17" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A small arrow pointing out of a box: the link opens in a new tab. */
export function ExternalIcon() {
  return (
    <svg className="icon-inline" viewBox="0 0 16 16" width="12" height="12" {...DECORATIVE}>
      <path d="M9 3h4v4M13 3 7.5 8.5M11 9.5V13H3V5h3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
