import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { BUILT_IN_ROLES, PERMISSIONS } from './permissions.ts';
import { hashToken } from './tokens.ts';

/** Staff users, custom roles and API keys: who may do what on the Admin API. */
let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());

let n = 0;
/** Adds a staff user with `role` (as the owner) and signs them in. */
async function staff(role: string) {
  const email = `staff-${++n}@staff.test`;
  const password = 'staff password 123';
  const user = await shop.ok('POST', '/admin/users', { email, password, name: `Staff ${n}`, role }, 201);
  const login = await shop.post('/admin/auth/login', { email, password }, { token: null });
  expect(login.status, login.text).toBe(200);
  return { user, token: login.body.token as string };
}
const permissionsOf = async (token: string) => (await shop.get('/admin/auth/session', { token })).body.permissions;

describe('staff users', () => {
  test('the owner adds, lists, changes and removes staff', async () => {
    const res = await shop.post('/admin/users', { email: 'Support.Person@staff.test', password: 'support password 1', name: 'Sam', role: 'support' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^usr_/), email: 'Support.Person@staff.test', name: 'Sam', role: 'support', created_at: expect.any(String), last_login_at: null });
    const id = res.body.id;
    expect((await shop.ok('GET', '/admin/users')).data.map((u: any) => u.email)).toContain('Support.Person@staff.test');

    const token = (await shop.post('/admin/auth/login', { email: 'support.person@staff.test', password: 'support password 1' }, { token: null })).body.token;
    expect(await permissionsOf(token)).toEqual([...BUILT_IN_ROLES.support.permissions].sort());
    expect((await shop.get('/admin/customers', { token })).status).toBe(200);
    expect((await shop.get('/admin/users', { token })).status).toBe(403);

    // A role change applies to open sessions at once.
    expect((await shop.ok('POST', `/admin/users/${id}`, { role: 'read_only', name: 'Sam R.' })).role).toBe('read_only');
    expect(await permissionsOf(token)).toEqual([...BUILT_IN_ROLES.read_only.permissions].sort());
    expect((await shop.post(`/admin/customer-groups`, { name: 'Not allowed' }, { token })).status).toBe(403);

    expect((await shop.request('DELETE', `/admin/users/${id}`)).status).toBe(204);
    expect((await shop.get('/admin/auth/session', { token })).status).toBe(401);
    await shop.refused('DELETE', `/admin/users/${id}`, undefined, 404, 'user_not_found');
  });

  test('bad staff input is refused', async () => {
    await shop.refused('POST', '/admin/users', { email: 'weak@staff.test', password: 'short', role: 'support' }, 400, 'weak_password', 'body.password');
    await shop.refused('POST', '/admin/users', { email: 'norole@staff.test', password: 'long enough pw 1', role: 'no_such_role' }, 404, 'role_not_found', 'body.role');
    await shop.refused('POST', '/admin/users', { email: 'bad', password: 'long enough pw 1', role: 'support' }, 400, 'invalid_request', 'body.email');
    await shop.refused('POST', '/admin/users', { email: 'OWNER@test.local', password: 'long enough pw 1', role: 'support' }, 409, 'admin_email_taken');
    const users = await shop.ok('GET', '/admin/users');
    expect(users.data.map((u: any) => u.email)).not.toContain('weak@staff.test');
  });

  test('the last owner cannot be removed', async () => {
    const owners = (await shop.ok('GET', '/admin/users')).data.filter((u: any) => u.role === 'owner');
    expect(owners).toHaveLength(1);
    await shop.refused('DELETE', `/admin/users/${owners[0].id}`, undefined, 400, 'invalid_request');
    await shop.refused('POST', `/admin/users/${owners[0].id}`, { role: 'no_such_role' }, 404, 'role_not_found');
  });
});

