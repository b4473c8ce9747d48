import { describe, expect, it } from 'vitest';
import {
  HarnessConnectError,
  verifyHarnessToken,
  type HarnessPermissionRequirement,
  type VerifyHarnessTokenOptions,
} from '../../src/core/index.js';
import { ACCOUNT, PAT, SAT, SECRET, SAT_SECRET } from './fixtures.js';

/**
 * What the verifier learns after token/validate accepted a key (#13): the account's name, who the key acts
 * as, its permissions and whether it expires soon. Driven by a fake `fetch` that answers each Harness path;
 * the mock-backed suites (test/server/identity-*.test.ts) run the same behaviour against the Harness mock.
 */

interface Call {
  url: string;
  path: string;
  init: RequestInit;
}

type Responder = (call: Call) => Response | Promise<Response>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const DAY_MS = 24 * 60 * 60 * 1000;

function validateAnswer(data: Record<string, unknown> = {}): Response {
  return json(200, {
    status: 'SUCCESS',
    data: {
      identifier: 'tok',
      name: 'ci-token',
      validTo: Date.UTC(2031, 0, 1),
      valid: true,
      accountIdentifier: ACCOUNT,
      parentIdentifier: 'ada-uuid',
      apiKeyType: 'USER',
      email: 'ada@example.com',
      username: 'ada',
      ...data,
    },
    correlationId: 'corr-validate',
  });
}

const accountAnswer = (data: Record<string, unknown> = {}) =>
  json(200, { status: 'SUCCESS', data: { identifier: ACCOUNT, name: 'Acme Platform', ...data } });
const userAnswer = (data: Record<string, unknown> = {}) =>
  json(200, { status: 'SUCCESS', data: { uuid: 'ada-uuid', name: 'Ada Lovelace', email: 'ada@example.com', ...data } });
const denied = () => json(403, { status: 'ERROR', code: 'NG_ACCESS_DENIED', message: 'Missing permission core_account_view' });

/** An ACL answer that permits exactly the permission ids in `permitted`, for each check asked. */
function aclAnswer(call: Call, permitted: readonly string[], principal: Record<string, unknown> = { principalIdentifier: 'ada-uuid', principalType: 'USER' }) {
  const { permissions } = JSON.parse(String(call.init.body)) as { permissions: Array<Record<string, unknown>> };
  return json(200, {
    status: 'SUCCESS',
    data: {
      principal,
      accessControlList: permissions.map((check) => ({ ...check, permitted: permitted.includes(String(check.permission)) })),
    },
    correlationId: 'corr-acl',
  });
}

interface Routes {
  validate?: Responder;
  account?: Responder;
  user?: Responder;
  acl?: Responder;
}

