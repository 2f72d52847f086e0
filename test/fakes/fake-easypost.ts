import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking the part of EasyPost's API (v2) Cartwright uses: shipments with rates
 * (USPS GroundAdvantage 5.00 + 1.00 per started pound, Priority 9.00 + 1.50 per started pound),
 * retrievable by id or reference, bought once (a second buy is refused as EasyPost does), refunded.
 */
export interface FakeEasyPost {
  url: string;
  shipments: Map<string, Record<string, any>>;
  /** Labels bought (a refused second buy does not count). */
  purchases: number;
  refunds: string[];
  /** Answers 503 to everything while true. */
  down: boolean;
  /** The next buy is done, but its answer never comes (the caller's timeout ends the request). */
  loseNextBuyAnswer: boolean;
  /** Signs a tracker.updated event as EasyPost does (X-Hmac-Signature). */
  trackerEvent(secret: string, event: { id: string; tracking_code: string; status: string; datetime: string; message?: string }): { body: string; signature: string };
  close(): Promise<void>;
}

export async function startFakeEasyPost(apiKey: string): Promise<FakeEasyPost> {
  const shipments = new Map<string, Record<string, any>>();
  let n = 0;
  const fake: FakeEasyPost = {
    url: '', shipments, purchases: 0, refunds: [], down: false, loseNextBuyAnswer: false,
    trackerEvent(secret, e) {
      const body = JSON.stringify({
        id: e.id, object: 'Event', description: 'tracker.updated', created_at: e.datetime,
        result: { object: 'Tracker', tracking_code: e.tracking_code, status: e.status, updated_at: e.datetime, tracking_details: [{ datetime: e.datetime, message: e.message ?? e.status, status: e.status }] },
      });
      return { body, signature: `hmac-sha256-hex=${createHmac('sha256', secret.normalize('NFKD')).update(body).digest('hex')}` };
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const find = (key: string) => shipments.get(key) ?? [...shipments.values()].find((s) => s.reference === key);

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (fake.down) return send(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } });
      if (req.headers.authorization !== `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`) return send(401, { error: { code: 'APIKEY.INVALID', message: 'bad key' } });
      const body = raw ? JSON.parse(raw) : {};
      const url = req.url ?? '';
      if (req.method === 'POST' && url === '/v2/shipments') {
        const s = body.shipment;
        if (!s?.to_address?.zip || !s?.from_address?.zip || !(s?.parcel?.weight > 0)) return send(422, { error: { code: 'SHIPMENT.INVALID_PARAMS', message: 'addresses and parcel weight are required' } });
        const id = `shp_${String(++n).padStart(32, '0')}`;
        const pounds = Math.max(1, Math.ceil(s.parcel.weight / 16));
        const shipment = {
          id, object: 'Shipment', reference: s.reference ?? null, to_address: s.to_address, from_address: s.from_address, parcel: s.parcel,
          rates: [
            { id: `rate_${n}_g`, carrier: 'USPS', service: 'GroundAdvantage', rate: (5 + pounds).toFixed(2), currency: 'USD' },
            { id: `rate_${n}_p`, carrier: 'USPS', service: 'Priority', rate: (9 + 1.5 * pounds).toFixed(2), currency: 'USD' },
          ],
          postage_label: null, tracking_code: null, selected_rate: null, tracker: null, refund_status: null,
        };
        shipments.set(id, shipment);
        return send(201, shipment);
      }
      const match = /^\/v2\/shipments\/([^/]+)(?:\/(buy|refund))?$/.exec(url);
      const shipment = match && find(decodeURIComponent(match[1]));
      if (!match || !shipment) return send(404, { error: { code: 'NOT_FOUND', message: 'not found' } });
      if (req.method === 'GET' && !match[2]) return send(200, shipment);
      if (req.method === 'POST' && match[2] === 'buy') {
        if (shipment.postage_label) return send(422, { error: { code: 'SHIPMENT.POSTAGE.EXISTS', message: 'postage already exists for this shipment' } });
        const rate = shipment.rates.find((r: any) => r.id === body.rate?.id);
        if (!rate) return send(422, { error: { code: 'SHIPMENT.RATE.INVALID', message: 'no such rate' } });
        fake.purchases++;
        const tracking = `9400${String(fake.purchases).padStart(18, '0')}`;
        Object.assign(shipment, {
          selected_rate: rate, tracking_code: tracking,
          postage_label: { label_url: `https://easypost-files.example/${tracking}.png`, label_pdf_url: `https://easypost-files.example/${tracking}.pdf` },
          tracker: { public_url: `https://track.easypost.example/${tracking}` },
        });
        if (fake.loseNextBuyAnswer) {
          fake.loseNextBuyAnswer = false;
          return; // never answered
        }
        return send(200, shipment);
      }
      if (req.method === 'POST' && match[2] === 'refund') {
        fake.refunds.push(shipment.id);
        shipment.refund_status = 'submitted';
        return send(200, shipment);
      }
      return send(404, { error: { code: 'NOT_FOUND', message: 'not found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
