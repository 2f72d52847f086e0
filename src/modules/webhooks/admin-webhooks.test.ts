import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { createAdminUser } from '../users/admin-users.ts';
import { requester, startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/** The Admin API of webhook endpoints: what it accepts, refuses, shows and hides. */
let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());

const PUBLIC = 'https://93.184.216.34/hooks'; // a public literal address: no DNS needed

describe('endpoints', () => {
  test('create shows the secret once; reads never show it; the secret can be revealed and rotated', async () => {
    const created = await shop.ok('POST', '/admin/webhooks', { url: PUBLIC, events: ['order.placed', 'inventory.*'], description: 'ERP', metadata: { team: 'ops' } }, 201);
    expect(created).toMatchObject({
      object: 'webhook_endpoint', url: PUBLIC, events: ['order.placed', 'inventory.*'], description: 'ERP', enabled: true,
      disabled_reason: null, disabled_at: null, last_success_at: null, last_failure_at: null, metadata: { team: 'ops' },
    });
    expect(created.id).toMatch(/^we_/);
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);
    const read = await shop.ok('GET', `/admin/webhooks/${created.id}`);
    expect(read).not.toHaveProperty('secret');
    expect(read).toEqual(Object.fromEntries(Object.entries(created).filter(([k]) => k !== 'secret')));
    expect((await shop.ok('GET', `/admin/webhooks/${created.id}/secret`)).secret).toBe(created.secret);
    // Stored encrypted, not as given.
    const row = await shop.db.selectFrom('webhook_endpoint').select('secret').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.secret).not.toContain(created.secret);
    const rotated = await shop.ok('POST', `/admin/webhooks/${created.id}/rotate-secret`);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect((await shop.ok('GET', `/admin/webhooks/${created.id}/secret`)).secret).toBe(rotated.secret);
    const events = await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', created.id).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['webhook_endpoint.created', 'webhook_endpoint.updated']);
    expect(JSON.stringify(events)).not.toContain('whsec_');
  });

  test('update, disable by hand, enable, list newest first with a cursor, delete', async () => {
    const a = await shop.ok('POST', '/admin/webhooks', { url: PUBLIC, events: ['*'] }, 201);
    const b = await shop.ok('POST', '/admin/webhooks', { url: `${PUBLIC}/b`, events: ['product.created'], enabled: false }, 201);
    expect(b).toMatchObject({ enabled: false, disabled_reason: 'manual' });
    const updated = await shop.ok('POST', `/admin/webhooks/${a.id}`, { events: ['cart.*'], enabled: false, description: null });
    expect(updated).toMatchObject({ events: ['cart.*'], enabled: false, disabled_reason: 'manual', description: null });
    expect((await shop.ok('POST', `/admin/webhooks/${a.id}`, { enabled: true })).disabled_reason).toBeNull();
    const first = await shop.ok('GET', '/admin/webhooks?limit=1');
    expect(first.data.map((e: any) => e.id)).toEqual([b.id]);
    const second = await shop.ok('GET', `/admin/webhooks?limit=1&cursor=${first.next_cursor}`);
    expect(second.data.map((e: any) => e.id)).toEqual([a.id]);
    expect(await shop.ok('DELETE', `/admin/webhooks/${b.id}`)).toEqual({ id: b.id, object: 'webhook_endpoint', deleted: true });
    await shop.refused('GET', `/admin/webhooks/${b.id}`, undefined, 404, 'webhook_endpoint_not_found');
    await shop.refused('DELETE', `/admin/webhooks/${b.id}`, undefined, 404, 'webhook_endpoint_not_found');
    await shop.refused('GET', `/admin/webhooks/${b.id}/deliveries`, undefined, 404, 'webhook_endpoint_not_found');
  });

  test('bad input is refused with the field named, and nothing is written', async () => {
    const before = await shop.db.selectFrom('webhook_endpoint').select('id').execute();
    await shop.refused('POST', '/admin/webhooks', { url: PUBLIC, events: ['order.shipped_to_mars'] }, 400, 'unknown_event_type', 'body.events[0]');
    await shop.refused('POST', '/admin/webhooks', { url: PUBLIC, events: ['order.placed', 'nothing.*'] }, 400, 'unknown_event_type', 'body.events[1]');
    await shop.refused('POST', '/admin/webhooks', { url: PUBLIC, events: [] }, 400, 'invalid_request', 'body.events');
    await shop.refused('POST', '/admin/webhooks', { events: ['*'] }, 400, 'invalid_request', 'body.url');
    await shop.refused('POST', '/admin/webhooks', { url: PUBLIC, events: ['*'], secret: 'mine' }, 400, 'invalid_request', 'body.secret');
    await shop.refused('POST', '/admin/webhooks', { url: 'not a url', events: ['*'] }, 400, 'webhook_url_not_allowed', 'body.url');
    await shop.refused('POST', '/admin/webhooks', { url: 'ftp://example.com/x', events: ['*'] }, 400, 'webhook_url_not_allowed', 'body.url');
    expect(await shop.db.selectFrom('webhook_endpoint').select('id').execute()).toEqual(before);
    await shop.refused('POST', '/admin/webhooks/we_01NOSUCH', { enabled: true }, 404, 'webhook_endpoint_not_found');
    await shop.refused('POST', '/admin/webhooks/nope', { enabled: true }, 400, 'invalid_request', 'params.id');
  });

  test('no server-side request forgery: loopback, private, link-local and names resolving to them are refused', async () => {
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'https://10.0.0.7/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://[fd00::1]/x', 'https://user:pw@example.com/x']) {
      const error = await shop.refused('POST', '/admin/webhooks', { url, events: ['*'] }, 400, 'webhook_url_not_allowed', 'body.url');
      expect(error.details.reason, url).toBeTruthy();
    }
    // A private address is refused with the setting that would admit it.
    const hint = '; to send webhooks to your own network, set WEBHOOK_ALLOW_PRIVATE=true';
    const literal = await shop.refused('POST', '/admin/webhooks', { url: 'http://10.0.0.7/x', events: ['*'] }, 400, 'webhook_url_not_allowed', 'body.url');
    expect(literal.details.reason).toBe(`10.0.0.7 is a private, loopback or reserved address${hint}`);
    const named = await shop.refused('POST', '/admin/webhooks', { url: 'http://localhost/x', events: ['*'] }, 400, 'webhook_url_not_allowed', 'body.url');
    expect(named.details.reason).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private, loopback or reserved address; to send webhooks to your own network, set WEBHOOK_ALLOW_PRIVATE=true$/);
    const { id } = await shop.ok('POST', '/admin/webhooks', { url: PUBLIC, events: ['*'] }, 201);
    await shop.refused('POST', `/admin/webhooks/${id}`, { url: 'http://localhost:9000/x' }, 400, 'webhook_url_not_allowed', 'body.url');
    expect((await shop.ok('GET', `/admin/webhooks/${id}`)).url).toBe(PUBLIC);
  });

  test('in production only https is accepted; WEBHOOK_ALLOW_PRIVATE admits loopback', async () => {
    const production = await buildApp({ db: shop.db, config: { ...shop.config, production: true } });
    const request = requester(production, () => shop.adminToken);
    const refused = await request<any>('POST', '/admin/webhooks', { body: { url: 'http://93.184.216.34/x', events: ['*'] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'webhook_url_not_allowed', details: { reason: 'webhook URLs must be https in production' } });
    expect((await request('POST', '/admin/webhooks', { body: { url: PUBLIC, events: ['*'] } })).status).toBe(201);
    await production.close();

    const lenient = await buildApp({ db: shop.db, config: { ...shop.config, webhookAllowPrivate: true } });
    const local = await requester(lenient, () => shop.adminToken)<any>('POST', '/admin/webhooks', { body: { url: 'http://127.0.0.1:8080/x', events: ['*'] } });
    expect(local.status).toBe(201);
    await lenient.close();
  });
});

