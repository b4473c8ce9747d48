/**
 * Shipyard's storage on its own, in Node: the migration runner, the sealing of keys (AES-256-GCM) and where
 * the secret comes from; and its server set up for real Harness, where the mock's Simulate routes must not
 * exist. The browser tests (demo.test.ts, demo-lifecycle.test.ts) drive the same code through the app.
 */
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, openDatabase, type Database } from '../../demo/server/database.ts';
import { createKeyBox, IV_BYTES } from '../../demo/server/key-box.ts';
import { loadShipyardSecret, SECRET_FILE } from '../../demo/server/shipyard-secret.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.ts';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shipyard-store-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the migration runner', () => {
  let db: Database;

  afterAll(async () => {
    await db?.close();
  });

  // A first open creates the database (Postgres's initdb, in WebAssembly): several seconds on a busy machine.
  it('applies the migration files once, in the order of their names, each with its record, and a failed one not at all', { timeout: 120_000 }, async () => {
    db = await openDatabase(join(scratch, 'pgdata'));
    const recorded = async () => (await db.query<{ name: string }>('SELECT name FROM shipyard_migrations ORDER BY name')).rows.map((row) => row.name);
    expect(await recorded()).toEqual(['001_connections.sql']);
    // A second start applies nothing.
    expect(await migrate(db)).toEqual([]);

    // Later files: written out of order on purpose, the third one failing halfway through.
    const later = join(scratch, 'migrations');
    await mkdir(later);
    await copyFile(join(MIGRATIONS_DIR, '001_connections.sql'), join(later, '001_connections.sql'));
    await writeFile(join(later, '003_breaks.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();\n');
    await writeFile(join(later, '002_notes.sql'), 'CREATE TABLE notes (account_id text REFERENCES harness_connections (account_id));\n');
    await writeFile(join(later, 'README.txt'), 'not a migration');

    await expect(migrate(db, later)).rejects.toThrow(/no_such_function/);
    expect(await recorded()).toEqual(['001_connections.sql', '002_notes.sql']);
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_name IN ('notes', 'half_done')",
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(['notes']);
  });
});

describe('sealing keys (AES-256-GCM)', () => {
  const secret = new Uint8Array(randomBytes(32));
  const account = ACCOUNTS.primary.id;

  it('opens what it sealed, with a fresh 12-byte IV each time and nothing of the key in the sealed bytes', async () => {
    const box = await createKeyBox(secret);
    const first = await box.seal(TOKENS.pat, account);
    const second = await box.seal(TOKENS.pat, account);
    expect(first.iv).toHaveLength(IV_BYTES);
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    expect(Buffer.from(first.sealed).equals(Buffer.from(second.sealed))).toBe(false);
    expect(Buffer.from(first.sealed).includes(TOKENS.pat)).toBe(false);
    expect(await box.open(first, account)).toBe(TOKENS.pat);
    expect(await box.open(second, account)).toBe(TOKENS.pat);
  });

  it('refuses a sealed key moved to another account, altered by one bit, or opened under another secret', async () => {
    const box = await createKeyBox(secret);
    const sealed = await box.seal(TOKENS.pat, account);
    await expect(box.open(sealed, ACCOUNTS.other.id)).rejects.toThrow();

    const altered = new Uint8Array(sealed.sealed);
    altered[0]! ^= 1;
    await expect(box.open({ iv: sealed.iv, sealed: altered }, account)).rejects.toThrow();

    const other = await createKeyBox(new Uint8Array(randomBytes(32)));
    await expect(other.open(sealed, account)).rejects.toThrow();
  });
});

describe('the secret', () => {
  it('comes from SHIPYARD_SECRET when set, and a malformed one stops the start with what to do', async () => {
    const bytes = randomBytes(32);
    const fromEnv = await loadShipyardSecret({ SHIPYARD_SECRET: bytes.toString('base64') }, scratch);
    expect(fromEnv.source).toBe('env');
    expect(Buffer.from(fromEnv.bytes).equals(bytes)).toBe(true);

    for (const wrong of ['short', randomBytes(16).toString('base64'), `${bytes.toString('base64')}AAAA`]) {
      await expect(loadShipyardSecret({ SHIPYARD_SECRET: wrong }, scratch)).rejects.toThrow('openssl rand -base64 32');
    }
  });

  it('is generated on first start into the data directory, readable by its owner only, and read back after', async () => {
    const dataDir = join(scratch, 'generated');
    await mkdir(dataDir);
    const generated = await loadShipyardSecret({}, dataDir);
    expect(generated.source).toBe('generated');
    expect(generated.bytes).toHaveLength(32);
    const file = join(dataDir, SECRET_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(Buffer.from(generated.bytes).toString('base64'));

    const again = await loadShipyardSecret({}, dataDir);
    expect(again.source).toBe('file');
    expect(Buffer.from(again.bytes).equals(Buffer.from(generated.bytes))).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('is refused when other users may read its file', async () => {
    const dataDir = join(scratch, 'exposed');
    await mkdir(dataDir);
    await loadShipyardSecret({}, dataDir);
    await chmod(join(dataDir, SECRET_FILE), 0o644);
    await expect(loadShipyardSecret({}, dataDir)).rejects.toThrow('chmod 600');
  });
});

describe('with real Harness (HARNESS_BASE_URL)', () => {
  // A first start creates the database (Postgres's initdb, in WebAssembly): several seconds on a busy machine.
  it('has no Simulate routes, and says so in its config', { timeout: 120_000 }, async () => {
    process.env.HARNESS_BASE_URL = 'https://app.harness.io';
    process.env.SHIPYARD_DATA_DIR = join(scratch, 'real-harness');
    const server = await createServer({ configFile: 'demo/vite.config.ts', logLevel: 'warn', server: { port: 0, strictPort: true, hmr: false } });
    try {
      await server.listen();
      const origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
      const config = await fetch(`${origin}/api/config`);
      expect(await config.json()).toEqual({ harness: { mode: 'harness', baseUrl: 'https://app.harness.io' } });
      for (const path of ['/api/simulate/reset', `/api/simulate/revoke/${ACCOUNTS.primary.id}`, `/api/simulate/expire/${ACCOUNTS.primary.id}`]) {
        const answer = await fetch(`${origin}${path}`, { method: 'POST' });
        expect(answer.status, path).toBe(404);
      }
    } finally {
      await server.close();
      delete process.env.HARNESS_BASE_URL;
      delete process.env.SHIPYARD_DATA_DIR;
    }
  });
});
