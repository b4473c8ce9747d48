/**
 * Shipyard's database: PGlite, Postgres compiled to WebAssembly, kept in a directory on disk (no server to
 * install). The schema is plain SQL files in `migrations/`, applied in the order of their names at start and
 * recorded in `shipyard_migrations`, so each runs once per database and the same files run on a Postgres server.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/** Where the migration files live, beside this module. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** `001_connections.sql`: a number that orders the files, then a name. Anything else in the folder is ignored. */
const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;

/** Only the owner may read or enter the data directory: it holds the database and, usually, the secret. */
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Created by the runner rather than by a migration: it must exist before the first migration is looked up.
 * `IF NOT EXISTS`, so every start can run it.
 */
const MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS shipyard_migrations (
    name        text PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT now()
  )`;

export type Database = PGlite;

/** The migration files, in the order they apply. */
export async function migrationFiles(directory: string = MIGRATIONS_DIR): Promise<string[]> {
  const names = await readdir(directory);
  return names.filter((name) => MIGRATION_FILE.test(name)).sort();
}

/**
 * Applies the migrations not yet recorded, each in its own transaction with its record: a file that fails
 * leaves neither half its changes nor a record, and the next start tries it again. Returns the names applied.
 */
export async function migrate(db: Database, directory: string = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(MIGRATIONS_TABLE);
  const done = await db.query<{ name: string }>('SELECT name FROM shipyard_migrations');
  const applied = new Set(done.rows.map((row) => row.name));
  const ran: string[] = [];
  for (const name of await migrationFiles(directory)) {
    if (applied.has(name)) continue;
    const sql = await readFile(join(directory, name), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO shipyard_migrations (name) VALUES ($1)', [name]);
    });
    ran.push(name);
  }
  return ran;
}

/**
 * Opens (creating on first use) the database in `directory` and brings its schema up to date. One process
 * at a time: PGlite is a single-connection Postgres, so two servers on one directory would corrupt it.
 */
export async function openDatabase(directory: string, migrations: string = MIGRATIONS_DIR): Promise<Database> {
  await mkdir(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const db = await PGlite.create(directory);
  try {
    await migrate(db, migrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
