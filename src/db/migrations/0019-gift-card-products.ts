/**
 * Refunds paid as store credit (docs/gift-cards.md): the store credit account a refund credited
 * instead of the order's payments. Released: never edit, add a new migration.
 */
export const statements = [
  `alter table order_refund add column store_credit_id text references gift_card (id)`,
];
