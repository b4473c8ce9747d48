import { describe, expect, it } from 'vitest';
import { MAX_RESULT_DEPTH, withoutSecretIn } from '../../src/core/scrub-result.js';
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
  describe('given a built-in that carries more than its own data', () => {
    it('replaces a Map, a Set or a Date with a property of its own, where the key can hide', () => {
      const result = {
        map: Object.assign(new Map([['id', 'conn_1']]), { request: { body: KEY } }),
        set: Object.assign(new Set(['ci']), { sent: KEY }),
        at: Object.assign(new Date(0), { request: KEY }),
        clean: Object.assign(new Map(), { note: 'no key, still not a plain Map' }),
      };
      expect(withoutSecretIn(result, KEY)).toEqual({ map: '[redacted]', set: '[redacted]', at: '[redacted]', clean: '[redacted]' });
    });

    it('replaces a Map subclass, whose private fields it cannot read', () => {
      class Session extends Map<string, string> {
        readonly #key = KEY;
        key(): string {
          return this.#key;
        }
      }
      expect(withoutSecretIn({ session: new Session([['id', 'conn_1']]) }, KEY)).toEqual({ session: '[redacted]' });
    });

    it('replaces an object that only borrows a built-in prototype', () => {
      expect(withoutSecretIn({ fake: Object.create(Map.prototype) as unknown }, KEY)).toEqual({ fake: '[redacted]' });
    });
  });

  describe('given a result that throws when read or nests without end', () => {
    it('replaces a Proxy whose traps throw, and never throws itself', () => {
      const hostile = new Proxy(
        {},
        {
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      );
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      expect(withoutSecretIn({ hostile, revoked: revoked.proxy, id: 'conn_1' }, KEY)).toEqual({
        hostile: '[redacted]',
        revoked: '[redacted]',
        id: 'conn_1',
      });
    });

    it(`keeps ${MAX_RESULT_DEPTH} levels of nesting below the result and replaces what lies deeper, without overflowing the stack`, () => {
      let deep: unknown = [KEY];
      for (let level = 0; level < 20_000; level += 1) deep = [deep];
      let scrubbed = withoutSecretIn(deep, KEY);
      // The result itself, then MAX_RESULT_DEPTH levels below it.
      for (let level = 0; level <= MAX_RESULT_DEPTH; level += 1) {
        expect(Array.isArray(scrubbed)).toBe(true);
        scrubbed = (scrubbed as unknown[])[0];
      }
      expect(scrubbed).toBe('[redacted]');
    });

    it('keeps a clean result exactly as deep as the cap as it is, and cuts a clean deeper one', () => {
      let atCap: unknown = ['clean'];
      for (let level = 1; level < MAX_RESULT_DEPTH; level += 1) atCap = [atCap];
      expect(withoutSecretIn({ atCap }, KEY)).toEqual({ atCap });
      const result = { atCap };
      expect(withoutSecretIn(result, KEY)).toBe(result);
      let deeper: unknown = ['clean'];
      for (let level = 0; level < 2_000; level += 1) deeper = [deeper];
      expect(() => withoutSecretIn(deeper, KEY)).not.toThrow();
      expect(JSON.stringify(withoutSecretIn(deeper, KEY))).toContain('[redacted]');
    });
  });

  describe('given a large or deep result that holds the key', () => {
    it('reads each object once, however deep the key sits', () => {
      const reads = new Map<object, number>();
      const counted = <T extends object>(target: T): T =>
        new Proxy(target, {
          ownKeys(object) {
            reads.set(object, (reads.get(object) ?? 0) + 1);
            return Reflect.ownKeys(object);
          },
        });
      let deep: unknown[] = counted([KEY]);
      for (let level = 1; level < MAX_RESULT_DEPTH; level += 1) deep = counted([deep]);
      const scrubbed = withoutSecretIn(deep, KEY);
      expect(JSON.stringify(scrubbed)).not.toContain(SECRET);
      expect(reads.size).toBe(MAX_RESULT_DEPTH);
      expect([...reads.values()].every((count) => count === 1)).toBe(true);
    });

    it('copies only what holds the key: the clean parts beside it stay the same objects, a shared part is copied once', () => {
      const settings = { region: 'eu', tags: ['ci'] };
      const sent = { apiKey: KEY };
      const result = { settings, first: sent, again: sent };
      const scrubbed = withoutSecretIn(result, KEY);
      expect(scrubbed).not.toBe(result);
      expect(scrubbed.settings).toBe(settings);
      expect(scrubbed.first).toEqual({ apiKey: '[redacted]' });
      expect(scrubbed.again).toBe(scrubbed.first);
    });

    it('scrubs a property named by the key and keeps a `__proto__` property a property', () => {
      const parsed = JSON.parse(`{"__proto__": {"apiKey": "${KEY}"}, "${KEY}": "named by the key"}`) as object;
      const scrubbed = withoutSecretIn(parsed, KEY);
      expect(Object.getPrototypeOf(scrubbed)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(scrubbed, '__proto__')?.value).toEqual({ apiKey: '[redacted]' });
      expect(Object.keys(scrubbed)).toEqual(['__proto__', '[redacted]']);
    });
  });
});
