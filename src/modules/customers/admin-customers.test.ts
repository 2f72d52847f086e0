import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { logIn, placeOrder, signUp, uniqueEmail } from '../../../test/helpers/customers.ts';
import { createStockedProduct, setUpSelling, type Selling } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

let shop: TestShop;
let selling: Selling;
let usdVariant: string;
let eurVariant: string;
beforeAll(async () => {
  shop = await startTestShop();
  selling = await setUpSelling(shop);
  usdVariant = (await createStockedProduct(shop, { usd: 1000, stock: 100, locationId: selling.warehouse.id })).variant.id;
  eurVariant = (await createStockedProduct(shop, { eur: 2000, stock: 100, locationId: selling.warehouse.id })).variant.id;
});
afterAll(async () => shop?.close());

describe('finding customers', () => {
  test('the list is newest first and paged; email search is exact and case-insensitive', async () => {
    const a = await signUp(shop, { first_name: 'Alan', last_name: 'Turing' });
    const b = await signUp(shop, { first_name: 'Barbara', last_name: 'Liskov' });
    const all = await shop.ok('GET', '/admin/customers');
    expect(all.data.slice(0, 2).map((c: any) => c.id)).toEqual([b.id, a.id]);

    const found = await shop.ok('GET', `/admin/customers?email=${encodeURIComponent(a.email.toUpperCase())}`);
    expect(found).toEqual({
      data: [{ id: a.id, email: a.email, first_name: 'Alan', last_name: 'Turing', phone: null, email_verified: false, group_ids: [], metadata: {}, created_at: expect.any(String) }],
      next_cursor: null,
    });
    // Not a substring search: names are encrypted, and a partial email finds nothing.
    expect((await shop.ok('GET', `/admin/customers?email=${encodeURIComponent(a.email.slice(1))}`)).data).toEqual([]);
    expect((await shop.ok('GET', '/admin/customers?email=nobody%40customers.test')).data).toEqual([]);

    const page1 = await shop.ok('GET', '/admin/customers?limit=1');
    expect(page1.data.map((c: any) => c.id)).toEqual([all.data[0].id]);
    const page2 = await shop.ok('GET', `/admin/customers?limit=1&cursor=${encodeURIComponent(page1.next_cursor)}`);
    expect(page2.data.map((c: any) => c.id)).toEqual([all.data[1].id]);
  });

  test('an unknown id is 404; a malformed one is 400', async () => {
    await shop.refused('GET', '/admin/customers/cus_00000000000000000000000000', undefined, 404, 'customer_not_found');
    await shop.refused('GET', '/admin/customers/ord_123', undefined, 400, 'invalid_request', 'params.id');
  });
});

describe('a customer’s detail', () => {
  test('shows their orders and lifetime value per currency (guest orders with their email only once claimed)', async () => {
    const c = await signUp(shop);
    const o1 = await placeOrder(shop, { token: c.token, email: c.email, variantId: usdVariant, quantity: 2 });
    const o2 = await placeOrder(shop, { token: c.token, email: c.email, variantId: usdVariant });
    const o3 = await placeOrder(shop, { token: c.token, email: c.email, variantId: eurVariant, currency: 'EUR', address: { first_name: 'E', last_name: 'N', address_1: 'Hauptstr. 1', city: 'Berlin', postal_code: '10115', country_code: 'DE' } });
    await placeOrder(shop, { token: null, email: c.email, variantId: usdVariant });

    const detail = await shop.ok('GET', `/admin/customers/${c.id}`);
    expect(detail).toMatchObject({ id: c.id, email: c.email, first_name: 'Grace', last_name: 'Hopper' });
    expect(detail.orders.map((o: any) => [o.id, o.currency_code, o.total])).toEqual([[o3.id, 'EUR', o3.total], [o2.id, 'USD', o2.total], [o1.id, 'USD', o1.total]]);
    expect(detail.lifetime_value).toEqual([
      { currency_code: 'EUR', orders: 1, total: o3.total },
      { currency_code: 'USD', orders: 2, total: o1.total + o2.total },
    ]);
    expect(o1.total).toBe(2 * 1000 + 500 + 250); // two units, flat shipping, 10 % tax on both
  });
});

