import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { receiveStockInBulk } from '../modules/inventory/bulk-receive.ts';
import { createLocation } from '../modules/inventory/locations.ts';
import { createRegion } from '../modules/regions/regions.ts';
import { createShippingOption } from '../modules/shipping/shipping-options.ts';
import { createTaxRate } from '../modules/tax/tax-rates.ts';

/**
 * What the demo shop sells with: two regions (the US in USD with tax added on top; the EU in EUR with
 * VAT included, per-country rates and a reduced class), a warehouse on each side, shipping options of
 * each kind, and stock for the demo products. Skipped when the shop already has a region.
 */
export async function seedDemoSelling(db: Db, opts: { stockProducts: number }): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    if (await tx.selectFrom('region').select('id').executeTakeFirst()) return false;
    const us = await createRegion(tx, { name: 'United States', currency_code: 'USD', tax_inclusive: false, default_tax_rate: 8.875, countries: ['US'] });
    const eu = await createRegion(tx, {
      name: 'European Union', currency_code: 'EUR', tax_inclusive: true, default_tax_rate: 20,
      countries: ['AT', 'BE', 'DE', 'ES', 'FR', 'IE', 'IT', 'NL', 'PT'],
    });
    for (const [country, rate] of [['DE', 19], ['NL', 21], ['ES', 21], ['IT', 22], ['IE', 23], ['PT', 23], ['BE', 21]] as const) {
      await createTaxRate(tx, eu.id, { name: `${country} VAT`, country_code: country, rate });
    }
    await createTaxRate(tx, eu.id, { name: 'DE reduced VAT', country_code: 'DE', tax_class: 'reduced', rate: 7 });
    await createTaxRate(tx, eu.id, { name: 'Reduced VAT', tax_class: 'reduced', rate: 10 });

    const usWarehouse = await createLocation(tx, { name: 'Main Warehouse (Newark)', code: 'us-main', priority: 10 });
    const euWarehouse = await createLocation(tx, { name: 'EU Fulfilment Centre (Rotterdam)', code: 'eu-main', priority: 5 });

    await createShippingOption(tx, { region_id: us.id, name: 'Standard (3–5 days)', price_type: 'flat', amount: 599, free_over_amount: 7500, position: 0 });
    await createShippingOption(tx, {
      region_id: us.id, name: 'Express (1–2 days)', price_type: 'weight', position: 1,
      weight_bands: [{ up_to_grams: 1000, amount: 1499 }, { up_to_grams: 5000, amount: 2499 }, { up_to_grams: 20000, amount: 3999 }],
    });
    await createShippingOption(tx, { region_id: eu.id, name: 'Standard (2–4 days)', price_type: 'flat', amount: 490, free_over_amount: 6000, position: 0 });
    await createShippingOption(tx, { region_id: eu.id, name: 'Express (next day)', price_type: 'flat', amount: 1290, position: 1 });

    // Deterministic stock: most variants in both warehouses, every 7th out of stock in the US.
    const variants = await sql<{ id: string; n: number }>`
      select v.id, row_number() over (order by p.created_at, p.id, v.position)::int as n
      from product_variant v join product p on p.id = v.product_id
      where p.id in (select id from product order by created_at, id limit ${opts.stockProducts})`.execute(tx);
    await receiveStockInBulk(tx, variants.rows.flatMap((v) => [
      ...(v.n % 7 === 0 ? [] : [{ variant_id: v.id, location_id: usWarehouse.id, quantity: 5 + ((v.n * 37) % 60) }]),
      { variant_id: v.id, location_id: euWarehouse.id, quantity: 3 + ((v.n * 11) % 25) },
    ]), 'seed');
    return true;
  });
}
