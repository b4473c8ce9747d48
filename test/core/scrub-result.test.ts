import { describe, expect, it } from 'vitest';
import { withoutSecretIn } from '../../src/core/scrub-result.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

// A successful result with the key taken out, whatever shape a host's connect gave it.

const KEY = TOKENS.pat;
const SECRET = KEY.slice(KEY.lastIndexOf('.') + 1);

describe('withoutSecretIn', () => {
  it('returns a result that holds no key as it is', () => {
    const result = { accountId: 'a', nested: { list: [1, 'two'] }, at: new Date(0) };
    expect(withoutSecretIn(result, KEY)).toBe(result);
  });

  it('scrubs strings at any depth in plain objects and arrays, keeping their shape', () => {
    const result = { accountName: `Acme ${KEY}`, stored: { apiKey: KEY, notes: [`secret ${SECRET}`, 'fine'] }, count: 2 };
    const scrubbed = withoutSecretIn(result, KEY);
    expect(scrubbed).toEqual({ accountName: 'Acme [redacted]', stored: { apiKey: '[redacted]', notes: ['secret [redacted]', 'fine'] }, count: 2 });
    // The host's own object is left untouched.
    expect(result.stored.apiKey).toBe(KEY);
  });

  it('replaces an object it cannot copy faithfully (an HTTP client response holding the request body)', () => {
    class ClientResponse {
      data = { ok: true };
      config = { data: JSON.stringify({ apiKey: KEY }) };
    }
    const scrubbed = withoutSecretIn({ response: new ClientResponse(), id: 'conn_1' }, KEY);
    expect(scrubbed).toEqual({ response: '[redacted]', id: 'conn_1' });
  });

  it('follows cycles once and runs no getter', () => {
    let ran = false;
    const looped: Record<string, unknown> = { apiKey: KEY };
    looped.self = looped;
    Object.defineProperty(looped, 'lazy', { enumerable: true, get: () => ((ran = true), KEY) });
    const scrubbed = withoutSecretIn(looped, KEY) as Record<string, unknown>;
    expect(scrubbed.apiKey).toBe('[redacted]');
    expect(scrubbed.self).toBe(scrubbed);
    expect(JSON.stringify({ ...scrubbed, self: null, lazy: null })).not.toContain(SECRET);
    expect(ran).toBe(false);
  });
});