describe('roles', () => {
  test('built-in roles are listed and cannot change', async () => {
    const roles = (await shop.ok('GET', '/admin/roles')).data;
    expect(roles.filter((r: any) => r.built_in).map((r: any) => r.key)).toEqual(Object.keys(BUILT_IN_ROLES));
    expect(roles.find((r: any) => r.key === 'owner').permissions).toEqual([...PERMISSIONS]);
    await shop.refused('POST', '/admin/roles/support', { name: 'Mine now' }, 400, 'invalid_request');
    await shop.refused('DELETE', '/admin/roles/owner', undefined, 400, 'invalid_request');
    await shop.refused('POST', '/admin/roles', { key: 'admin', name: 'Again', permissions: [] }, 409, 'role_key_taken', 'body.key');
  });

  test('a custom role grants exactly its permissions; changing it changes its holders’ at once', async () => {
    const created = await shop.ok('POST', '/admin/roles', { key: 'marketing', name: 'Marketing', permissions: ['products:read', 'customers:read', 'products:read'] }, 201);
    expect(created).toEqual({ key: 'marketing', name: 'Marketing', permissions: ['products:read', 'customers:read'], built_in: false });
    await shop.refused('POST', '/admin/roles', { key: 'marketing', name: 'Twice', permissions: [] }, 409, 'role_key_taken');
    await shop.refused('POST', '/admin/roles', { key: 'bad', name: 'Bad', permissions: ['products:delete'] }, 400, 'invalid_request', 'body.permissions[0]');
    await shop.refused('POST', '/admin/roles', { key: 'Bad Key', name: 'Bad', permissions: [] }, 400, 'invalid_request', 'body.key');

    const { user, token } = await staff('marketing');
    expect(await permissionsOf(token)).toEqual(['customers:read', 'products:read']);
    expect((await shop.get('/admin/products', { token })).status).toBe(200);
    expect((await shop.get('/admin/inventory/locations', { token })).status).toBe(403);

    await shop.ok('POST', '/admin/roles/marketing', { permissions: ['inventory:read'] });
    expect(await permissionsOf(token)).toEqual(['inventory:read']);
    expect((await shop.get('/admin/inventory/locations', { token })).status).toBe(200);
    expect((await shop.get('/admin/products', { token })).status).toBe(403);

    await shop.refused('DELETE', '/admin/roles/marketing', undefined, 409, 'role_in_use');
    await shop.ok('POST', `/admin/users/${user.id}`, { role: 'read_only' });
    expect((await shop.request('DELETE', '/admin/roles/marketing')).status).toBe(204);
    await shop.refused('DELETE', '/admin/roles/marketing', undefined, 404, 'role_not_found');
    await shop.refused('POST', '/admin/roles/marketing', { name: 'Gone' }, 404, 'role_not_found');
  });
});

