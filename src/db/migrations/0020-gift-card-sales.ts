/**
 * Gift cards sold as products (docs/gift-cards.md, "Selling gift cards"): a product flagged as a gift
 * card, and on each card issued for a sold unit the order line and the unit it was issued for, unique,
 * so a unit never gets two cards whatever the retries. Released: never edit, add a new migration.
 */
export const statements = [
  `alter table product add column gift_card boolean not null default false`,
  `alter table gift_card add column order_line_item_id text references order_line_item (id)`,
  `alter table gift_card add column order_unit integer`,
  `alter table gift_card add constraint gift_card_order_unit_check check ((order_line_item_id is null) = (order_unit is null) and (order_unit is null or order_unit >= 1))`,
  `create unique index gift_card_order_unit_key on gift_card (order_line_item_id, order_unit) where order_line_item_id is not null`,
];
