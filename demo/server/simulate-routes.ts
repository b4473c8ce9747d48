/**
 * The Accounts page's Simulate menu, served only when Shipyard talks to the Harness mock: it changes what the
 * mock answers for a linked account's key, so a person can watch a healthy connection turn into "needs
 * reconnect" (Check) and repair it (Reconnect). With real Harness these routes do not exist (404).
 *
 *   POST /api/simulate/revoke/:id            an admin revokes the key: Harness answers 401 REVOKED_TOKEN
 *   POST /api/simulate/take-permission/:id   the key's role loses "Execute pipelines"
 *   POST /api/simulate/expire/:id            Harness's clock moves a day past the key's expiry
 *   POST /api/simulate/reset                 the mock as it started: every simulation undone
 */
import { HARNESS_FIXTURE_PERMISSIONS, HARNESS_FIXTURE_TOKEN_IDS, type HarnessFixtureTokenName } from '../../src/testing/fixtures.ts';
import type { HarnessMock } from '../../src/testing/index.ts';
import { PIPELINE_EXECUTE_PERMISSION } from '../shared/required-permissions.ts';
import { decodedSegment } from './account-routes.ts';
import type { AccountStore } from './accounts.ts';
import { crossOrigin, failure, json, notAllowed, notFound } from './http-answers.ts';
import { isSameOrigin } from './same-origin.ts';

/** What a simulation answers: what Harness will now say, in words for the page's status line. */
export interface SimulateAnswer {
  ok: true;
  message: string;
}

export type SimulateAction = 'revoke' | 'take-permission' | 'expire';

/** How far past the expiry the clock moves: far enough that no rounding makes the key valid again. */
const PAST_EXPIRY_MS = 24 * 60 * 60 * 1000;

/** The permissions a fixture token was seeded with, found by its token id (the mock knows only fixtures). */
function seededPermissions(tokenId: string): readonly string[] | null {
  const entry = Object.entries(HARNESS_FIXTURE_TOKEN_IDS).find(([, id]) => id === tokenId);
  return entry === undefined ? null : HARNESS_FIXTURE_PERMISSIONS[entry[0] as HarnessFixtureTokenName];
}

const done = (message: string) => json(200, { ok: true, message } satisfies SimulateAnswer);

export function createSimulateRoutes({ store, mock }: { store: AccountStore; mock: HarnessMock }) {
  async function simulate(action: SimulateAction, accountId: string): Promise<Response> {
    const token = await store.tokenOf(accountId);
    if (token === null) return notFound(`No linked account ${accountId}.`);
    if (action === 'revoke') {
      mock.revoke(token.tokenId);
      return done('Harness now answers REVOKED_TOKEN for the stored key. Press Check to see what Shipyard sees.');
    }
    if (action === 'take-permission') {
      const seeded = seededPermissions(token.tokenId);
      if (seeded === null) return notFound('The Harness mock knows no permissions for this key.');
      mock.setPermissions(
        token.tokenId,
        seeded.filter((permission) => permission !== PIPELINE_EXECUTE_PERMISSION),
      );
      return done('The key’s role in Harness no longer grants “Execute pipelines”. Press Check to see what Shipyard sees.');
    }
    if (token.expiresAt === null) {
      return failure(409, { code: 'never_expires', message: 'This key never expires: there is no expiry to move past.' });
    }
    mock.setNow(Date.parse(token.expiresAt) + PAST_EXPIRY_MS);
    return done('Harness’s clock is now a day past the key’s expiry. Press Check to see what Shipyard sees.');
  }

  /** Answers a path under /api/simulate, or `null` when it is none of these routes. */
  return async (request: Request, path: string): Promise<Response | null> => {
    const reset = path === '/api/simulate/reset';
    const match = /^\/api\/simulate\/(revoke|take-permission|expire)\/([^/]+)$/.exec(path);
    if (!reset && !match) return null;
    if (request.method !== 'POST') return notAllowed('POST');
    if (!isSameOrigin(request)) return crossOrigin();
    if (reset) {
      mock.reset();
      return done('The Harness mock is back as it started: nothing revoked, every permission, the real clock.');
    }
    const accountId = decodedSegment(match![2]!);
    return accountId === null ? notFound(`No linked account ${match![2]!}.`) : simulate(match![1] as SimulateAction, accountId);
  };
}
