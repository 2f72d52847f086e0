import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking the part of Klaviyo's REST API Cartwright uses (JSON:API bodies, the
 * `Klaviyo-API-Key` header and a `revision`): profile import keyed by external_id, events
 * deduplicated on unique_id as Klaviyo does, list subscription jobs, profile lookup by external_id
 * and data-privacy deletion. It keeps what it was told so a test can compare.
 */
export interface FakeKlaviyo {
  url: string;
  /** Profiles by Klaviyo id. */
  profiles: Map<string, { id: string; external_id: string; email: string; first_name: string | null; last_name: string | null; phone_number?: string; properties: Record<string, unknown> }>;
  /** Events recorded (a repeated unique_id is not recorded again). */
  events: Array<{ metric: string; unique_id: string; external_id: string; email: string; value?: number; value_currency?: string; time: string; properties: Record<string, any> }>;
  subscriptions: Array<{ list_id: string; subscribe: boolean; email: string; channels: string[] }>;
  deletions: string[];
  /** Every request, in order: method, path, status answered. */
  requests: Array<{ method: string; path: string; status: number }>;
  /** Answers 503 to everything while true. */
  down: boolean;
  /** Profile imports for these emails are refused with a 400, as Klaviyo refuses an invalid one. */
  refuseEmails: Set<string>;
  close(): Promise<void>;
}

export async function startFakeKlaviyo(apiKey: string): Promise<FakeKlaviyo> {
  let n = 0;
  const fake: FakeKlaviyo = {
    url: '', profiles: new Map(), events: [], subscriptions: [], deletions: [], requests: [], down: false, refuseEmails: new Set(),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const byExternalId = (externalId: string) => [...fake.profiles.values()].find((p) => p.external_id === externalId);

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const send = (status: number, body?: unknown) => {
        fake.requests.push({ method: req.method ?? '', path: url.pathname, status });
        res.writeHead(status, { 'content-type': 'application/vnd.api+json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      const refuse = (status: number, detail: string) => send(status, { errors: [{ status, code: 'invalid', title: 'Invalid input.', detail }] });
      if (fake.down) return refuse(503, 'down');
      if (req.headers.authorization !== `Klaviyo-API-Key ${apiKey}`) return refuse(401, 'Missing or invalid private key.');
      if (!req.headers.revision) return refuse(400, 'revision header is required');
      const body = raw ? JSON.parse(raw) : {};
      const attributes = body?.data?.attributes ?? {};

      if (req.method === 'POST' && url.pathname === '/api/profile-import') {
        if (fake.refuseEmails.has(attributes.email)) return refuse(400, `Invalid email address: ${attributes.email}`);
        const existing = byExternalId(attributes.external_id);
        const id = existing?.id ?? `01KLAVIYO${String(++n).padStart(17, '0')}`;
        fake.profiles.set(id, { id, external_id: attributes.external_id, email: attributes.email, first_name: attributes.first_name ?? null, last_name: attributes.last_name ?? null, phone_number: attributes.phone_number, properties: attributes.properties ?? {} });
        return send(existing ? 200 : 201, { data: { type: 'profile', id, attributes } });
      }
      if (req.method === 'POST' && url.pathname === '/api/events') {
        const profile = attributes.profile?.data?.attributes ?? {};
        if (!fake.events.some((e) => e.unique_id === attributes.unique_id)) {
          fake.events.push({
            metric: attributes.metric?.data?.attributes?.name, unique_id: attributes.unique_id, external_id: profile.external_id, email: profile.email,
            value: attributes.value, value_currency: attributes.value_currency, time: attributes.time, properties: attributes.properties,
          });
        }
        return send(202);
      }
      const subscription = url.pathname.match(/^\/api\/profile-subscription-bulk-(create|delete)-jobs$/);
      if (req.method === 'POST' && subscription) {
        for (const p of attributes.profiles?.data ?? []) {
          fake.subscriptions.push({
            list_id: body.data.relationships?.list?.data?.id, subscribe: subscription[1] === 'create', email: p.attributes.email, channels: Object.keys(p.attributes.subscriptions ?? {}).sort(),
          });
        }
        return send(202);
      }
      if (req.method === 'GET' && url.pathname === '/api/profiles') {
        const externalId = url.searchParams.get('filter')?.match(/^equals\(external_id,"([^"]+)"\)$/)?.[1];
        if (!externalId) return refuse(400, 'unsupported filter');
        const profile = byExternalId(externalId);
        return send(200, { data: profile ? [{ type: 'profile', id: profile.id, attributes: profile }] : [] });
      }
      if (req.method === 'POST' && url.pathname === '/api/data-privacy-deletion-jobs') {
        const id = attributes.profile?.data?.id;
        if (!fake.profiles.has(id)) return refuse(404, 'profile not found');
        fake.profiles.delete(id);
        fake.deletions.push(id);
        return send(202);
      }
      return refuse(404, `no route ${req.method} ${url.pathname}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