describe('editing a customer', () => {
  test('profile fields and groups; group_ids replaces the groups', async () => {
    const c = await signUp(shop);
    const vip = await shop.ok('POST', '/admin/customer-groups', { name: 'VIP' }, 201);
    const wholesale = await shop.ok('POST', '/admin/customer-groups', { name: 'Wholesale' }, 201);
    expect(vip).toEqual({ id: expect.stringMatching(/^cgrp_/), name: 'VIP', member_count: 0, created_at: expect.any(String) });

    const edited = await shop.ok('POST', `/admin/customers/${c.id}`, { last_name: 'Hopper-Murray', phone: '+1 555 0101', group_ids: [vip.id, wholesale.id] });
    expect(edited).toMatchObject({ id: c.id, first_name: 'Grace', last_name: 'Hopper-Murray', phone: '+1 555 0101', group_ids: [vip.id, wholesale.id].sort() });
    expect((await shop.ok('GET', `/admin/customers?group_id=${vip.id}`)).data.map((x: any) => x.id)).toEqual([c.id]);
    const groups = await shop.ok('GET', '/admin/customer-groups');
    expect(groups.data.map((g: any) => [g.name, g.member_count])).toEqual([['VIP', 1], ['Wholesale', 1]]);

    const replaced = await shop.ok('POST', `/admin/customers/${c.id}`, { group_ids: [wholesale.id] });
    expect(replaced.group_ids).toEqual([wholesale.id]);
    expect((await shop.ok('GET', `/admin/customers?group_id=${vip.id}`)).data).toEqual([]);
    // The customer sees the change too.
    expect((await shop.get('/store/customers/me', { token: c.token })).body).toMatchObject({ last_name: 'Hopper-Murray', group_ids: [wholesale.id] });

    await shop.refused('POST', '/admin/customer-groups', { name: 'VIP' }, 409, 'customer_group_name_taken');
  });

  test('an unknown group is refused and nothing changes', async () => {
    const c = await signUp(shop, { first_name: 'Unchanged' });
    const error = await shop.refused('POST', `/admin/customers/${c.id}`, { first_name: 'Changed', group_ids: ['cgrp_00000000000000000000000000'] }, 404, 'customer_group_not_found', 'body.group_ids');
    expect(error.details.ids).toEqual(['cgrp_00000000000000000000000000']);
    expect((await shop.ok('GET', `/admin/customers/${c.id}`)).first_name).toBe('Unchanged');
    await shop.refused('POST', `/admin/customers/${c.id}`, {}, 400, 'invalid_request', 'body');
    await shop.refused('POST', `/admin/customers/${c.id}`, { email: 'x@customers.test' }, 400, 'invalid_request', 'body.email');
    await shop.refused('POST', '/admin/customers/cus_00000000000000000000000000', { first_name: 'X' }, 404, 'customer_not_found');
  });

  test('deleting a group: its members stay customers, in no group; the group is gone (404 after)', async () => {
    const [a, b] = [await signUp(shop), await signUp(shop)];
    const doomed = await shop.ok('POST', '/admin/customer-groups', { name: 'Doomed' }, 201);
    const kept = await shop.ok('POST', '/admin/customer-groups', { name: 'Kept' }, 201);
    await shop.ok('POST', `/admin/customers/${a.id}`, { group_ids: [doomed.id, kept.id] });
    await shop.ok('POST', `/admin/customers/${b.id}`, { group_ids: [doomed.id] });
    const before = { a: await shop.ok('GET', `/admin/customers/${a.id}`), b: await shop.ok('GET', `/admin/customers/${b.id}`) };

    expect(await shop.ok('DELETE', `/admin/customer-groups/${doomed.id}`, undefined, 204)).toBe('');
    const groups = (await shop.ok('GET', '/admin/customer-groups')).data;
    expect(groups.find((g: any) => g.id === doomed.id)).toBeUndefined();
    expect(groups.find((g: any) => g.id === kept.id)).toMatchObject({ name: 'Kept', member_count: 1 });
    // Everything else about the members is as it was.
    expect(await shop.ok('GET', `/admin/customers/${a.id}`)).toEqual({ ...before.a, group_ids: [kept.id] });
    expect(await shop.ok('GET', `/admin/customers/${b.id}`)).toEqual({ ...before.b, group_ids: [] });
    expect((await shop.get('/store/customers/me', { token: b.token })).body.group_ids).toEqual([]);
    const events = await shop.db.selectFrom('event_outbox').select('payload').where('type', '=', 'customer_group.deleted').where('resource_id', '=', doomed.id).execute();
    expect(events.map((e) => e.payload)).toEqual([{ id: doomed.id }]);

    await shop.refused('DELETE', `/admin/customer-groups/${doomed.id}`, undefined, 404, 'customer_group_not_found');
    await shop.refused('DELETE', '/admin/customer-groups/cgrp_0NOTHERE', undefined, 404, 'customer_group_not_found');
    await shop.refused('DELETE', '/admin/customer-groups/nope', undefined, 400, 'invalid_request', 'params.id');
    await shop.refused('POST', `/admin/customers/${a.id}`, { group_ids: [doomed.id] }, 404, 'customer_group_not_found', 'body.group_ids');
  });
});

