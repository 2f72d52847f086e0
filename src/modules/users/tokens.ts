import { createHash, randomBytes } from 'node:crypto';

/** An opaque bearer token: a recognisable prefix and 256 random bits. Only its SHA-256 is stored. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
