/**
 * The English catalogue: every string the widget shows or announces. The default, always in the bundle;
 * the other shipped catalogues are loaded on demand (`locale`). Error and problem texts reuse the core's
 * English messages, so they are not shipped twice.
 *
 * Markup inside a message: `code`, *strong*, [a link to Harness] (opens in a new tab). Placeholders:
 * `{brand}` (the host's product), `{app}` (the brand or "this app"), `{token}`/`{typed}` (account ids).
 */
import { ACCOUNT_MISMATCH_MESSAGE, ACCOUNT_REQUIRED_MESSAGE, RECONNECT_ACCOUNT_MISMATCH_MESSAGE } from '../../core/credentials.js';
import { HARNESS_ACCOUNT_PROBLEM_MESSAGES } from '../../core/account.js';
import { HARNESS_CONNECT_ERROR_MESSAGES } from '../../core/errors.js';
import { HARNESS_TOKEN_PROBLEM_MESSAGES } from '../../core/token.js';
import { plural } from './plural.js';

export const en = {
  /** The dialog's name. Stays "Connect Harness" in English (the accessible name is a contract). */
  title: 'Connect Harness',
  /** The dialog's name with a `brand`. */
  titleBrand: 'Connect Harness to {brand}',
  titleReconnect: 'Reconnect Harness',
  titleReconnectBrand: 'Reconnect Harness to {brand}',
  close: 'Close',
  note: 'Creating API keys in Harness needs admin access or a role that allows it.',
  /**
   * After the access note, when the host's required permissions have labels. It does not open with `{app}`:
   * the default "this app" would start the sentence in lower case.
   */
  needsPermissions: 'The key for {app} must be able to: {permissions}.',
  /** The step indicator's accessible name, and what is announced after a finished step. */
  progress: 'Progress',
  done: '(done)',
  /** Beside the step indicator's dots. */
  stepOf: 'Step {current} of {total}',
  steps: { key: 'Generate a Harness API key', account: 'Find your account identifier', connect: 'Connect' },
  next: 'Next',
  back: 'Back',
  skip: 'I already have an API key',
  /** Who reads the account, when no `brand` is given. */
  thisApp: 'this app',
  keyIntro: 'A personal or service account API key lets {app} read your Harness account for you.',
  /** A reconnect's first step: which connection is renewed, and a new token for the same principal. */
  reconnectFor: 'You are renewing the key of the connection to {account}.',
  reconnectKeyIntro: 'Create a new token for {who} again, and paste it here.',
  reconnectKeyIntroUnnamed: 'Create a new token for the same user or service account as before, and paste it here.',
  keySteps: [
    'Sign in to [Harness], select your profile icon at the bottom left, then *Profile Overview*.',
    'Under *My API Keys*, select *+ API Key* and name it.',
    'Under that key, select *+ Token*. Copy the token at once (Harness shows it only once) and keep it safe.',
  ],
  /** Said after the link to Harness, for screen readers (an icon shows it). */
  newTab: '(opens in a new tab)',
  accountIntro: 'Your account identifier names your Harness account. You can see it in the address bar whenever you are signed in to Harness:',
  accountExample: 'The highlighted part is your account identifier. You can also paste the whole address into the form: the identifier is taken from it.',
  formTitle: 'Enter your credentials',
  apiKey: 'API Key',
  apiKeyHint: 'Starts with `pat.` or `sat.`',
  show: 'Show',
  hide: 'Hide',
  showKey: 'Show API key',
  accountId: 'Account Identifier',
  accountHint: 'Usually filled in from your key. You can also paste a whole Harness address.',
  accountFixedHint: 'The account being reconnected: it stays the same.',
  /** Beside the error for an account identifier pasted as the key: moves it to the right field. */
  moveToAccount: 'Move it to Account Identifier',
  verifying: 'Checking your key with Harness…',
  cancel: 'Cancel',
  connect: 'Connect',
  retry: 'Try again',
  /** The primary button while a failure asked to wait (Retry-After): the seconds left, counting down. */
  retryIn: 'Try again in {count} s',
  /**
   * The primary button while such a wait is still running but its failure is no longer shown (the dialog
   * was closed and opened again, or a field changed): nothing failed in this form yet.
   */
  connectIn: 'Connect in {count} s',
  /** The status line beside `connectIn`: why the button is held. */
  waitHeld: 'The last attempt asked for a short wait. You can connect when the countdown ends.',
  /** Announced once when such a wait begins. */
  retryWait: plural({
    one: 'You can try again in {count} second.',
    other: 'You can try again in {count} seconds.',
  }),
  finish: 'Done',
  successTitle: 'Harness account connected',
  successBrand: 'Harness account connected to {brand}',
  account: 'Account',
  token: 'Token',
  expires: 'Expires',
  never: 'Never',
  tokenKinds: { pat: 'Personal access token', sat: 'Service account token' },
  /** The confirmation's heading when Harness named the account. */
  successNamed: '{account} is connected',
  successNamedBrand: '{account} is connected to {brand}',
  /** The confirmation of a reconnect (`mode="reconnect"`): the same connection, with a new key. */
  renewedTitle: 'Harness connection renewed',
  renewedBrand: 'Harness connection to {brand} renewed',
  renewedNamed: 'Connection to {account} renewed',
  renewedNamedBrand: 'Connection of {account} to {brand} renewed',
  /** Who the key acts as: a person or a service account. */
  actsAs: 'Acts as',
  principalKinds: { user: 'Person', service_account: 'Service account' },
  /** A key that expires within the host's warning window, by the days left (`Intl.PluralRules` categories). */
  expiresSoon: plural({
    one: 'This key expires in {count} day, on {date}. Create one with a longer life so that {app} stays connected.',
    other: 'This key expires in {count} days, on {date}. Create one with a longer life so that {app} stays connected.',
  }),
  expiresToday: 'This key expires today. Create one with a longer life so that {app} stays connected.',
  /** Copies what support needs about a failure (never the key). */
  copyDetails: 'Copy details',
  detailsCopied: 'Details copied',
  copyRefused: 'The clipboard is not available here: select the details below and copy them.',
  /** The view for a valid key that lacks permissions the host requires. */
  permissionsTitle: 'This key can’t do everything {app} needs',
  permissionsChecked: 'Harness checked the permissions of {who} in {account}. Missing:',
  permissionsAsk: 'Ask a Harness admin for a role that grants these permissions to {who}, then check again.',
  thisPrincipal: { user: 'this user', service_account: 'this service account' },
  permissionScope: { account: 'across the whole account', org: 'in organization {org}', project: 'in project {project} of organization {org}' },
  useAnotherKey: 'Use another key',
  /** A reconnect refused as `principal_mismatch`, when the error says who the new key acts as (and whom the connection had). */
  principalMismatchNamed: 'This key acts as {who}, not {expected}. Use a key of {expected}.',
  principalMismatchWho: 'This key acts as {who}, not as the user or service account of the connection you are renewing. Use a key of that one.',
  checkAgain: 'Check again',
  /** After the IP allow-list message, when the host listed its outbound addresses. */
  egressList: 'Addresses to allow: {ips}.',
  /** Failures by `HarnessConnectError` code (a host's own message on an error is shown as it is). */
  errors: HARNESS_CONNECT_ERROR_MESSAGES,
  /** What is wrong with the API Key field, by problem. */
  keyProblems: { ...HARNESS_TOKEN_PROBLEM_MESSAGES, other_account: RECONNECT_ACCOUNT_MISMATCH_MESSAGE },
  /** What is wrong with the Account Identifier field, by problem. */
  accountProblems: {
    ...HARNESS_ACCOUNT_PROBLEM_MESSAGES,
    account_required: ACCOUNT_REQUIRED_MESSAGE,
    account_mismatch: ACCOUNT_MISMATCH_MESSAGE,
  },
};

/** Every message of the widget. Each shipped catalogue has exactly these keys (a test compares them). */
export type HarnessConnectMessages = typeof en;

/** Overrides for any message: a deep-partial catalogue, type-checked. */
export type HarnessConnectMessagesOverride = {
  [K in keyof HarnessConnectMessages]?: HarnessConnectMessages[K] extends string
    ? string
    : HarnessConnectMessages[K] extends readonly string[]
      ? HarnessConnectMessages[K]
      : { [P in keyof HarnessConnectMessages[K]]?: string };
};
