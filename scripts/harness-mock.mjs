#!/usr/bin/env node
// Serves the in-memory Harness mock over HTTP, for trying the verifier, the server route or the widget
// against a Harness that works offline. Runs the built package (`npm run mock` builds first).
//   PORT=4010 HOST=127.0.0.1 npm run mock
import { startHarnessMockServer } from '../dist/testing-node.js';
import { HARNESS_FIXTURE_ACCOUNTS, HARNESS_FIXTURE_TOKENS } from '../dist/testing.js';

const port = Number(process.env.PORT ?? 4010);
const host = process.env.HOST ?? '127.0.0.1';

/**
 * What Harness answers for each fixture key, grouped by what it is for (README's fixture table says the same).
 * A fixture missing here is still listed, under "Other", so a new one is never hidden.
 */
const GROUPS = [
  {
    title: 'Valid keys',
    fixtures: {
      pat: 'Ada Lovelace (person), Acme Platform, expires 2031-01-01; every permission',
      patRotated: 'Ada Lovelace’s second key (a rotated one), expires 2032-01-01: renews a pat link',
      sat: 'deploy-bot (service account), never expires; no core_account_view (account name 403)',
      expiringSoon: 'Ada Lovelace, expires 5 days after the mock started',
      missingPermission: 'Charles Babbage: may view pipelines, not execute them (core_pipeline_execute missing)',
      otherAccount: 'another account, Globex Delivery',
      legacy: 'an old 3-part key without its account: send the Acme Platform identifier with it',
      aclUnavailable: 'valid, but the account’s POST /authz/api/acl answers 500',
    },
  },
  {
    title: 'Refused keys',
    fixtures: {
      expired: '401 EXPIRED_TOKEN (expired 2024-03-01)',
      revokedByAdmin: '401 REVOKED_TOKEN',
      revoked: '401 INVALID_TOKEN "Token not found" (deleted)',
      wrongSecret: '401 INVALID_TOKEN "Raw password not matching"',
      disabledUser: '401 USER_DISABLED',
      inactiveAccount: '401 INACTIVE_ACCOUNT',
      deletedAccount: '401 ACCOUNT_DOES_NOT_EXIST',
      restricted: '403 NOT_WHITELISTED_IP (the account’s IP allow-list)',
    },
  },
];

const described = new Set(GROUPS.flatMap((group) => Object.keys(group.fixtures)));
const others = Object.keys(HARNESS_FIXTURE_TOKENS).filter((name) => !described.has(name));
if (others.length > 0) GROUPS.push({ title: 'Other', fixtures: Object.fromEntries(others.map((name) => [name, ''])) });

const nameWidth = Math.max(...Object.keys(HARNESS_FIXTURE_TOKENS).map((name) => name.length));

const server = await startHarnessMockServer({ port, host });

console.log(`Harness mock on ${server.url}  (Ctrl+C stops it)`);
console.log(`Base URL for the verifier: ${server.url} with allowedHosts: ['${new URL(server.url).host}']`);
console.log('\nAccounts:');
for (const account of Object.values(HARNESS_FIXTURE_ACCOUNTS)) console.log(`  ${account.id}  ${account.name}`);
for (const group of GROUPS) {
  console.log(`\n${group.title}:`);
  for (const [name, says] of Object.entries(group.fixtures)) {
    console.log(`  ${name.padEnd(nameWidth)}  ${says}`);
    console.log(`  ${''.padEnd(nameWidth)}  ${HARNESS_FIXTURE_TOKENS[name]}`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
