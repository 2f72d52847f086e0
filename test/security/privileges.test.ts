import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAdminUser } from '../../src/modules/users/admin-users.ts';
import { BUILT_IN_ROLES, isPermission } from '../../src/modules/users/permissions.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';

/**
 * Privilege, generated from the route list: every Admin API route declares a permission, and each
 * built-in role is refused (403) exactly on the routes whose permission it lacks.
 */
let shop: TestShop;
let operations: { method: string; url: string; path: string; permission: string | undefined }[];

beforeAll(async () => {
  shop = await startTestShop();
  const spec = (await shop.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/admin') && path !== '/admin/auth/login')
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, (_, name: string) => `${name}_X`),
      path,
      permission: (op as { 'x-permission'?: string })['x-permission'],
    })));
});
afterAll(async () => shop?.close());

test('every admin route declares a permission that exists', () => {
  expect(operations.length).toBeGreaterThan(50);
  for (const op of operations) {
    expect(op.permission, `${op.method} ${op.path}`).toBeDefined();
    expect(op.permission === 'authenticated' || isPermission(op.permission!), `${op.method} ${op.path}: ${op.permission}`).toBe(true);
  }
});

describe.each(Object.entries(BUILT_IN_ROLES))('role %s', (role, { permissions }) => {
  test('is refused exactly where it lacks the permission', async () => {
    const email = `${role}@roles.test`;
    await createAdminUser(shop.db, { email, password: 'role password 123', role });
    const token = (await shop.post('/admin/auth/login', { email, password: 'role password 123' }, { token: null })).body.token;
    for (const op of operations) {
      if (op.path === '/admin/auth/logout') continue; // would end the session the loop uses
      const res = await shop.request(op.method, op.url, { token, body: ['POST', 'PATCH'].includes(op.method) ? {} : undefined });
      const allowed = op.permission === 'authenticated' || (permissions as string[]).includes(op.permission!);
      if (allowed) expect(res.status, `${role} ${op.method} ${op.path} (${op.permission}): ${res.text}`).not.toBe(403);
      else expect(res.status, `${role} ${op.method} ${op.path} (${op.permission})`).toBe(403);
      if (!allowed) expect(res.body.error).toMatchObject({ code: 'forbidden', details: { permission: op.permission } });
      else expect(res.status).not.toBe(401);
    }
  });
});
