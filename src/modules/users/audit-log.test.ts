import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp } from '../../../test/helpers/customers.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { auditReaderHeaders } from '../../http/admin-auth.ts';

/** The audit trail: every Admin API write, who made it, on what, what changed; append-only. */
let shop: TestShop;
let ownerId: string;
beforeAll(async () => {
  shop = await startTestShop();
  ownerId = (await shop.ok('GET', '/admin/auth/session')).actor.id;
});
afterAll(async () => shop?.close());

/**
 * The entries for a resource, newest first, read right after the writes: an entry is written before
 * its response is sent, so a caller that saw the write succeed finds its entry at once.
 */
const entriesFor = async (resourceId: string) => (await shop.ok('GET', `/admin/audit-log?resource_id=${resourceId}`)).data as any[];

describe('what the audit log records', () => {
  test('a create, an update and a delete: actor, action, resource, before/after of changed fields, request id', async () => {
    const created = await shop.request('POST', '/admin/products', { body: { title: 'Audited lamp', status: 'draft', tags: ['lamp'] }, headers: { 'x-request-id': 'req-audit-create' } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const updated = await shop.request('POST', `/admin/products/${id}`, { body: { title: 'Audited desk lamp', tags: ['lamp', 'desk'] }, headers: { 'x-request-id': 'req-audit-update' } });
    expect(updated.status).toBe(200);
    expect(updated.headers['x-request-id']).toBe('req-audit-update');
    // A refused write and a read leave no entry.
    await shop.refused('POST', `/admin/products/${id}`, { title: '' }, 400, 'invalid_request', 'body.title');
    await shop.ok('GET', `/admin/products/${id}`);
    const deleted = await shop.request('DELETE', `/admin/products/${id}`, { headers: { 'x-request-id': 'req-audit-delete' } });
    expect(deleted.status).toBe(200);

    const [del, upd, cre] = await entriesFor(id);
    expect(await entriesFor(id)).toHaveLength(3);
    expect(upd).toEqual({
      id: expect.stringMatching(/^aud_/), actor_type: 'user', actor_id: ownerId, action: 'POST /admin/products/:id',
      resource_type: 'products', resource_id: id,
      changes: { title: { before: 'Audited lamp', after: 'Audited desk lamp' }, tags: { before: ['lamp'], after: ['lamp', 'desk'] } },
      status: 200, request_id: 'req-audit-update', created_at: expect.any(String),
    });
    expect(cre).toMatchObject({ actor_type: 'user', actor_id: ownerId, action: 'POST /admin/products', resource_type: 'products', resource_id: id, status: 201, request_id: 'req-audit-create' });
    expect(cre.changes.title).toEqual({ before: null, after: 'Audited lamp' });
    expect(cre.changes.status).toEqual({ before: null, after: 'draft' });
    expect(del).toMatchObject({ action: 'DELETE /admin/products/:id', resource_id: id, status: 200, request_id: 'req-audit-delete' });
    expect(del.changes.title).toEqual({ before: 'Audited desk lamp', after: null });
  });

  test('a key that may write but not read still leaves the before and after of what it changed', async () => {
    const product = await shop.ok('POST', '/admin/products', { title: 'Write-only lamp' }, 201);
    const key = (await shop.post('/admin/api-keys', { name: 'Writer only', permissions: ['products:write'] })).body;
    expect((await shop.request('GET', `/admin/products/${product.id}`, { token: key.token })).status).toBe(403);
    expect((await shop.post(`/admin/products/${product.id}`, { title: 'Write-only desk lamp' }, { token: key.token })).status).toBe(200);
    const [entry] = await entriesFor(product.id);
    expect(entry).toMatchObject({ actor_type: 'api_key', actor_id: key.id, changes: { title: { before: 'Write-only lamp', after: 'Write-only desk lamp' } } });
  });

  test('the audit log\'s own reads cannot be borrowed: a guessed reader header is refused, and it never writes', async () => {
    const product = await shop.ok('POST', '/admin/products', { title: 'Guarded lamp' }, 201);
    const guessed = { 'x-cartwright-audit-reader': Buffer.alloc(32, 7).toString('base64url') };
    expect((await shop.request('GET', `/admin/products/${product.id}`, { token: null, headers: guessed })).status).toBe(401);
    expect((await shop.request('GET', `/admin/products/${product.id}`, { token: null, headers: { 'x-cartwright-audit-reader': 'short' } })).status).toBe(401);
    const real = auditReaderHeaders();
    expect((await shop.request('GET', `/admin/products/${product.id}`, { token: null, headers: real })).status).toBe(200);
    expect((await shop.request('POST', `/admin/products/${product.id}`, { token: null, headers: real, body: { title: 'Hijacked' } })).status).toBe(401);
    expect((await shop.ok('GET', `/admin/products/${product.id}`)).title).toBe('Guarded lamp');
  });

  test('an API key is the actor of its writes', async () => {
    const key = (await shop.post('/admin/api-keys', { name: 'Audited key', permissions: ['products:write', 'products:read'] })).body;
    const made = await shop.post('/admin/products', { title: 'By key' }, { token: key.token });
    expect(made.status).toBe(201);
    const [entry] = await entriesFor(made.body.id);
    expect(entry).toMatchObject({ actor_type: 'api_key', actor_id: key.id, action: 'POST /admin/products', resource_id: made.body.id });
    const keyEntry = await entriesFor(key.id);
    expect(keyEntry).toHaveLength(1);
    expect(keyEntry[0]).toMatchObject({ actor_id: ownerId, action: 'POST /admin/api-keys', resource_type: 'api-keys' });
    // The token shown once is not kept in the log.
    expect(keyEntry[0].changes.token).toEqual({ before: null, after: '[redacted]' });
    expect(JSON.stringify(await shop.db.selectFrom('audit_log').selectAll().execute())).not.toContain(key.token.slice(3));
  });

  test('passwords never reach the log', async () => {
    const user = await shop.ok('POST', '/admin/users', { email: 'audited@staff.test', password: 'do not log me 123', role: 'support' }, 201);
    const entries = await entriesFor(user.id);
    expect(entries).toHaveLength(1);
    expect(entries[0].changes.role).toEqual({ before: null, after: 'support' });
    expect(JSON.stringify(await shop.db.selectFrom('audit_log').selectAll().execute())).not.toContain('do not log me');
  });

  test('a customer edit records which fields changed, and their values only where they are not personal data', async () => {
    const c = await signUp(shop, { first_name: 'Persephone', last_name: 'Auditworthy' });
    const group = await shop.ok('POST', '/admin/customer-groups', { name: 'Audited group' }, 201);
    await shop.ok('POST', `/admin/customers/${c.id}`, { first_name: 'Proserpina', group_ids: [group.id] });
    const [entry] = await entriesFor(c.id);
    expect(entry).toMatchObject({ action: 'POST /admin/customers/:id', resource_type: 'customers', resource_id: c.id });
    expect(entry.changes.group_ids).toEqual({ before: [], after: [group.id] });
    expect(entry.changes.first_name).toEqual({ before: '[personal data]', after: '[personal data]' });
    expect(Object.keys(entry.changes).sort()).toEqual(['first_name', 'group_ids']);

    await shop.ok('POST', `/admin/customers/${c.id}/anonymize`, undefined, 204);
    await entriesFor(c.id);
    const rows = JSON.stringify(await shop.db.selectFrom('audit_log').selectAll().execute());
    for (const plain of ['Persephone', 'Proserpina', 'Auditworthy', c.email]) expect(rows).not.toContain(plain);
  });

  test('resources named by a key (roles) are named in their entries', async () => {
    await shop.ok('POST', '/admin/roles', { key: 'audited_role', name: 'Audited', permissions: ['products:read'] }, 201);
    await shop.ok('POST', '/admin/roles/audited_role', { permissions: ['orders:read'] });
    await shop.ok('DELETE', '/admin/roles/audited_role', undefined, 204);
    const [del, upd, cre] = await entriesFor('audited_role');
    expect([cre.action, upd.action, del.action]).toEqual(['POST /admin/roles', 'POST /admin/roles/:key', 'DELETE /admin/roles/:key']);
    expect([cre.resource_type, upd.resource_type, del.resource_type]).toEqual(['roles', 'roles', 'roles']);
    expect(upd.changes.permissions).toEqual({ before: null, after: ['orders:read'] });
  });

  test('filters: actor, action, resource type, resource id, each exactly the entries it names', async () => {
    const key = (await shop.post('/admin/api-keys', { name: 'Filtered key', permissions: ['customers:write'] })).body;
    const byOwner = await shop.ok('POST', '/admin/customer-groups', { name: 'Filtered by owner' }, 201);
    const byKey = await shop.post('/admin/customer-groups', { name: 'Filtered by key' }, { token: key.token });
    expect(byKey.status, byKey.text).toBe(201);
    await shop.ok('POST', '/admin/products', { title: 'Filtered lamp' }, 201);
    const all = await everyEntry(100);
    const query = async (filter: string) => (await everyEntry(100, filter)).map((e) => e.id);
    const where = (match: (e: any) => boolean) => all.filter(match).map((e) => e.id);

    // The key made one write: exactly its entry.
    const keyEntry = all.find((e) => e.resource_id === byKey.body.id);
    expect(keyEntry).toMatchObject({ actor_type: 'api_key', actor_id: key.id, action: 'POST /admin/customer-groups', resource_type: 'customer-groups' });
    expect(await query(`actor_id=${key.id}`)).toEqual([keyEntry.id]);
    // Each filter answers what it names, and nothing else, from the whole log (newest first).
    const groups = where((e) => e.resource_type === 'customer-groups');
    expect(groups.length).toBeGreaterThanOrEqual(2);
    expect(groups.length).toBeLessThan(all.length);
    expect(await query('resource_type=customer-groups')).toEqual(groups);
    const ownerCreates = where((e) => e.actor_id === ownerId && e.action === 'POST /admin/customer-groups');
    expect(ownerCreates).toContain(all.find((e) => e.resource_id === byOwner.id).id);
    expect(ownerCreates).not.toContain(keyEntry.id);
    expect(await query(`actor_id=${ownerId}&action=${encodeURIComponent('POST /admin/customer-groups')}`)).toEqual(ownerCreates);
    expect(await query(`resource_id=${byOwner.id}`)).toEqual(where((e) => e.resource_id === byOwner.id));
    expect(await query('resource_type=customer-groups&actor_id=usr_0NOBODY')).toEqual([]);
  });

  test('paging walks the whole log once, newest first, whatever the page size', async () => {
    const all = await everyEntry(100);
    expect(all.length).toBeGreaterThan(10);
    for (const size of [1, 2, 7]) {
      const paged = await everyEntry(size);
      expect(paged.map((e) => e.id), `pages of ${size}`).toEqual(all.map((e) => e.id));
    }
    const times = all.map((e) => Date.parse(e.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first
    await shop.refused('GET', '/admin/audit-log?cursor=not-a-cursor', undefined, 400, 'invalid_cursor', 'querystring.cursor');
  });
});

/** Every entry matching `filter`, following next_cursor page by page (each page no larger than asked). */
async function everyEntry(limit: number, filter = ''): Promise<any[]> {
  const entries: any[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: any[]; next_cursor: string | null } = await shop.ok('GET', `/admin/audit-log?limit=${limit}${filter ? `&${filter}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.data.length).toBeLessThanOrEqual(limit);
    if (page.next_cursor) expect(page.data).toHaveLength(limit);
    entries.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return entries;
}

describe('the audit log cannot be changed', () => {
  test('there is no route to change or delete entries', async () => {
    const [entry] = (await shop.ok('GET', '/admin/audit-log?limit=1')).data;
    for (const [method, url] of [['POST', '/admin/audit-log'], ['PATCH', `/admin/audit-log/${entry.id}`], ['PUT', `/admin/audit-log/${entry.id}`], ['DELETE', `/admin/audit-log/${entry.id}`], ['DELETE', '/admin/audit-log'], ['POST', `/admin/audit-log/${entry.id}`]]) {
      const res = await shop.request(method, url, { body: method === 'DELETE' ? undefined : { action: 'nothing happened' } });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.error.code).toBe('route_not_found');
    }
    expect((await shop.ok('GET', '/admin/audit-log?limit=1')).data[0]).toEqual(entry);
  });

  test('the database refuses an UPDATE or DELETE on audit_log', async () => {
    const before = await shop.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(before.length).toBeGreaterThan(0);
    await expect(shop.db.updateTable('audit_log').set({ action: 'rewritten' }).execute()).rejects.toThrow(/audit_log is append-only/);
    await expect(shop.db.deleteFrom('audit_log').execute()).rejects.toThrow(/audit_log is append-only/);
    expect(await shop.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).toEqual(before);
  });

  test('reading it needs audit:read', async () => {
    await shop.ok('POST', '/admin/users', { email: 'support-audit@staff.test', password: 'support password 1', role: 'support' }, 201);
    const token = (await shop.post('/admin/auth/login', { email: 'support-audit@staff.test', password: 'support password 1' }, { token: null })).body.token;
    const res = await shop.get('/admin/audit-log', { token });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toEqual({ permission: 'audit:read' });
  });
});
