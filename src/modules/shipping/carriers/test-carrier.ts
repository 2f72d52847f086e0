import { createHash } from 'node:crypto';
import { checkSignature } from '../../webhooks/signature.ts';
import { abortable, CarrierError, CarrierWebhookError, TRACKING_STATUSES, type Carrier, type CarrierRate, type TrackingEvent, type TrackingStatus } from '../carrier.ts';

/**
 * A carrier in test mode, its answers chosen by the destination's postcode as test_card's by card
 * number (docs/shipping.md):
 *
 * | postcode  | rates                                   | labels                   |
 * |-----------|-----------------------------------------|--------------------------|
 * | 99999     | carrier down: carrier_unavailable       | carrier_unavailable      |
 * | 99998     | never answers: our timeout              | never answers            |
 * | 99997     | rates as below                          | refused: carrier_refused |
 * | any other | ground 500 + 100 per started kg; express 1500 + 250 per started kg | bought |
 *
 * Labels are idempotent by reference, as a real carrier's idempotency key: the tracking number is
 * derived from it (`TC` + 12 digits), so a retried purchase gets the same label.
 *
 * Webhooks are signed like Cartwright's own with TEST_CARRIER_WEBHOOK_SECRET: header
 * `Test-Carrier-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.body">`, body
 * `{ "id": "tev_…", "tracking_number": "TC…", "status": "in_transit", "occurred_at": "…", "description": "…" }`.
 */
export function createTestCarrier(options: { webhookSecret: string | null }): Carrier {
  return {
    id: 'test_carrier',
    async rates({ to, parcel, currency_code, signal }) {
      await outcomeFor(to.postal_code, signal);
      const kilos = Math.max(1, Math.ceil(parcel.weight_grams / 1000));
      const rates: CarrierRate[] = [
        { service: 'ground', amount: 500 + 100 * kilos, currency_code },
        { service: 'express', amount: 1500 + 250 * kilos, currency_code },
      ];
      return rates;
    },
    async createLabel({ to, reference, service, signal }) {
      await outcomeFor(to.postal_code, signal);
      if (to.postal_code === '99997') throw new CarrierError('carrier_refused', 'The carrier cannot deliver to this address.');
      const tracking = testTrackingNumber(reference);
      return {
        provider_reference: `tcl_${reference}`,
        tracking_number: tracking,
        tracking_url: `https://track.test-carrier.invalid/${tracking}`,
        label_url: `https://labels.test-carrier.invalid/${tracking}.pdf`,
        amount: service === 'express' ? 1750 : 600,
        currency_code: null,
      };
    },
    async cancelLabel({ signal }) {
      if (signal.aborted) throw new CarrierError('carrier_timeout', 'The carrier did not answer in time.');
    },
    parseWebhook: (headers, rawBody) => parseTestCarrierWebhook(options.webhookSecret, headers, rawBody),
  };
}

/** The tracking number test_carrier gives the label bought with `reference`. */
export function testTrackingNumber(reference: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(reference).digest('hex').slice(0, 15)}`).toString().padStart(12, '0').slice(-12);
  return `TC${digits}`;
}

async function outcomeFor(postcode: string, signal: AbortSignal): Promise<void> {
  if (postcode === '99999') throw new CarrierError('carrier_unavailable', 'The carrier answered 503 Service Unavailable.');
  // Hangs like a carrier that never answers, until the caller gives up.
  if (postcode === '99998') await abortable(signal, new Promise<never>(() => {}));
}

function parseTestCarrierWebhook(secret: string | null, headers: Record<string, string | string[] | undefined>, rawBody: Buffer): TrackingEvent {
  if (!secret) throw new CarrierWebhookError('invalid_webhook_signature', 'test_carrier webhooks are off: set TEST_CARRIER_WEBHOOK_SECRET');
  const header = headers['test-carrier-signature'];
  const problem = checkSignature(Array.isArray(header) ? header[0] : header, rawBody, secret);
  if (problem) throw new CarrierWebhookError('invalid_webhook_signature', `Test-Carrier-Signature: ${problem}`);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new CarrierWebhookError('invalid_webhook_payload', 'the body is not JSON');
  }
  const occurred = typeof body?.occurred_at === 'string' ? new Date(body.occurred_at) : new Date(NaN);
  if (typeof body?.id !== 'string' || !body.id || typeof body.tracking_number !== 'string' || !body.tracking_number
    || !TRACKING_STATUSES.includes(body.status as TrackingStatus) || Number.isNaN(occurred.getTime())) {
    throw new CarrierWebhookError('invalid_webhook_payload', `a test_carrier event is { id, tracking_number, status (${TRACKING_STATUSES.join(', ')}), occurred_at, description? }`);
  }
  return {
    id: body.id, tracking_number: body.tracking_number, status: body.status as TrackingStatus, occurred_at: occurred,
    description: typeof body.description === 'string' ? body.description.slice(0, 500) : null,
  };
}
