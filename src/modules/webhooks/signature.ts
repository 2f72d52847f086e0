import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, Stripe's scheme (docs/webhooks.md): the header
 * `Cartwright-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under the secret>`.
 * Signing the timestamp with the body lets a receiver refuse a replayed request: an old `t` fails the
 * tolerance, and a new `t` cannot be signed without the secret. The test_card gateway signs its
 * webhooks the same way (header `Test-Card-Signature`).
 */
export const SIGNATURE_HEADER = 'cartwright-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signatureOf(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export function signatureHeader(secret: string, body: string | Buffer, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

export type SignatureProblem = 'missing' | 'malformed' | 'too_old' | 'mismatch';

/**
 * Checks a signature header against the raw body: null when it is valid and at most `toleranceSeconds`
 * from `now`, otherwise what is wrong. Any of several `v1` values may match (a receiver rotating its
 * secret).
 */
export function checkSignature(
  header: string | undefined,
  body: string | Buffer,
  secret: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): SignatureProblem | null {
  if (!header) return 'missing';
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')).map(([, value]) => value!);
  if (!Number.isInteger(timestamp) || signatures.length === 0) return 'malformed';
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return 'too_old';
  const expected = Buffer.from(signatureOf(secret, timestamp, body), 'hex');
  return signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected)) ? null : 'mismatch';
}
