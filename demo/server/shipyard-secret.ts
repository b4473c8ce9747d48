/**
 * The secret Shipyard seals stored Harness keys under: `SHIPYARD_SECRET` (32 random bytes in base64), or,
 * when that is not set, a secret generated on first start into the data directory, readable by its owner
 * only. A real deployment takes it from its secret manager (or wraps it with a KMS) and keeps it out of the
 * database's backups: whoever holds both can open every stored key.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** AES-256 takes a 256-bit key. */
export const SECRET_BYTES = 32;

/** The environment variable that holds the secret. */
export const SECRET_ENV = 'SHIPYARD_SECRET';

/** The file in the data directory that holds a generated secret, in the same base64 form as the variable. */
export const SECRET_FILE = 'shipyard-secret.key';

/** Read and write for the owner, nothing for anyone else (as ssh insists for private keys). */
const OWNER_ONLY_MODE = 0o600;
/** Any permission bit for the group or others. */
const GROUP_OR_OTHER_BITS = 0o077;

/** Standard base64 of 32 bytes: 43 characters and one `=` (what `openssl rand -base64 32` prints). */
const BASE64_OF_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

export type SecretSource = 'env' | 'file' | 'generated';

export interface ShipyardSecret {
  bytes: Uint8Array;
  source: SecretSource;
  /** The file it was read from or written to; `null` when it came from the environment. */
  path: string | null;
}

/** The 32 bytes a base64 text stands for; throws with what to do when it is anything else. */
function decodeSecret(text: string, where: string): Uint8Array {
  const trimmed = text.trim();
  if (!BASE64_OF_32_BYTES.test(trimmed)) {
    throw new Error(
      `[shipyard] ${where} must be ${SECRET_BYTES} random bytes in base64 (44 characters ending in "="), e.g. from \`openssl rand -base64 32\`.`,
    );
  }
  return new Uint8Array(Buffer.from(trimmed, 'base64'));
}

/** Writes a new secret with owner-only permissions; `wx` never overwrites one another process just wrote. */
async function generate(path: string): Promise<ShipyardSecret> {
  const bytes = new Uint8Array(randomBytes(SECRET_BYTES));
  await writeFile(path, `${Buffer.from(bytes).toString('base64')}\n`, { mode: OWNER_ONLY_MODE, flag: 'wx' });
  // The mode given to writeFile is filtered by the umask; chmod sets exactly this.
  await chmod(path, OWNER_ONLY_MODE);
  return { bytes, source: 'generated', path };
}

/**
 * The secret from `SHIPYARD_SECRET`, else from the data directory's file, else a new one written there.
 * Refuses a file that others may read, rather than go on sealing keys under a secret that may be known.
 */
export async function loadShipyardSecret(env: NodeJS.ProcessEnv, dataDir: string): Promise<ShipyardSecret> {
  const fromEnv = env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { bytes: decodeSecret(fromEnv, SECRET_ENV), source: 'env', path: null };
  }
  const path = join(dataDir, SECRET_FILE);
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return generate(path);
    throw error;
  }
  // Windows reports no POSIX permissions (every file reads as 0o666): there the folder's ACL protects it.
  if (process.platform !== 'win32' && (mode & GROUP_OR_OTHER_BITS) !== 0) {
    throw new Error(`[shipyard] ${path} may be read by other users. Run \`chmod 600 ${path}\`, then start again.`);
  }
  return { bytes: decodeSecret(await readFile(path, 'utf8'), path), source: 'file', path };
}
