import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp } from '../../../test/helpers/customers.ts';
import { ADDRESS_DE, ADDRESS_US } from '../../../test/helpers/selling.ts';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';

let shop: TestShop;
beforeAll(async () => {
  shop = await startTestShop();
});
afterAll(async () => shop?.close());

const HOME = { ...ADDRESS_US, address_2: 'Apt 4', phone: '+1 555 0199' };
const WORK = { ...ADDRESS_US, address_1: '500 Market St', city: 'Shelbyville', company: 'Initech' };

const list = async (token: string) => {
  const res = await shop.get('/store/customers/me/addresses', { token });
  expect(res.status, res.text).toBe(200);
  return res.body.data as any[];
};
const add = async (token: string, body: unknown) => {
  const res = await shop.post('/store/customers/me/addresses', body, { token });
  expect(res.status, res.text).toBe(201);
  return res.body;
};
const defaults = (entries: any[]) => entries.map((e) => [e.address.address_1, e.is_default_shipping, e.is_default_billing]);

describe('the address book', () => {
  test('add, list, change and remove addresses', async () => {
    const { token } = await signUp(shop);
    expect(await list(token)).toEqual([]);
    const home = await add(token, { address: HOME, is_default_shipping: true });
    expect(home).toEqual({ id: expect.stringMatching(/^caddr_/), address: HOME, is_default_shipping: true, is_default_billing: false, created_at: expect.any(String) });
    const work = await add(token, { address: WORK });
    expect(work).toMatchObject({ address: WORK, is_default_shipping: false, is_default_billing: false });
    expect((await list(token)).map((e) => e.id)).toEqual([home.id, work.id]);

    const moved = await shop.request('PATCH', `/store/customers/me/addresses/${work.id}`, { token, body: { address: ADDRESS_DE } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toEqual({ ...work, address: ADDRESS_DE });

    const removed = await shop.request('DELETE', `/store/customers/me/addresses/${home.id}`, { token });
    expect(removed.status).toBe(204);
    expect(await list(token)).toEqual([{ ...work, address: ADDRESS_DE }]);
    const gone = await shop.request('DELETE', `/store/customers/me/addresses/${home.id}`, { token });
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'address_not_found', details: { id: home.id } });
    expect((await shop.request('PATCH', `/store/customers/me/addresses/${home.id}`, { token, body: { is_default_billing: true } })).status).toBe(404);
  });

  test('one default for shipping and one for billing: setting a new default moves it', async () => {
    const { token } = await signUp(shop);
    const a = await add(token, { address: HOME, is_default_shipping: true, is_default_billing: true });
    const b = await add(token, { address: WORK, is_default_shipping: true });
    expect(defaults(await list(token))).toEqual([[HOME.address_1, false, true], [WORK.address_1, true, false]]);

    const c = await add(token, { address: ADDRESS_DE, is_default_billing: true });
    expect(defaults(await list(token))).toEqual([[HOME.address_1, false, false], [WORK.address_1, true, false], [ADDRESS_DE.address_1, false, true]]);

    await shop.request('PATCH', `/store/customers/me/addresses/${a.id}`, { token, body: { is_default_shipping: true, is_default_billing: true } });
    expect(defaults(await list(token))).toEqual([[HOME.address_1, true, true], [WORK.address_1, false, false], [ADDRESS_DE.address_1, false, false]]);

    // Unsetting leaves no default; it does not pick another.
    await shop.request('PATCH', `/store/customers/me/addresses/${a.id}`, { token, body: { is_default_billing: false } });
    expect(defaults(await list(token))).toEqual([[HOME.address_1, true, false], [WORK.address_1, false, false], [ADDRESS_DE.address_1, false, false]]);
    expect([b.id, c.id]).toHaveLength(2);

    const rows = await shop.db.selectFrom('customer_address').select(['is_default_shipping', 'is_default_billing']).where('id', 'in', [a.id, b.id, c.id]).execute();
    expect(rows.filter((r) => r.is_default_shipping)).toHaveLength(1);
    expect(rows.filter((r) => r.is_default_billing)).toHaveLength(0);
  });

  test('one customer’s defaults do not touch another’s', async () => {
    const one = await signUp(shop);
    const two = await signUp(shop);
    await add(one.token, { address: HOME, is_default_shipping: true });
    await add(two.token, { address: WORK, is_default_shipping: true });
    expect(defaults(await list(one.token))).toEqual([[HOME.address_1, true, false]]);
    expect(defaults(await list(two.token))).toEqual([[WORK.address_1, true, false]]);
  });

  test('bad input is a 400 naming the field, and changes nothing', async () => {
    const { token } = await signUp(shop);
    const kept = await add(token, { address: HOME, is_default_shipping: true });
    const cases: [string, string, unknown, string][] = [
      ['POST', '/store/customers/me/addresses', { address: { ...HOME, country_code: 'usa' } }, 'body.address.country_code'],
      ['POST', '/store/customers/me/addresses', { address: { ...HOME, city: undefined } }, 'body.address.city'],
      ['POST', '/store/customers/me/addresses', { address: { ...HOME, phone: 'ring ring' } }, 'body.address.phone'],
      ['POST', '/store/customers/me/addresses', { address: { ...HOME, extra: 1 } }, 'body.address.extra'],
      ['POST', '/store/customers/me/addresses', { address: HOME, is_default_shipping: 'yes' }, 'body.is_default_shipping'],
      ['POST', '/store/customers/me/addresses', { address: HOME, customer_id: 'cus_other' }, 'body.customer_id'],
      ['PATCH', `/store/customers/me/addresses/${kept.id}`, {}, 'body'],
      ['PATCH', `/store/customers/me/addresses/${kept.id}`, { address: { ...HOME, address_1: '' } }, 'body.address.address_1'],
      ['PATCH', '/store/customers/me/addresses/not-an-id', { is_default_billing: true }, 'params.address_id'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await shop.request(method, url, { token, body });
      expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', details: { field } });
    }
    expect(await list(token)).toEqual([kept]);
  });

  test('addresses are stored encrypted', async () => {
    const { token, id } = await signUp(shop);
    await add(token, { address: { ...HOME, address_1: '742 Evergreen Terrace' } });
    const rows = await shop.db.selectFrom('customer_address').select('address').where('customer_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].address).toMatch(/^enc:v1:test:/);
    expect(rows[0].address).not.toContain('Evergreen');
  });
});
