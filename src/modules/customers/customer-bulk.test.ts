import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp } from '../../../test/helpers/customers.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

/**
 * `POST /admin/customers/bulk`: every customer a list filter matches added to a group or taken out,
 * all or none, refused when the count moved since the caller counted, idempotent with a key.
 */

let shop: TestShop;
let vip: string;
let wholesale: string;
const customers: string[] = [];

/** Each customer's groups, by id: what a refused request must leave as it was. */
async function groupsOf(): Promise<Record<string, string[]>> {
  const page = await shop.ok('GET', '/admin/customers?limit=100');
  return Object.fromEntries(page.data.map((c: any) => [c.id, c.group_ids]));
}

const bulk = (body: unknown, headers?: Record<string, string>) => shop.request('POST', '/admin/customers/bulk', { body, headers });

beforeAll(async () => {
  shop = await startTestShop();
  vip = (await shop.ok('POST', '/admin/customer-groups', { name: 'VIP' }, 201)).id;
  wholesale = (await shop.ok('POST', '/admin/customer-groups', { name: 'Wholesale' }, 201)).id;
  for (let i = 0; i < 4; i++) customers.push((await signUp(shop)).id);
  // The first three are VIPs; the first is already wholesale too.
  for (const [i, id] of customers.slice(0, 3).entries()) {
    await shop.ok('POST', `/admin/customers/${id}`, { group_ids: i === 0 ? [vip, wholesale] : [vip] });
  }
});
afterAll(async () => shop?.close());

describe('group changes for everyone a filter matches', () => {
  test('every VIP added to Wholesale: the one already in it unchanged, the customer outside VIP untouched', async () => {
    const dry = await bulk({ filter: { group_id: vip }, action: 'add_to_group', group_id: wholesale, dry_run: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toEqual({ action: 'add_to_group', matched: 3, changed: 2, unchanged: 1, changed_ids: [customers[1], customers[2]].sort(), dry_run: true });
    expect(Object.values(await groupsOf()).filter((g) => g.includes(wholesale))).toHaveLength(1);

    const response = await bulk({ filter: { group_id: vip }, action: 'add_to_group', group_id: wholesale, expected_count: 3 });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ matched: 3, changed: 2, unchanged: 1 });
    const after = await groupsOf();
    expect(after[customers[0]]).toEqual([vip, wholesale].sort());
    expect(after[customers[1]]).toEqual([vip, wholesale].sort());
    expect(after[customers[2]]).toEqual([vip, wholesale].sort());
    expect(after[customers[3]]).toEqual([]);
    const events = await shop.db.selectFrom('event_outbox').select(['type', 'payload']).where('resource_id', '=', customers[1]).where('type', '=', 'customer.groups_changed').orderBy('seq').execute();
    expect(events.at(-1)).toEqual({ type: 'customer.groups_changed', payload: { id: customers[1], group_ids: [vip, wholesale].sort() } });
  });

  test('remove_from_group by exact email takes out that one customer', async () => {
    const detail = await shop.ok('GET', `/admin/customers/${customers[2]}`);
    const response = await bulk({ filter: { email: detail.email.toUpperCase() }, action: 'remove_from_group', group_id: vip, expected_count: 1 });
    expect(response.body).toMatchObject({ matched: 1, changed: 1, changed_ids: [customers[2]] });
    expect((await groupsOf())[customers[2]]).toEqual([wholesale]);
  });

  test('a customer who joins the filtered group after the count refuses the whole action', async () => {
    const counted = await bulk({ filter: { group_id: wholesale }, action: 'remove_from_group', group_id: vip, dry_run: true });
    expect(counted.body).toMatchObject({ matched: 3 });
    await shop.ok('POST', `/admin/customers/${customers[3]}`, { group_ids: [wholesale, vip] });
    const before = await groupsOf();
    const response = await bulk({ filter: { group_id: wholesale }, action: 'remove_from_group', group_id: vip, expected_count: 3 });
    expect(response.status, response.text).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'bulk_count_changed', details: { field: 'body.expected_count', expected_count: 3, matched: 4 } });
    expect(await groupsOf()).toEqual(before);
  });

  test('an Idempotency-Key replays the first answer; another body with it is refused', async () => {
    const headers = { 'idempotency-key': 'customers-out-of-vip' };
    const body = { filter: { group_id: wholesale }, action: 'remove_from_group', group_id: vip, expected_count: 4 };
    const first = await bulk(body, headers);
    expect(first.body).toMatchObject({ matched: 4, changed: 3, unchanged: 1 });
    const after = await groupsOf();
    expect(Object.values(after).filter((g) => g.includes(vip))).toEqual([]);
    const retry = await bulk(body, headers);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const other = await bulk({ ...body, action: 'add_to_group' }, headers);
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('idempotency_key_mismatch');
    expect(await groupsOf()).toEqual(after);
  });

  test.each([
    ['an unknown action', { filter: {}, action: 'delete', group_id: 'cgrp_x' }, 400, 'invalid_request', 'body.action'],
    ['an unknown filter field', { filter: { name: 'Grace' }, action: 'add_to_group', group_id: 'cgrp_x' }, 400, 'invalid_request', 'body.filter.name'],
    ['no group', { filter: {}, action: 'add_to_group' }, 400, 'invalid_request', 'body.group_id'],
    ['an unknown group', { filter: {}, action: 'add_to_group', group_id: 'cgrp_nope' }, 404, 'customer_group_not_found', 'body.group_id'],
  ])('%s is refused naming the field, nothing changed', async (_name, body, status, code, field) => {
    const before = await groupsOf();
    await shop.refused('POST', '/admin/customers/bulk', body, status, code, field);
    expect(await groupsOf()).toEqual(before);
  });
});