describe('anonymizing a customer', () => {
  test('wipes personal fields, keeps the orders with their totals; the account can no longer sign in', async () => {
    const c = await signUp(shop, { first_name: 'Erase', last_name: 'Me', phone: '+1 555 0102' });
    const second = (await logIn(shop, c.email, c.password)).body.token;
    const group = await shop.ok('POST', '/admin/customer-groups', { name: 'Erased group' }, 201);
    await shop.ok('POST', `/admin/customers/${c.id}`, { group_ids: [group.id], metadata: { note: 'likes red' } });
    await shop.post('/store/customers/me/addresses', { address: { first_name: 'E', last_name: 'M', address_1: '1 Gone St', city: 'Nowhere', postal_code: '11111', country_code: 'US' } }, { token: c.token });
    const order = await placeOrder(shop, { token: c.token, email: c.email, variantId: usdVariant });

    const res = await shop.request('POST', `/admin/customers/${c.id}/anonymize`);
    expect(res.status, res.text).toBe(204);

    const detail = await shop.ok('GET', `/admin/customers/${c.id}`);
    expect(detail).toMatchObject({ id: c.id, email: '', first_name: null, last_name: null, phone: null, group_ids: [], metadata: {} });
    expect(detail.orders.map((o: any) => [o.id, o.total])).toEqual([[order.id, order.total]]);
    expect(detail.lifetime_value).toEqual([{ currency_code: 'USD', orders: 1, total: order.total }]);
    expect(await shop.db.selectFrom('orders').select(['customer_id', 'total']).where('id', '=', order.id).executeTakeFirst()).toEqual({ customer_id: c.id, total: order.total });

    const row = await shop.db.selectFrom('customer').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ first_name: null, last_name: null, phone: null, password_hash: null });
    expect(row.anonymized_at).not.toBeNull();
    expect(await shop.db.selectFrom('customer_address').select('id').where('customer_id', '=', c.id).execute()).toEqual([]);
    expect(await shop.db.selectFrom('customer_token').select('id').where('customer_id', '=', c.id).execute()).toEqual([]);

    // Not in the list, not found by email, can't sign in, sessions ended.
    expect((await shop.ok('GET', '/admin/customers')).data.map((x: any) => x.id)).not.toContain(c.id);
    expect((await shop.ok('GET', `/admin/customers?email=${encodeURIComponent(c.email)}`)).data).toEqual([]);
    const login = await logIn(shop, c.email, c.password);
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('invalid_credentials');
    for (const token of [c.token, second]) expect((await shop.get('/store/customers/me', { token })).status).toBe(401);
    // A reset mails nothing.
    await shop.post('/store/auth/password-reset', { email: c.email });
    const mails = await shop.db.selectFrom('email_message').select('id').where('reference_id', '=', c.id).where('template', '=', 'password_reset').execute();
    expect(mails).toEqual([]);

    await shop.refused('POST', `/admin/customers/${c.id}/anonymize`, undefined, 404, 'customer_not_found');
    await shop.refused('POST', `/admin/customers/${c.id}`, { first_name: 'Back' }, 404, 'customer_not_found');
    // The email is free for a new account.
    const again = await shop.post('/store/customers', { email: c.email, password: 'a fresh start 99', first_name: 'New', last_name: 'Person' });
    expect(again.status).toBe(201);
    expect(again.body.customer.id).not.toBe(c.id);
  });

  test('needs customers:write', async () => {
    const c = await signUp(shop, { email: uniqueEmail('perm') });
    await shop.post('/admin/users', { email: 'reader@staff.test', password: 'reader password 1', role: 'read_only' });
    const token = (await shop.post('/admin/auth/login', { email: 'reader@staff.test', password: 'reader password 1' }, { token: null })).body.token;
    const res = await shop.post(`/admin/customers/${c.id}/anonymize`, undefined, { token });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'customers:write' } });
    expect((await shop.get('/store/customers/me', { token: c.token })).status).toBe(200);
  });
});