function fakeHarness(routes: Routes = {}) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const call = { url, path: new URL(url).pathname, init: init ?? {} };
    calls.push(call);
    if (call.path === '/ng/api/token/validate') return (routes.validate ?? (() => validateAnswer()))(call);
    if (call.path === `/ng/api/accounts/${ACCOUNT}`) return (routes.account ?? (() => accountAnswer()))(call);
    if (call.path === '/ng/api/user/currentUser') return (routes.user ?? (() => userAnswer()))(call);
    if (call.path === '/authz/api/acl') return (routes.acl ?? ((c) => aclAnswer(c, [VIEW.permission, EXECUTE.permission])))(call);
    return new Response('<html>404</html>', { status: 404, headers: { 'content-type': 'text/html' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** Never answers; rejects with the signal's reason once it aborts, as `fetch` does. */
function hanging(call: Call): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = call.init.signal!;
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** An ACL answer with two entries for each check asked, saying `first` and then `second`: contradictory when they differ. */
function withDuplicate(call: Call, first: boolean, second: boolean): Response {
  const { permissions } = JSON.parse(String(call.init.body)) as { permissions: Array<Record<string, unknown>> };
  const accessControlList = permissions.flatMap((check) => [{ ...check, permitted: first }, { ...check, permitted: second }]);
  return json(200, { status: 'SUCCESS', data: { principal: { principalIdentifier: 'ada-uuid', principalType: 'USER' }, accessControlList } });
}

const VIEW: HarnessPermissionRequirement = { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' };
const EXECUTE: HarnessPermissionRequirement = { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Run pipelines' };

async function rejection(promise: Promise<unknown>): Promise<HarnessConnectError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(HarnessConnectError);
  return outcome.error as HarnessConnectError;
}

function expectNoSecret(value: unknown) {
  const text = JSON.stringify(value) + (value instanceof HarnessConnectError ? value.message + String(value.detail) : '');
  for (const secret of [PAT, SECRET, SAT, SAT_SECRET]) expect(text).not.toContain(secret);
}

describe('verifyHarnessToken: the calls after token/validate (#13)', () => {
  it('asks for the account and the current user of a personal token, in parallel, as safely as validate', async () => {
    let started = 0;
    let bothStarted: () => void = () => {};
    const together = new Promise<void>((resolve) => (bothStarted = resolve));
    // Each answer waits until both calls were made: sequential calls would hang here until the timeout.
    const afterBoth = (answer: () => Response) => async () => {
      started += 1;
      if (started === 2) bothStarted();
      await together;
      return answer();
    };
    const { fetch, calls } = fakeHarness({ account: afterBoth(() => accountAnswer()), user: afterBoth(() => userAnswer()) });
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch, timeoutMs: 1_000 });

    expect(result).toMatchObject({ accountName: 'Acme Platform', principal: { kind: 'user', identifier: 'ada-uuid', name: 'Ada Lovelace', email: 'ada@example.com' } });
    expect(calls.map((c) => c.path)).toEqual(['/ng/api/token/validate', `/ng/api/accounts/${ACCOUNT}`, '/ng/api/user/currentUser']);
    for (const { url, init } of calls.slice(1)) {
      expect(init.method).toBe('GET');
      expect(init.body).toBeUndefined();
      expect(new URL(url).searchParams.get('accountIdentifier')).toBe(ACCOUNT);
      expect(new Headers(init.headers).get('x-api-key')).toBe(PAT);
      expect(init).toMatchObject({ redirect: 'manual', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
      // One signal for every call: the caller's abort and the one timeout reach them all.
      expect(init.signal).toBe(calls[0]!.init.signal);
      expect(decodeURIComponent(url)).not.toContain(SECRET);
    }
    expect(result.permissions).toEqual({ checked: false, reason: 'none_required' });
    expectNoSecret(result);
  });

  it('calls fetch unbound, as a browser’s window.fetch requires ("Illegal invocation" otherwise)', async () => {
    const { fetch: answer } = fakeHarness();
    const receivers: unknown[] = [];
    const strictFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      receivers.push(this);
      if (this !== undefined && this !== globalThis) return Promise.reject(new TypeError('Illegal invocation'));
      return answer(input, init);
    } as typeof globalThis.fetch;
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch: strictFetch });
    expect(result.accountName).toBe('Acme Platform');
    expect(receivers).toHaveLength(3);
  });

  it('does not ask a service-account token for a current user; its principal is the service account', async () => {
    const { fetch, calls } = fakeHarness({
      validate: () => validateAnswer({ apiKeyType: 'SERVICE_ACCOUNT', parentIdentifier: 'deploy_bot', username: 'deploy-bot', email: 'bot@service.harness.io', validTo: 0 }),
    });
    const result = await verifyHarnessToken({ apiKey: SAT }, { fetch });
    expect(calls.map((c) => c.path)).not.toContain('/ng/api/user/currentUser');
    expect(result.principal).toEqual({ kind: 'service_account', identifier: 'deploy_bot', name: 'deploy-bot', email: 'bot@service.harness.io' });
    expect(result.user).toEqual({ name: 'deploy-bot', email: 'bot@service.harness.io' });
  });

  it.each([
    ['pat', PAT, 'user'],
    ['sat', SAT, 'service_account'],
  ] as const)('takes the kind from the %s prefix when Harness names no key type', async (_name, apiKey, kind) => {
    const { fetch } = fakeHarness({ validate: () => validateAnswer({ apiKeyType: undefined }) });
    expect((await verifyHarnessToken({ apiKey }, { fetch })).principal.kind).toBe(kind);
  });

  it.each<[string, Responder]>([
    ['403 NG_ACCESS_DENIED (no core_account_view)', denied],
    ['a 500', () => json(500, { status: 'ERROR', code: 'UNEXPECTED' })],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed'))],
    ['an HTML page', () => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['a redirect', () => new Response(null, { status: 302, headers: { location: 'https://evil.example' } })],
    ['unreadable JSON', () => new Response('{"status":"SUCC', { status: 200 })],
    ['another account', () => accountAnswer({ identifier: 'SomeOtherAccount000000' })],
    ['a name that is not a string', () => accountAnswer({ name: 42 })],
  ])('gives accountName null, and still succeeds, on %s', async (_name, account) => {
    const { fetch } = fakeHarness({ account });
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch });
    expect(result.accountName).toBeNull();
    expect(result.tokenKind).toBe('pat');
  });

  it('ignores a currentUser answer for another user than token/validate named', async () => {
    const { fetch } = fakeHarness({ user: () => userAnswer({ uuid: 'mallory-uuid', name: 'Mallory', email: 'mallory@example.com' }) });
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch });
    expect(result.principal).toEqual({ kind: 'user', identifier: 'ada-uuid', name: 'ada', email: 'ada@example.com' });
    expect(JSON.stringify(result)).not.toContain('allory');
  });

  it('takes a currentUser answer that names no uuid (nothing to compare)', async () => {
    const { fetch } = fakeHarness({ user: () => userAnswer({ uuid: undefined }) });
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch })).principal.name).toBe('Ada Lovelace');
  });

  it('falls back to token/validate’s username when currentUser fails', async () => {
    const { fetch } = fakeHarness({ user: () => json(500, { status: 'ERROR', code: 'UNEXPECTED' }) });
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch })).principal).toEqual({ kind: 'user', identifier: 'ada-uuid', name: 'ada', email: 'ada@example.com' });
  });

  it('a hang on accounts/{id} ends within the timeout with accountName null, and the key stays valid', async () => {
    const { fetch } = fakeHarness({ account: hanging });
    const started = Date.now();
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result).toMatchObject({ accountName: null, principal: { name: 'Ada Lovelace' } });
  });

  it('the caller cancelling while the calls after validate run → aborted, never a success', async () => {
    const controller = new AbortController();
    const { fetch } = fakeHarness({
      account: (call) => {
        setTimeout(() => controller.abort(), 10);
        return hanging(call);
      },
    });
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, signal: controller.signal }));
    expect(error.code).toBe('aborted');
  });

  it('removes the key from an account name or principal that echoes it', async () => {
    const { fetch } = fakeHarness({
      account: () => accountAnswer({ name: `Acme ${PAT}` }),
      user: () => userAnswer({ name: `Ada \u0000${SECRET}` }),
    });
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch });
    expect(result.accountName).toBe('Acme [redacted]');
    expect(result.principal.name).toBe('Ada \u0000[redacted]');
    expectNoSecret(result);
  });
});

