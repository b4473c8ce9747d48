import { describe, expect, it } from 'vitest';
import {
  checkHarnessCredentials,
  HARNESS_ACCOUNT_PROBLEM_MESSAGES,
  HARNESS_TOKEN_PROBLEM_MESSAGES,
  harnessCredentialsSchema,
  type CheckedHarnessCredentials,
  type FailedHarnessCredentials,
  type HarnessCredentialsInput,
} from '../../src/core/index.js';
import { ACCOUNT_REQUIRED_MESSAGE, accountMismatchMessage } from '../../src/core/credentials.js';
import { ACCOUNT, LEGACY, OTHER_ACCOUNT, OTHER_PAT, PAT, SAT, SECRET, TOKEN_ID } from './fixtures.js';

const URL_OF_ACCOUNT = `https://app.harness.io/ng/account/${ACCOUNT}/home/get-started`;

function ok(input: Partial<HarnessCredentialsInput> | null | undefined): CheckedHarnessCredentials {
  const result = checkHarnessCredentials(input);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues.map((i) => i.problem))}`);
  return result;
}

function failed(input: Partial<HarnessCredentialsInput> | null | undefined): FailedHarnessCredentials {
  const result = checkHarnessCredentials(input);
  if (result.ok) throw new Error('expected a failure');
  return result;
}

describe('checkHarnessCredentials', () => {
  it('takes the account id from a 4-part token when none is typed', () => {
    const result = ok({ apiKey: PAT });
    expect(result.credentials).toEqual({ apiKey: PAT, accountId: ACCOUNT });
    expect(result.accountIdFromToken).toBe(true);
    expect(result.tokenKind).toBe('pat');
    expect(result.token).toMatchObject({ token: PAT, accountId: ACCOUNT, tokenId: TOKEN_ID, format: 'current' });
  });

  it('accepts a 4-part token with the matching account id typed', () => {
    const result = ok({ apiKey: SAT, accountId: ACCOUNT });
    expect(result.credentials).toEqual({ apiKey: SAT, accountId: ACCOUNT });
    expect(result.accountIdFromToken).toBe(false);
    expect(result.tokenKind).toBe('sat');
  });

  it.each([
    ['absent', {}],
    ['undefined', { accountId: undefined }],
    ['empty', { accountId: '' }],
    ['spaces', { accountId: '   ' }],
    ['a newline', { accountId: '\n' }],
    ['empty quotes', { accountId: '""' }],
  ])('treats a blank account field (%s) as absent', (_name, extra) => {
    const result = ok({ apiKey: PAT, ...extra });
    expect(result.credentials.accountId).toBe(ACCOUNT);
    expect(result.accountIdFromToken).toBe(true);
  });

  it('cleans the key and the account id', () => {
    const result = ok({ apiKey: `  Bearer "${PAT}"\n`, accountId: ` '${ACCOUNT}' ` });
    expect(result.credentials).toEqual({ apiKey: PAT, accountId: ACCOUNT });
    expect(result.token.cleaned).toBe(true);
  });

  it('resolves an address pasted in the account field', () => {
    expect(ok({ apiKey: PAT, accountId: URL_OF_ACCOUNT }).credentials).toEqual({ apiKey: PAT, accountId: ACCOUNT });
    expect(ok({ apiKey: LEGACY, accountId: URL_OF_ACCOUNT }).credentials).toEqual({ apiKey: LEGACY, accountId: ACCOUNT });
  });

  it('requires the account id for a legacy token', () => {
    expect(failed({ apiKey: LEGACY }).issues).toEqual([
      { field: 'accountId', problem: 'account_required', message: ACCOUNT_REQUIRED_MESSAGE },
    ]);
    expect(failed({ apiKey: LEGACY, accountId: '  ' }).issues).toEqual([
      { field: 'accountId', problem: 'account_required', message: ACCOUNT_REQUIRED_MESSAGE },
    ]);
  });

  it('accepts a legacy token with the account id typed', () => {
    const result = ok({ apiKey: LEGACY, accountId: ACCOUNT });
    expect(result.credentials).toEqual({ apiKey: LEGACY, accountId: ACCOUNT });
    expect(result.accountIdFromToken).toBe(false);
  });

  it('accepts an account id of unusual length (a warning is not an error)', () => {
    expect(ok({ apiKey: LEGACY, accountId: 'abc123DEF456' }).credentials.accountId).toBe('abc123DEF456');
  });

  it('reports a mismatch on the account field, naming both ids', () => {
    const result = failed({ apiKey: PAT, accountId: OTHER_ACCOUNT });
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toEqual({ field: 'accountId', problem: 'account_mismatch', message: accountMismatchMessage(ACCOUNT, OTHER_ACCOUNT) });
    expect(issue!.message).toContain(ACCOUNT);
    expect(issue!.message).toContain(OTHER_ACCOUNT);
    expect(issue!.message.indexOf(ACCOUNT)).toBeLessThan(issue!.message.indexOf(OTHER_ACCOUNT));
    expect(issue!.message).not.toContain(SECRET);
  });

  it('reports a mismatch for an address of another account', () => {
    const result = failed({ apiKey: OTHER_PAT, accountId: URL_OF_ACCOUNT });
    expect(result.issues).toEqual([
      { field: 'accountId', problem: 'account_mismatch', message: accountMismatchMessage(OTHER_ACCOUNT, ACCOUNT) },
    ]);
  });

  it('compares ids case-sensitively (Harness ids are case-sensitive)', () => {
    const result = failed({ apiKey: PAT, accountId: ACCOUNT.toLowerCase() });
    expect(result.issues[0]!.problem).toBe('account_mismatch');
  });

  it('reports a malformed key on the apiKey field', () => {
    expect(failed({ apiKey: 'PAT.x.y.z' }).issues).toEqual([
      { field: 'apiKey', problem: 'uppercase_prefix', message: expect.stringMatching(/lower case/) },
    ]);
    expect(failed({ apiKey: '' }).issues).toEqual([
      { field: 'apiKey', problem: 'empty', message: HARNESS_TOKEN_PROBLEM_MESSAGES.empty },
    ]);
  });

  it('reports a malformed account on the accountId field', () => {
    expect(failed({ apiKey: PAT, accountId: 'abc$' }).issues).toEqual([
      { field: 'accountId', problem: 'bad_characters', message: HARNESS_ACCOUNT_PROBLEM_MESSAGES.bad_characters },
    ]);
    expect(failed({ apiKey: PAT, accountId: PAT }).issues).toEqual([
      { field: 'accountId', problem: 'looks_like_token', message: HARNESS_ACCOUNT_PROBLEM_MESSAGES.looks_like_token },
    ]);
    expect(failed({ apiKey: LEGACY, accountId: 'https://app.harness.io/ng/home' }).issues).toEqual([
      { field: 'accountId', problem: 'url_without_account', message: HARNESS_ACCOUNT_PROBLEM_MESSAGES.url_without_account },
    ]);
  });

  it('reports both fields when both are bad, API key first', () => {
    expect(failed({ apiKey: 'nope', accountId: 'a$b' }).issues).toEqual([
      { field: 'apiKey', problem: 'wrong_prefix', message: HARNESS_TOKEN_PROBLEM_MESSAGES.wrong_prefix },
      { field: 'accountId', problem: 'bad_characters', message: HARNESS_ACCOUNT_PROBLEM_MESSAGES.bad_characters },
    ]);
  });

  it('reports only the key when the key is bad and the account blank', () => {
    expect(failed({ apiKey: 'nope', accountId: '' }).issues.map((i) => i.field)).toEqual(['apiKey']);
  });

  it('reports only the key (no mismatch) when the key is bad and the account fine', () => {
    expect(failed({ apiKey: `${PAT}.x`, accountId: OTHER_ACCOUNT }).issues).toEqual([
      { field: 'apiKey', problem: 'wrong_segment_count', message: HARNESS_TOKEN_PROBLEM_MESSAGES.wrong_segment_count },
    ]);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty object', {}],
    ['a non-string key', { apiKey: 42 as unknown as string }],
  ])('never throws for %s and reports an empty key', (_name, input) => {
    expect(failed(input).issues[0]).toMatchObject({ field: 'apiKey', problem: 'empty' });
  });

  it('treats a null account (from JSON) as absent', () => {
    expect(ok({ apiKey: PAT, accountId: null as unknown as string }).credentials.accountId).toBe(ACCOUNT);
  });
});

describe('harnessCredentialsSchema', () => {
  function issuesOf(input: unknown) {
    const result = harnessCredentialsSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) return [];
    return result.error.issues.map((issue) => ({
      path: issue.path,
      message: issue.message,
      problem: (issue as { params?: { problem?: string } }).params?.problem,
      code: issue.code,
    }));
  }

  it('outputs the cleaned key and the account id from the token when none is typed', () => {
    const result = harnessCredentialsSchema.safeParse({ apiKey: `Bearer "${PAT}"\n` });
    expect(result).toEqual({ success: true, data: { apiKey: PAT, accountId: ACCOUNT } });
  });

  it('outputs the account id from the token when the field is blank', () => {
    expect(harnessCredentialsSchema.safeParse({ apiKey: PAT, accountId: '  ' })).toEqual({
      success: true,
      data: { apiKey: PAT, accountId: ACCOUNT },
    });
  });

  it('resolves an address typed in the account field', () => {
    expect(harnessCredentialsSchema.safeParse({ apiKey: ` ${LEGACY} `, accountId: URL_OF_ACCOUNT })).toEqual({
      success: true,
      data: { apiKey: LEGACY, accountId: ACCOUNT },
    });
  });

  it('keeps only apiKey and accountId in its output', () => {
    const result = harnessCredentialsSchema.safeParse({ apiKey: PAT, accountId: ACCOUNT, extra: 'x' });
    expect(result.success && Object.keys(result.data).sort()).toEqual(['accountId', 'apiKey']);
  });

  it('puts account_required on accountId for a legacy token', () => {
    expect(issuesOf({ apiKey: LEGACY })).toEqual([
      { path: ['accountId'], message: ACCOUNT_REQUIRED_MESSAGE, problem: 'account_required', code: 'custom' },
    ]);
    expect(issuesOf({ apiKey: LEGACY, accountId: '' })).toEqual([
      { path: ['accountId'], message: ACCOUNT_REQUIRED_MESSAGE, problem: 'account_required', code: 'custom' },
    ]);
  });

  it('puts account_mismatch on accountId, naming both ids', () => {
    const issues = issuesOf({ apiKey: PAT, accountId: OTHER_ACCOUNT });
    expect(issues).toEqual([
      { path: ['accountId'], message: accountMismatchMessage(ACCOUNT, OTHER_ACCOUNT), problem: 'account_mismatch', code: 'custom' },
    ]);
    expect(issues[0]!.message).toContain(ACCOUNT);
    expect(issues[0]!.message).toContain(OTHER_ACCOUNT);
  });

  it('puts a malformed key on apiKey', () => {
    expect(issuesOf({ apiKey: `${PAT}.extra` })).toEqual([
      {
        path: ['apiKey'],
        message: HARNESS_TOKEN_PROBLEM_MESSAGES.wrong_segment_count,
        problem: 'wrong_segment_count',
        code: 'custom',
      },
    ]);
  });

  it('puts an empty key on apiKey', () => {
    expect(issuesOf({ apiKey: '' })).toEqual([
      { path: ['apiKey'], message: HARNESS_TOKEN_PROBLEM_MESSAGES.empty, problem: 'empty', code: 'custom' },
    ]);
  });

  it('reports both fields when both are bad', () => {
    expect(issuesOf({ apiKey: 'sk-live-123', accountId: PAT })).toEqual([
      { path: ['apiKey'], message: HARNESS_TOKEN_PROBLEM_MESSAGES.wrong_prefix, problem: 'wrong_prefix', code: 'custom' },
      {
        path: ['accountId'],
        message: HARNESS_ACCOUNT_PROBLEM_MESSAGES.looks_like_token,
        problem: 'looks_like_token',
        code: 'custom',
      },
    ]);
  });

  it('does not put the typed value in its issues', () => {
    const result = harnessCredentialsSchema.safeParse({ apiKey: `${PAT}!`, accountId: OTHER_ACCOUNT });
    expect(result.success).toBe(false);
    if (result.success) return;
    const serialised = JSON.stringify(result.error);
    expect(serialised).not.toContain(SECRET);
    expect(serialised).not.toContain(SECRET.slice(-8));
    for (const issue of result.error.issues) expect((issue as { input?: unknown }).input).toBeUndefined();
  });

  it('rejects a non-object and non-string fields without running the checks', () => {
    expect(harnessCredentialsSchema.safeParse(null).success).toBe(false);
    expect(harnessCredentialsSchema.safeParse(PAT).success).toBe(false);
    const wrongTypes = harnessCredentialsSchema.safeParse({ apiKey: 42, accountId: 7 });
    expect(wrongTypes.success).toBe(false);
    if (!wrongTypes.success) {
      expect(wrongTypes.error.issues.map((i) => i.path).sort()).toEqual([['accountId'], ['apiKey']]);
    }
  });

  it('agrees with checkHarnessCredentials', () => {
    const inputs: HarnessCredentialsInput[] = [
      { apiKey: PAT },
      { apiKey: PAT, accountId: OTHER_ACCOUNT },
      { apiKey: LEGACY },
      { apiKey: LEGACY, accountId: ACCOUNT },
      { apiKey: 'x', accountId: 'y$' },
    ];
    for (const input of inputs) {
      const check = checkHarnessCredentials(input);
      const parsedResult = harnessCredentialsSchema.safeParse(input);
      expect(parsedResult.success).toBe(check.ok);
      if (check.ok && parsedResult.success) expect(parsedResult.data).toEqual(check.credentials);
      if (!check.ok && !parsedResult.success) {
        expect(parsedResult.error.issues.map((i) => [i.path[0], i.message])).toEqual(check.issues.map((i) => [i.field, i.message]));
      }
    }
  });
});
