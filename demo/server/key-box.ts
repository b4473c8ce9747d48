/**
 * Sealing stored Harness keys: AES-256-GCM with Web Crypto (`crypto.subtle`, in Node 20 as in browsers and
 * edge runtimes). GCM both hides the key and proves the sealed bytes were not altered; the account id as
 * additional data binds each sealed key to its row, so one moved onto another account's row fails to open.
 */

/** GCM's recommended IV length (NIST SP 800-38D): 96 bits, random for every seal, never reused with a key. */
export const IV_BYTES = 12;

const ALGORITHM = 'AES-GCM';

/** A sealed key as stored: the IV and the ciphertext with GCM's 16-byte tag at its end. */
export interface SealedKey {
  iv: Uint8Array;
  sealed: Uint8Array;
}

export interface KeyBox {
  /** Seals `apiKey` for `accountId` under a fresh random IV. */
  seal(apiKey: string, accountId: string): Promise<SealedKey>;
  /** The key sealed for `accountId`; rejects when the bytes, the account or the secret do not match. */
  open(stored: SealedKey, accountId: string): Promise<string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Web Crypto takes BufferSource over a plain ArrayBuffer; a Uint8Array from a driver may sit on a shared one. */
function bytesOf(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(view);
}

/** A key box over 32 secret bytes. The CryptoKey is not extractable: nothing can read the secret back out of it. */
export async function createKeyBox(secret: Uint8Array): Promise<KeyBox> {
  const key = await crypto.subtle.importKey('raw', bytesOf(secret), { name: ALGORITHM }, false, ['encrypt', 'decrypt']);
  return {
    async seal(apiKey, accountId) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await crypto.subtle.encrypt(
        { name: ALGORITHM, iv, additionalData: encoder.encode(accountId) },
        key,
        encoder.encode(apiKey),
      );
      return { iv, sealed: new Uint8Array(sealed) };
    },
    async open(stored, accountId) {
      const plain = await crypto.subtle.decrypt(
        { name: ALGORITHM, iv: bytesOf(stored.iv), additionalData: encoder.encode(accountId) },
        key,
        bytesOf(stored.sealed),
      );
      return decoder.decode(plain);
    },
  };
}
