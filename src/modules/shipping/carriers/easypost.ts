import { createHmac, timingSafeEqual } from 'node:crypto';
import { CarrierError, CarrierWebhookError, type Carrier, type CarrierRate, type LabelRequest, type Parcel, type ParcelAddress, type TrackingStatus } from '../carrier.ts';

/**
 * EasyPost through its REST API (v2) with fetch: five endpoints, where the official SDK would add
 * superagent and a CLI parser (yargs) to the shop's dependencies. Amounts come as decimal strings in
 * the major unit; weights go in ounces and sizes in inches.
 *
 * Labels are idempotent through EasyPost's `reference`, which its endpoints accept in place of an id:
 * the shipment is created with our label id as reference, so a retry finds it (GET
 * /v2/shipments/{reference}) and returns its label if it was bought, and EasyPost refuses to buy a
 * shipment twice. Webhooks are verified by their `X-Hmac-Signature` (HMAC-SHA256 of the body with the
 * webhook secret, NFKD-normalised, as EasyPost signs them).
 */
export function createEasyPostCarrier(options: { apiKey: string; webhookSecret: string | null; apiBase: string | null }): Carrier {
  const base = options.apiBase ?? 'https://api.easypost.com';
  const auth = `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`;

  async function call(method: string, path: string, signal: AbortSignal, body?: unknown): Promise<{ status: number; json: any }> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method, signal, headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      if (signal.aborted) throw new CarrierError('carrier_timeout', 'EasyPost did not answer in time.');
      throw new CarrierError('carrier_unavailable', `EasyPost could not be reached: ${(error as Error).message}`);
    }
    const json = await response.json().catch(() => null);
    if (response.status >= 500 || response.status === 429) throw new CarrierError('carrier_unavailable', `EasyPost answered ${response.status}`);
    return { status: response.status, json };
  }
  const refused = (json: any, fallback: string) => new CarrierError('carrier_refused', String(json?.error?.message ?? fallback).slice(0, 500));

  async function createShipment(input: { from: ParcelAddress; to: ParcelAddress; parcel: Parcel; reference?: string }, signal: AbortSignal) {
    const created = await call('POST', '/v2/shipments', signal, {
      shipment: { reference: input.reference, from_address: address(input.from), to_address: address(input.to), parcel: parcel(input.parcel) },
    });
    if (created.status >= 400) throw refused(created.json, 'EasyPost refused the shipment');
    return created.json;
  }

  return {
    id: 'easypost',
    async rates({ from, to, parcel: box, currency_code, signal }) {
      const shipment = await createShipment({ from, to, parcel: box }, signal);
      return (shipment.rates ?? []).map((r: any): CarrierRate => ({ service: String(r.service), amount: minorUnits(r.rate), currency_code: String(r.currency).toUpperCase() }))
        .filter((r: CarrierRate) => r.currency_code === currency_code.toUpperCase());
    },
    async createLabel(input: LabelRequest) {
      const found = await call('GET', `/v2/shipments/${encodeURIComponent(input.reference)}`, input.signal);
      let shipment = found.status === 200 ? found.json : await createShipment(input, input.signal);
      if (!shipment.postage_label) {
        const rates: any[] = (shipment.rates ?? []).filter((r: any) => input.service === null || r.service === input.service);
        if (rates.length === 0) throw new CarrierError('carrier_refused', `EasyPost offers no rate${input.service ? ` for ${input.service}` : ''} for this shipment`);
        const cheapest = rates.reduce((a, b) => (minorUnits(b.rate) < minorUnits(a.rate) ? b : a));
        const bought = await call('POST', `/v2/shipments/${shipment.id}/buy`, input.signal, { rate: { id: cheapest.id } });
        if (bought.status >= 400) {
          // Bought by an earlier attempt whose answer we lost: read what it bought.
          const again = await call('GET', `/v2/shipments/${shipment.id}`, input.signal);
          if (again.status !== 200 || !again.json?.postage_label) throw refused(bought.json, 'EasyPost refused to buy the label');
          shipment = again.json;
        } else {
          shipment = bought.json;
        }
      }
      return {
        provider_reference: String(shipment.id),
        tracking_number: String(shipment.tracking_code),
        tracking_url: shipment.tracker?.public_url ?? null,
        label_url: String(shipment.postage_label.label_pdf_url ?? shipment.postage_label.label_url),
        amount: shipment.selected_rate ? minorUnits(shipment.selected_rate.rate) : null,
        currency_code: shipment.selected_rate ? String(shipment.selected_rate.currency).toUpperCase() : null,
      };
    },
    async cancelLabel({ provider_reference, signal }) {
      const refund = await call('POST', `/v2/shipments/${encodeURIComponent(provider_reference)}/refund`, signal);
      if (refund.status >= 400) throw refused(refund.json, 'EasyPost refused to void the label');
    },
    parseWebhook(headers, rawBody) {
      if (!options.webhookSecret) throw new CarrierWebhookError('invalid_webhook_signature', 'EasyPost webhooks are off: set EASYPOST_WEBHOOK_SECRET');
      const header = headers['x-hmac-signature'];
      const given = String(Array.isArray(header) ? header[0] : header ?? '');
      const expected = `hmac-sha256-hex=${createHmac('sha256', options.webhookSecret.normalize('NFKD')).update(rawBody).digest('hex')}`;
      if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
        throw new CarrierWebhookError('invalid_webhook_signature', 'X-Hmac-Signature does not match');
      }
      let event: any;
      try {
        event = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new CarrierWebhookError('invalid_webhook_payload', 'the body is not JSON');
      }
      const tracker = event?.result;
      if (typeof event?.id !== 'string' || event.description !== 'tracker.updated' || typeof tracker?.tracking_code !== 'string') {
        throw new CarrierWebhookError('invalid_webhook_payload', 'an EasyPost tracking event is { id, description: "tracker.updated", result: Tracker }');
      }
      const details: any[] = Array.isArray(tracker.tracking_details) ? tracker.tracking_details : [];
      const last = details[details.length - 1];
      const occurred = new Date(last?.datetime ?? tracker.updated_at ?? event.created_at);
      return {
        id: event.id, tracking_number: tracker.tracking_code, status: STATUSES[tracker.status] ?? 'exception',
        occurred_at: Number.isNaN(occurred.getTime()) ? new Date() : occurred,
        description: typeof last?.message === 'string' ? last.message.slice(0, 500) : null,
      };
    },
  };
}

/** EasyPost's tracker statuses, in ours. */
const STATUSES: Record<string, TrackingStatus> = {
  unknown: 'label_created', pre_transit: 'label_created', in_transit: 'in_transit', out_for_delivery: 'out_for_delivery',
  available_for_pickup: 'out_for_delivery', delivered: 'delivered', return_to_sender: 'exception', failure: 'exception', cancelled: 'exception', error: 'exception',
};

/** "7.58" → 758: decimal strings read digit by digit, never through a float. */
export function minorUnits(amount: string | number): number {
  const [whole, fraction = ''] = String(amount).split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

function address(a: ParcelAddress) {
  return { name: a.name ?? undefined, street1: a.address_1 ?? undefined, city: a.city ?? undefined, state: a.province ?? undefined, zip: a.postal_code, country: a.country_code };
}

function parcel(p: Parcel) {
  const inches = (mm: number | null) => (mm === null ? undefined : Math.round((mm / 25.4) * 10) / 10);
  return { weight: Math.max(0.1, Math.round((p.weight_grams / 28.349523125) * 10) / 10), length: inches(p.length_mm), width: inches(p.width_mm), height: inches(p.height_mm) };
}
