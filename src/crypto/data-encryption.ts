import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM with a random 96-bit nonce per value, the key id written beside
 * the ciphertext so keys can be rotated (`cartwright rotate-key` re-encrypts with the current key).
 * Lookups (a customer by email) go through a blind index: an HMAC-SHA256 of the normalized value
 * under a key derived from the data key, never the value in clear.
 *
 * Format of a stored value: `enc:v1:<key id>:<base64url(nonce ‖ tag ‖ ciphertext)>`.
 */
export interface DataKeyring {
  current: { id: string; key: Buffer };
  keys: Map<string, Buffer>;
  /** The blind index's key: derived from the current data key. */
  indexKey: Buffer;
  /** The index keys of every loaded data key, the current one first (lookups during a rotation). */
  indexKeys: Buffer[];
}

const PREFIX = 'enc:v1:';

/** Parses `CARTWRIGHT_DATA_KEY`: `id:base64key[,id:base64key…]`, the first one current. */
export function parseDataKeys(spec: string): DataKeyring {
  const entries = spec.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [id, encoded] = part.split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!/^[a-z0-9_-]{1,20}$/i.test(id ?? '') || key.length !== 32) {
      throw new Error('CARTWRIGHT_DATA_KEY must be "id:base64-of-32-bytes" (comma-separated for several; the first is current)');
    }
    return [id, key] as const;
  });
  if (entries.length === 0) throw new Error('CARTWRIGHT_DATA_KEY is empty');
  const [currentId, currentKey] = entries[0];
  const indexKeys = entries.map(([, key]) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'cartwright blind index', 32)));
  return {
    current: { id: currentId, key: currentKey },
    keys: new Map(entries),
    indexKey: indexKeys[0],
    indexKeys,
  };
}

export function generateDataKeySpec(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

let keyring: DataKeyring | null = null;

/** Installs the keyring this process encrypts with (at start, from the configuration). */
export function useDataKeys(spec: string): void {
  keyring = parseDataKeys(spec);
}

function ring(): DataKeyring {
  if (!keyring) throw new Error('data keys are not loaded (useDataKeys at start)');
  return keyring;
}

export function currentDataKeyId(): string {
  return ring().current.id;
}

export function encrypt(plaintext: string): string {
  const { current } = ring();
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${current.id}:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function decrypt(stored: string): string {
  if (!stored.startsWith(PREFIX)) throw new Error('not an encrypted value');
  const [id, payload] = stored.slice(PREFIX.length).split(':');
  const key = ring().keys.get(id);
  if (!key) throw new Error(`no data key "${id}" is loaded: add it to CARTWRIGHT_DATA_KEY`);
  const raw = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The key id a stored value was encrypted with. */
export function keyIdOf(stored: string): string {
  return stored.slice(PREFIX.length).split(':')[0];
}

export function encryptNullable(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : encrypt(value);
}

export function decryptNullable(stored: string | null | undefined): string | null {
  return stored === null || stored === undefined ? null : decrypt(stored);
}

/** A JSON value (an address) as `{ "enc": "…" }`, for jsonb columns. */
export function encryptJson(value: unknown): string {
  return JSON.stringify({ enc: encrypt(JSON.stringify(value)) });
}

export function decryptJson<T>(stored: { enc: string } | null | undefined): T | null {
  return stored ? (JSON.parse(decrypt(stored.enc)) as T) : null;
}

/** The blind index of an email: found again by the same email, case and spaces aside. */
export function emailHash(email: string): string {
  return createHmac('sha256', ring().indexKey).update(email.trim().toLowerCase()).digest('hex');
}

/**
 * The email's blind index under every loaded key, the current one first: what a lookup by email must
 * match. Between putting a new key first and `rotate-key` finishing, rows still carry the index of
 * the old key; matching only the current one would lock every customer out (and let an email
 * register twice) for that while.
 */
export function emailHashes(email: string): string[] {
  const normalized = email.trim().toLowerCase();
  return ring().indexKeys.map((key) => createHmac('sha256', key).update(normalized).digest('hex'));
}
