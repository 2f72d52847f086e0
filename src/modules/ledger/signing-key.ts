import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config.ts';

/** What seals blocks: an Ed25519 private key and the id blocks name it by. */
export interface LedgerSigner {
  keyId: string;
  /** SPKI PEM: what verifiers need. */
  publicKey: string;
  /** Ed25519 signature of the UTF-8 message, base64. */
  sign(message: string): string;
}

/** The file a key is generated into when LEDGER_SIGNING_KEY is not set. */
export const GENERATED_KEY_FILE = 'ledger-signing-key.pem';

function parsePrivateKey(raw: string): KeyObject {
  let key: KeyObject;
  try {
    key = raw.includes('-----BEGIN')
      ? createPrivateKey(raw.replace(/\\n/g, '\n'))
      : createPrivateKey({ key: Buffer.from(raw, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new ConfigError(`LEDGER_SIGNING_KEY is not a private key (PEM or base64 PKCS#8): ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ConfigError(`LEDGER_SIGNING_KEY must be an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

/**
 * The configured key, else the one in DATA_DIR/ledger-signing-key.pem, generated there (mode 0600) on
 * first use: the embedded shop works out of the box, and whoever runs it owns the key file. Several
 * processes may race to create it: the first write wins (`wx`), the others read it.
 */
function privateKey(config: { ledgerSigningKey: string | null; dataDir: string }): { key: KeyObject; generatedAt: string | null } {
  if (config.ledgerSigningKey) return { key: parsePrivateKey(config.ledgerSigningKey), generatedAt: null };
  const file = path.join(config.dataDir, GENERATED_KEY_FILE);
  if (!fs.existsSync(file)) {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
      return { key: createPrivateKey(pem), generatedAt: file };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { key: parsePrivateKey(fs.readFileSync(file, 'utf8')), generatedAt: null };
}

/** A key id that names the key itself when none is configured: `ed25519:` + 16 hex of SHA-256(SPKI). */
export function defaultKeyId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

export function loadLedgerSigner(config: { ledgerSigningKey: string | null; ledgerKeyId: string | null; dataDir: string }, onGenerated?: (file: string) => void): LedgerSigner {
  const { key, generatedAt } = privateKey(config);
  if (generatedAt) onGenerated?.(generatedAt);
  const publicKey = createPublicKey(key).export({ format: 'pem', type: 'spki' }).toString();
  return {
    keyId: config.ledgerKeyId ?? defaultKeyId(publicKey),
    publicKey,
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), key).toString('base64'),
  };
}

export function verifySignature(publicKeyPem: string, message: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), publicKeyPem, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