describe('API keys', () => {
  test('a key gets some of its creator’s permissions; the token is shown once and stored hashed', async () => {
    const res = await shop.post('/admin/api-keys', { name: 'Catalog sync', permissions: ['products:read', 'products:write'] });
    expect(res.status, res.text).toBe(201);
    const { token, ...key } = res.body;
    expect(token).toMatch(/^ck_[\w-]{43}$/);
    expect(key).toEqual({
      id: expect.stringMatching(/^key_/), name: 'Catalog sync', last4: token.slice(-4), permissions: ['products:read', 'products:write'],
      created_by: expect.stringMatching(/^usr_/), created_at: expect.any(String), last_used_at: null, revoked_at: null,
    });
    // Listed without its token; only the hash is kept.
    const listed = (await shop.ok('GET', '/admin/api-keys')).data.find((k: any) => k.id === key.id);
    expect(listed).toEqual(key);
    expect(JSON.stringify(await shop.ok('GET', '/admin/api-keys'))).not.toContain(token);
    const row = await shop.db.selectFrom('api_key').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(3));

    // Works on the routes its permissions cover, 403 elsewhere.
    expect((await shop.get('/admin/products', { token })).status).toBe(200);
    const created = await shop.post('/admin/products', { title: 'Made by a key', status: 'draft' }, { token });
    expect(created.status, created.text).toBe(201);
    for (const [method, url, permission] of [['GET', '/admin/customers', 'customers:read'], ['GET', '/admin/inventory/locations', 'inventory:read'], ['POST', '/admin/customer-groups', 'customers:write'], ['GET', '/admin/api-keys', 'users:manage']]) {
      const refused = await shop.request(method, url, { token, body: method === 'POST' ? { name: 'x' } : undefined });
      expect(refused.status, `${method} ${url}`).toBe(403);
      expect(refused.body.error).toEqual({ code: 'forbidden', message: 'Your role does not allow this.', details: { permission } });
    }
    const session = await shop.get('/admin/auth/session', { token });
    expect(session.body).toEqual({ actor: { kind: 'api_key', id: key.id }, user: null, permissions: ['products:read', 'products:write'], csrf_token: null });

    const used = (await shop.ok('GET', '/admin/api-keys')).data.find((k: any) => k.id === key.id);
    expect(Date.now() - new Date(used.last_used_at).getTime()).toBeLessThan(60_000);
  });

  test('a key with a permission its creator lacks is refused (403); unknown permissions are 400', async () => {
    await shop.ok('POST', '/admin/roles', { key: 'integrator', name: 'Integrator', permissions: ['users:manage', 'products:read'] }, 201);
    const { token } = await staff('integrator');
    const ok = await shop.post('/admin/api-keys', { name: 'Reader', permissions: ['products:read'] }, { token });
    expect(ok.status, ok.text).toBe(201);
    const before = (await shop.ok('GET', '/admin/api-keys')).data.length;
    const tooMuch = await shop.post('/admin/api-keys', { name: 'Greedy', permissions: ['products:read', 'orders:refund'] }, { token });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.error).toMatchObject({ code: 'forbidden', details: { field: 'body.permissions[1]', permission: 'orders:refund' } });
    const unknown = await shop.post('/admin/api-keys', { name: 'Odd', permissions: ['everything'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'invalid_request', details: { field: 'body.permissions[0]' } });
    await shop.refused('POST', '/admin/api-keys', { name: 'None', permissions: [] }, 400, 'invalid_request', 'body.permissions');
    expect((await shop.ok('GET', '/admin/api-keys')).data.length).toBe(before);
  });

  test('a key cannot make keys, even with users:manage', async () => {
    const { token } = (await shop.post('/admin/api-keys', { name: 'Manager key', permissions: ['users:manage'] })).body;
    const res = await shop.post('/admin/api-keys', { name: 'Child', permissions: ['users:manage'] }, { token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  test('a revoked key is refused (401) at once', async () => {
    const { token, id } = (await shop.post('/admin/api-keys', { name: 'Short-lived', permissions: ['products:read'] })).body;
    expect((await shop.get('/admin/products', { token })).status).toBe(200);
    const revoked = await shop.ok('POST', `/admin/api-keys/${id}/revoke`);
    expect(revoked).toMatchObject({ id, revoked_at: expect.any(String) });
    const res = await shop.get('/admin/products', { token });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    // Revoking again changes nothing; an unknown key is 404.
    expect((await shop.ok('POST', `/admin/api-keys/${id}/revoke`)).revoked_at).toBe(revoked.revoked_at);
    await shop.refused('POST', '/admin/api-keys/key_00000000000000000000000000/revoke', undefined, 404, 'api_key_not_found');
  });

  test('a tampered or made-up key is refused', async () => {
    const { token } = (await shop.post('/admin/api-keys', { name: 'Real', permissions: ['products:read'] })).body;
    for (const fake of [`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'ck_', `ck_${'A'.repeat(43)}`, token.toUpperCase(), `${token}x`]) {
      expect((await shop.get('/admin/products', { token: fake })).status, fake).toBe(401);
    }
  });
});

describe('no one grants more than they have', () => {
  test('staff with users:manage but not everything cannot hand out roles or make roles beyond their own permissions', async () => {
    await shop.ok('POST', '/admin/roles', { key: 'people_lead', name: 'People lead', permissions: ['users:manage', 'customers:read'] }, 201);
    const { user, token } = await staff('people_lead');
    const users = (await shop.ok('GET', '/admin/users')).data.length;
    // Making an owner, or making oneself one, would be every permission at once.
    const owner = await shop.post('/admin/users', { email: 'sneaky@staff.test', password: 'sneaky password 1', role: 'owner' }, { token });
    expect(owner.status).toBe(403);
    expect(owner.body.error.code).toBe('forbidden');
    const self = await shop.post(`/admin/users/${user.id}`, { role: 'admin' }, { token });
    expect(self.status).toBe(403);
    const role = await shop.post('/admin/roles', { key: 'all_access', name: 'All', permissions: ['orders:refund'] }, { token });
    expect(role.status).toBe(403);
    expect(role.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'orders:refund' } });
    const widen = await shop.post('/admin/roles/people_lead', { permissions: ['users:manage', 'customers:read', 'orders:refund'] }, { token });
    expect(widen.status).toBe(403);
    expect((await shop.ok('GET', '/admin/users')).data.length).toBe(users);
    expect(await permissionsOf(token)).toEqual(['customers:read', 'users:manage']);
    // Nor demote or remove someone who has more than they do.
    const owner1 = (await shop.ok('GET', '/admin/users')).data.find((u: any) => u.role === 'owner');
    expect((await shop.post(`/admin/users/${owner1.id}`, { role: 'read_only' }, { token })).status).toBe(403);
    expect((await shop.request('DELETE', `/admin/users/${owner1.id}`, { token })).status).toBe(403);
    expect((await shop.ok('GET', '/admin/users')).data.find((u: any) => u.id === owner1.id).role).toBe('owner');
    // Within their own permissions they may.
    const support = await shop.post('/admin/users', { email: 'helper@staff.test', password: 'helper password 1', role: 'people_lead' }, { token });
    expect(support.status, support.text).toBe(201);
  });

  test('an API key with users:manage cannot make an owner either', async () => {
    const { token } = (await shop.post('/admin/api-keys', { name: 'HR sync', permissions: ['users:manage'] })).body;
    const res = await shop.post('/admin/users', { email: 'keymade@staff.test', password: 'keymade password 1', role: 'owner' }, { token });
    expect(res.status).toBe(403);
  });
});