test('the event types an endpoint can take are the catalogue', async () => {
  const { data } = await shop.ok('GET', '/admin/webhooks/event-types');
  expect(data.map((e: any) => e.type)).toEqual(expect.arrayContaining(['order.placed', 'payment.voided', 'webhook_endpoint.disabled', 'cart.expired']));
  expect(data.find((e: any) => e.type === 'order.placed')).toMatchObject({ resource_type: 'order' });
});

test('deliveries of an endpoint with none: an empty list; a bad cursor or status is refused', async () => {
  const { id } = await shop.ok('POST', '/admin/webhooks', { url: PUBLIC, events: ['*'] }, 201);
  expect(await shop.ok('GET', `/admin/webhooks/${id}/deliveries`)).toEqual({ data: [], next_cursor: null });
  await shop.refused('GET', `/admin/webhooks/${id}/deliveries?status=lost`, undefined, 400, 'invalid_request', 'querystring.status');
  await shop.refused('GET', `/admin/webhooks/${id}/deliveries?cursor=bm9wZQ`, undefined, 400, 'invalid_cursor');
  await shop.refused('GET', `/admin/webhooks/${id}/deliveries/whd_01NOSUCH`, undefined, 404, 'webhook_delivery_not_found');
});

test('only staff with webhooks:manage reach webhooks', async () => {
  await createAdminUser(shop.db, { email: 'support@hooks.test', password: 'support password 1', role: 'support' });
  const token = (await shop.post('/admin/auth/login', { email: 'support@hooks.test', password: 'support password 1' }, { token: null })).body.token;
  for (const [method, url] of [['GET', '/admin/webhooks'], ['POST', '/admin/webhooks'], ['GET', '/admin/webhooks/event-types']] as const) {
    const res = await shop.request(method, url, { token, body: method === 'POST' ? { url: PUBLIC, events: ['*'] } : undefined });
    expect(res.status, `${method} ${url}`).toBe(403);
    expect(res.body.error.details).toEqual({ permission: 'webhooks:manage' });
  }
  expect((await shop.request('GET', '/admin/webhooks', { token: null })).status).toBe(401);
});
