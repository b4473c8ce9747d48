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

  describe('given a result that holds the key inside a container', () => {
    it('rebuilds a Map with its keys and values scrubbed', () => {
      const meta = new Map<string, unknown>([
        ['sent', { apiKey: KEY }],
        [KEY, 'the key as a Map key'],
        ['id', 'conn_1'],
      ]);
      const scrubbed = withoutSecretIn({ meta }, KEY).meta;
      expect(scrubbed).toBeInstanceOf(Map);
      expect([...scrubbed]).toEqual([
        ['sent', { apiKey: '[redacted]' }],
        ['[redacted]', 'the key as a Map key'],
        ['id', 'conn_1'],
      ]);
      // The host's own Map is left untouched.
      expect(meta.get('sent')).toEqual({ apiKey: KEY });
    });

    it('rebuilds a Set with its values scrubbed', () => {
      const scrubbed = withoutSecretIn({ sent: new Set([KEY, 'fine']) }, KEY).sent;
      expect(scrubbed).toBeInstanceOf(Set);
      expect([...scrubbed]).toEqual(['[redacted]', 'fine']);
    });

    it('rebuilds Headers and URLSearchParams with their values scrubbed, dropping a pair the key names', () => {
      const result = {
        headers: new Headers({ 'x-api-key': KEY, accept: 'application/json' }),
        form: new URLSearchParams({ apiKey: `Bearer ${KEY}`, [SECRET]: 'named by the secret', page: '1' }),
      };
      const scrubbed = withoutSecretIn(result, KEY);
      expect(scrubbed.headers).toBeInstanceOf(Headers);
      expect([...scrubbed.headers]).toEqual([
        ['accept', 'application/json'],
        ['x-api-key', '[redacted]'],
      ]);
      expect(scrubbed.form).toBeInstanceOf(URLSearchParams);
      expect([...scrubbed.form]).toEqual([
        ['apiKey', 'Bearer [redacted]'],
        ['page', '1'],
      ]);
    });

    it('keeps a Map, a Set and a Date that hold no key as they are', () => {
      const result = { meta: new Map([['id', 'conn_1']]), tags: new Set(['ci']), at: new Date(0) };
      expect(withoutSecretIn(result, KEY)).toBe(result);
    });
  });

  describe('given a result with parts no scrub can read', () => {
    class ApiResponse {
      readonly #request: string;
      constructor(request: string) {
        this.#request = request;
      }
      get request(): string {
        return this.#request;
      }
    }

    it('replaces a class instance, whose private fields and getters it cannot read, even when it seems to hold no key', () => {
      expect(withoutSecretIn({ response: new ApiResponse(JSON.stringify({ apiKey: KEY })), id: 'conn_1' }, KEY)).toEqual({
        response: '[redacted]',
        id: 'conn_1',
      });
    });

    it('replaces a function, whose closure may hold the key', () => {
      const result = { id: 'conn_1', resend: () => KEY };
      expect(withoutSecretIn(result, KEY)).toEqual({ id: 'conn_1', resend: '[redacted]' });
    });

    it('leaves out a getter of a plain object, without running it', () => {
      let ran = false;
      const result = {
        id: 'conn_1',
        get echoed() {
          ran = true;
          return KEY;
        },
      };
      const scrubbed = withoutSecretIn(result, KEY);
      expect(Object.getOwnPropertyDescriptors(scrubbed)).not.toHaveProperty('echoed');
      expect(scrubbed).toEqual({ id: 'conn_1' });
      expect(ran).toBe(false);
    });
  });
});