describe('verifyHarnessToken: requiredPermissions (#13)', () => {
  const PROJECT_DEPLOY: HarnessPermissionRequirement = {
    permission: 'core_pipeline_execute',
    resourceType: 'PIPELINE',
    scope: { orgIdentifier: 'default', projectIdentifier: 'shipyard' },
    resourceIdentifier: 'deploy',
  };

  it('asks with one POST /authz/api/acl for all of them, scoped to the account, alongside the other calls', async () => {
    const { fetch, calls } = fakeHarness();
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch, requiredPermissions: [VIEW, PROJECT_DEPLOY] });
    const acl = calls.filter((c) => c.path === '/authz/api/acl');
    expect(acl).toHaveLength(1);
    const [{ url, init }] = acl as [Call];
    expect(init.method).toBe('POST');
    expect(new URL(url).searchParams.get('accountIdentifier')).toBe(ACCOUNT);
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(init).toMatchObject({ redirect: 'manual', credentials: 'omit', signal: calls[0]!.init.signal });
    expect(JSON.parse(String(init.body))).toEqual({
      permissions: [
        {
          resourceScope: { accountIdentifier: ACCOUNT, orgIdentifier: null, projectIdentifier: null },
          resourceType: 'PIPELINE',
          resourceIdentifier: null,
          permission: 'core_pipeline_view',
        },
        {
          resourceScope: { accountIdentifier: ACCOUNT, orgIdentifier: 'default', projectIdentifier: 'shipyard' },
          resourceType: 'PIPELINE',
          resourceIdentifier: 'deploy',
          permission: 'core_pipeline_execute',
        },
      ],
    });
    expect(String(init.body)).not.toContain(SECRET);
    expect(result.permissions).toEqual({ checked: true, granted: [VIEW, PROJECT_DEPLOY], missing: [] });
  });

  it('fails with missing_permissions, naming what is missing and granted, the account and the principal', async () => {
    const { fetch } = fakeHarness({ acl: (call) => aclAnswer(call, [VIEW.permission]) });
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, requiredPermissions: [VIEW, EXECUTE] }));
    expect(error).toMatchObject({
      code: 'missing_permissions',
      field: null,
      retryable: false,
      missing: [EXECUTE],
      granted: [VIEW],
      accountName: 'Acme Platform',
      principal: { kind: 'user', identifier: 'ada-uuid', name: 'Ada Lovelace', email: 'ada@example.com' },
    });
    expect(error.message).toMatch(/Harness admin/);
    expectNoSecret(error);
  });

  it('fails with missing_permissions in advisory mode too: Harness said no', async () => {
    const { fetch } = fakeHarness({ acl: (call) => aclAnswer(call, []) });
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, requiredPermissions: [VIEW], permissionCheck: 'advisory' }));
    expect(error).toMatchObject({ code: 'missing_permissions', missing: [VIEW], granted: [] });
  });

  it('matches answers by permission, type, scope and resource, whatever their order', async () => {
    const { fetch } = fakeHarness({
      acl: () =>
        json(200, {
          status: 'SUCCESS',
          data: {
            principal: { principalIdentifier: 'ada-uuid', principalType: 'USER' },
            accessControlList: [
              // The same permission at account or org scope, or for any pipeline, does not answer the requirement.
              { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', resourceScope: { accountIdentifier: ACCOUNT }, resourceIdentifier: null, permitted: true },
              { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', resourceScope: { accountIdentifier: ACCOUNT, orgIdentifier: 'default' }, resourceIdentifier: 'deploy', permitted: true },
              { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', resourceScope: { accountIdentifier: ACCOUNT, orgIdentifier: 'default', projectIdentifier: 'shipyard' }, permitted: true },
              { permission: 'core_pipeline_execute', resourceType: 'SERVICE', resourceScope: { accountIdentifier: ACCOUNT, orgIdentifier: 'default', projectIdentifier: 'shipyard' }, resourceIdentifier: 'deploy', permitted: true },
              { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', resourceScope: { accountIdentifier: ACCOUNT, orgIdentifier: 'default', projectIdentifier: 'shipyard' }, resourceIdentifier: 'deploy', permitted: false },
              { permission: 'core_pipeline_view', resourceType: 'PIPELINE', resourceScope: { accountIdentifier: ACCOUNT, orgIdentifier: null }, permitted: true },
            ],
          },
        }),
    });
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch, requiredPermissions: [PROJECT_DEPLOY, VIEW] }));
    expect(error).toMatchObject({ code: 'missing_permissions', missing: [PROJECT_DEPLOY], granted: [VIEW] });
  });

  it('reads entries that repeat one verdict as that verdict', async () => {
    const granted = fakeHarness({ acl: (call) => withDuplicate(call, true, true) });
    expect((await verifyHarnessToken({ apiKey: PAT }, { fetch: granted.fetch, requiredPermissions: [VIEW] })).permissions).toEqual({
      checked: true,
      granted: [VIEW],
      missing: [],
    });
    const refused = fakeHarness({ acl: (call) => withDuplicate(call, false, false) });
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch: refused.fetch, requiredPermissions: [VIEW] }));
    expect(error).toMatchObject({ code: 'missing_permissions', missing: [VIEW] });
  });

  it.each<[string, Responder]>([
    ['a 500', () => json(500, { status: 'ERROR', code: 'UNEXPECTED', correlationId: 'corr-500' })],
    ['a 404', () => json(404, { status: 'ERROR', code: 'RESOURCE_NOT_FOUND' })],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed'))],
    ['unreadable JSON', () => new Response('{"status":"SUCC', { status: 200 })],
    ['an answer without accessControlList', () => json(200, { status: 'SUCCESS', data: { principal: {} } })],
    ['an entry without permitted', () => json(200, { status: 'SUCCESS', data: { accessControlList: [{ permission: 'core_pipeline_view', resourceType: 'PIPELINE' }] } })],
    ['an answer for another account', (call) => json(200, { status: 'SUCCESS', data: { accessControlList: JSON.parse(String(call.init.body)).permissions.map((c: Record<string, unknown>) => ({ ...c, resourceScope: { accountIdentifier: 'Elsewhere' }, permitted: true })) } })],
    ['a redirect', () => new Response(null, { status: 302, headers: { location: 'https://evil.example' } })],
    ['entries permitting and refusing one requirement', (call) => withDuplicate(call, true, false)],
    ['entries refusing and permitting one requirement', (call) => withDuplicate(call, false, true)],
    ['an answer for another principal', (call) => aclAnswer(call, [VIEW.permission], { principalIdentifier: 'mallory-uuid', principalType: 'USER' })],
    ['an answer for another principal (the Go SDK’s names)', (call) => aclAnswer(call, [VIEW.permission], { identifier: 'mallory-uuid', type: 'USER' })],
    ['an answer for another kind of principal', (call) => aclAnswer(call, [VIEW.permission], { principalIdentifier: 'ada-uuid', principalType: 'SERVICE_ACCOUNT' })],
  ])('the ACL call failing (%s): permissions_unknown when required, unavailable when advisory', async (_name, acl) => {
    const required = fakeHarness({ acl });
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch: required.fetch, requiredPermissions: [VIEW] }));
    expect(error).toMatchObject({ code: 'permissions_unknown', field: null, retryable: true });
    expect(error.detail).toMatch(/ACL/);
    expectNoSecret(error);

    const advisory = fakeHarness({ acl });
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch: advisory.fetch, requiredPermissions: [VIEW], permissionCheck: 'advisory' });
    expect(result.permissions).toEqual({ checked: false, reason: 'unavailable' });
    expect(result.accountName).toBe('Acme Platform');
  });

  it('passes on the ACL answer’s correlation id only when it is shaped like one', async () => {
    const verify = (correlationId: string) =>
      rejection(
        verifyHarnessToken(
          { apiKey: PAT },
          { fetch: fakeHarness({ acl: () => json(500, { status: 'ERROR', code: 'UNEXPECTED', correlationId }) }).fetch, requiredPermissions: [VIEW] },
        ),
      );
    expect((await verify('corr-500')).correlationId).toBe('corr-500');
    expect((await verify('corr-500\nHTTP status: 200')).correlationId).toBeNull();
  });

  it('an ACL call that hangs: permissions_unknown within the timeout when required, unavailable when advisory', async () => {
    const started = Date.now();
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { fetch: fakeHarness({ acl: hanging }).fetch, requiredPermissions: [VIEW], timeoutMs: 150 }));
    expect(error).toMatchObject({ code: 'permissions_unknown' });
    expect(error.detail).toMatch(/within 150 ms/);
    const result = await verifyHarnessToken(
      { apiKey: PAT },
      { fetch: fakeHarness({ acl: hanging }).fetch, requiredPermissions: [VIEW], permissionCheck: 'advisory', timeoutMs: 150 },
    );
    expect(result.permissions).toEqual({ checked: false, reason: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['principalIdentifier', { principalIdentifier: 'from-acl', principalType: 'USER' }],
    ['identifier (the Go SDK’s name)', { identifier: 'from-acl', type: 'USER' }],
  ])('reads the principal from the ACL answer’s %s when token/validate names none', async (_name, principal) => {
    const { fetch } = fakeHarness({
      validate: () => validateAnswer({ parentIdentifier: null }),
      acl: (call) => aclAnswer(call, [VIEW.permission], principal),
    });
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch, requiredPermissions: [VIEW] });
    expect(result.principal.identifier).toBe('from-acl');
  });

  it('returns copies of the requirements with only their own fields', async () => {
    const { fetch } = fakeHarness();
    const withExtra = { ...VIEW, internal: 'not for the answer' } as HarnessPermissionRequirement;
    const result = await verifyHarnessToken({ apiKey: PAT }, { fetch, requiredPermissions: [withExtra] });
    expect(result.permissions).toEqual({ checked: true, granted: [VIEW], missing: [] });
  });

  it.each<[string, VerifyHarnessTokenOptions]>([
    ['a requirement without a resourceType', { requiredPermissions: [{ permission: 'core_pipeline_view' } as HarnessPermissionRequirement] }],
    ['an empty permission', { requiredPermissions: [{ permission: '', resourceType: 'PIPELINE' }] }],
    ['a scope that is a string', { requiredPermissions: [{ ...VIEW, scope: 'default' } as unknown as HarnessPermissionRequirement] }],
    ['requiredPermissions that is not a list', { requiredPermissions: VIEW as unknown as HarnessPermissionRequirement[] }],
    ['an unknown permissionCheck', { requiredPermissions: [VIEW], permissionCheck: 'optional' as 'advisory' }],
    ['a negative expiryWarningDays', { expiryWarningDays: -1 }],
    ['a non-numeric expiryWarningDays', { expiryWarningDays: Number.NaN }],
  ])('refuses %s as a configuration error, before any request', async (_name, options) => {
    const { fetch, calls } = fakeHarness();
    const error = await rejection(verifyHarnessToken({ apiKey: PAT }, { ...options, fetch }));
    expect(error.code).toBe('configuration');
    expect(error.detail).toMatch(/^harness-connect: /);
    expect(calls).toHaveLength(0);
  });
});

describe('verifyHarnessToken: expiresSoon (#13)', () => {
  it('is true for a key that expires within 30 days, false beyond, and false for one that never expires', async () => {
    const inDays = (days: number) => Date.now() + days * DAY_MS;
    const verify = (validTo: number, options: VerifyHarnessTokenOptions = {}) =>
      verifyHarnessToken({ apiKey: PAT }, { ...options, fetch: fakeHarness({ validate: () => validateAnswer({ validTo }) }).fetch });
    expect((await verify(inDays(5))).expiresSoon).toBe(true);
    expect((await verify(inDays(29.9))).expiresSoon).toBe(true);
    expect((await verify(inDays(31))).expiresSoon).toBe(false);
    expect((await verify(0)).expiresSoon).toBe(false);
    expect((await verify(inDays(5), { expiryWarningDays: 3 })).expiresSoon).toBe(false);
    expect((await verify(inDays(45), { expiryWarningDays: 60 })).expiresSoon).toBe(true);
    expect((await verify(inDays(1), { expiryWarningDays: 0 })).expiresSoon).toBe(false);
  });
});
