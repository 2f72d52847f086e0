/**
 * Landed costs (docs/purchasing.md): what a receipt's freight, duty and the like added to each of its
 * lots, in minor units of the lot's currency, spread over the lot's units when costing what they sold.
 * Released: never edit, add a new migration.
 */
export const statements = [
  `alter table lot add column landed_cost bigint not null default 0 check (landed_cost >= 0)`,
];
