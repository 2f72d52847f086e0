import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAdminUser } from '../../src/modules/users/admin-users.ts';
import { BUILT_IN_ROLES, isPermission } from '../../src/modules/users/permissions.ts';
import { startTestShop, type TestShop } from '../helpers/test-shop.ts';

/**
 * Privilege, generated from the route list: every Admin API route declares a permission, and each
 * built-in role is refused (403) exactly on the routes whose permission it lacks.
 */
let shop: TestShop;

interface Operation { parameters?: { in: string; name: string; schema?: { pattern?: string } }[] }

/**
 * A path parameter the route accepts but no row has (`prod_0NOTHERE`, `USD`…), so a request gets past
 * validation into the handler: a crash there shows as a 500, not hidden behind a 400 on the id's shape.
 */
function unknownValueFor(pattern: string | undefined): string {
  if (!pattern) return 'nothere';
  const prefixed = /^\^(\w+)_\[/.exec(pattern);
  const candidates = [...(prefixed ? [`${prefixed[1]}_0NOTHERE`] : []), 'nothere', 'NOTHERE', 'ZZZ', 'not-here', '999999'];
  const fits = candidates.find((c) => new RegExp(pattern).test(c));
  if (!fits) throw new Error(`no unknown value fits ${pattern}`);
  return fits;
}
let operations: { method: string; url: string; path: string; permission: string | undefined; documented: string[] }[];

beforeAll(async () => {
  shop = await startTestShop();
  const spec = (await shop.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/admin') && path !== '/admin/auth/login')
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, (_, name: string) => unknownValueFor((op as Operation).parameters?.find((p) => p.in === 'path' && p.name === name)?.schema?.pattern)),
      path,
      permission: (op as { 'x-permission'?: string })['x-permission'],
      documented: Object.keys((op as { responses?: Record<string, unknown> }).responses ?? {}),
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
      const context = `${role} ${op.method} ${op.path} (${op.permission}) → ${res.status}: ${res.text.slice(0, 300)}`;
      if (!allowed) {
        expect(res.status, context).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'forbidden', details: { permission: op.permission } });
        continue;
      }
      // Let through: whatever the route then says of the made-up ids and empty bodies, it is an answer
      // the route documents, never a refusal of the role and never a crash.
      expect([401, 403], context).not.toContain(res.status);
      expect(res.status, context).toBeLessThan(500);
      expect(op.documented, context).toContain(String(res.status));
    }
  });
});
