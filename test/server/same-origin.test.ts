/** The demo server's same-origin check for linking and unlinking accounts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '../../demo/server/same-origin.js';

const request = (headers: Record<string, string>) => new Request('http://127.0.0.1:5173/api/harness/connect', { method: 'POST', headers });

describe('isSameOrigin', () => {
  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }, true],
    ['Sec-Fetch-Site: same-site (another port on localhost)', { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:5173' }, false],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, false],
    ['Sec-Fetch-Site: none (typed in the address bar)', { 'sec-fetch-site': 'none' }, false],
    ['only Origin, the same', { origin: 'http://127.0.0.1:5173' }, true],
    ['only Origin, another port', { origin: 'http://127.0.0.1:3000' }, false],
    ['only Origin, localhost for 127.0.0.1', { origin: 'http://localhost:5173' }, false],
    ['only Origin, null (a sandboxed page)', { origin: 'null' }, false],
    ['neither (curl, a server)', {}, true],
  ])('given %s', (_name, headers, expected) => {
    expect(isSameOrigin(request(headers))).toBe(expected);
  });

  it('is the code README shows a host to copy', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL('../../demo/server/same-origin.ts', import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
