#!/usr/bin/env node
// Serves the in-memory Harness mock over HTTP, for trying the verifier, the server route or the widget
// against a Harness that works offline. Runs the built package (`npm run mock` builds first).
//   PORT=4010 HOST=127.0.0.1 npm run mock
import { startHarnessMockServer } from '../dist/testing-node.js';
import { HARNESS_FIXTURE_TOKENS, HARNESS_FIXTURE_ACCOUNTS } from '../dist/testing.js';

const port = Number(process.env.PORT ?? 4010);
const host = process.env.HOST ?? '127.0.0.1';
const server = await startHarnessMockServer({ port, host });

console.log(`Harness mock on ${server.url}  (Ctrl+C stops it)`);
console.log(`Base URL for the verifier: ${server.url} with allowedHosts: ['${new URL(server.url).host}']`);
console.log(`Primary account: ${HARNESS_FIXTURE_ACCOUNTS.primary.id}`);
for (const [name, token] of Object.entries(HARNESS_FIXTURE_TOKENS)) console.log(`  ${name.padEnd(12)} ${token}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
