import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

/**
 * A lot's public journey, for a storefront's "where this came from": the product, the supplier's name,
 * when it was received and when it expires, and how many units went out to customers. Only for
 * products whose lot settings make provenance public; any other lot answers 404 lot_not_found, as
 * one that does not exist (never revealing which lots exist). No customer, order, cost or purchase
 * order appears.
 *
 * `proof` is the seam for the hash-chained ledger: it stays null until the ledger can prove these facts.
 */
export async function getProvenance(db: Db, lotId: string) {
  const { rows } = await sql<{
    lot_id: string; lot_number: string; product_id: string; product_title: string; variant_title: string; supplier_name: string | null;
    received_at: Date; expires_at: Date | null; quantity_received: number; quantity_shipped: number; quantity_on_hand: number;
  }>`
    select l.id as lot_id, l.lot_number, v.product_id, p.title as product_title, v.title as variant_title, s.name as supplier_name,
      l.received_at, l.expires_at, l.quantity_received,
      coalesce((select sum(o.quantity - o.returned_quantity) from order_line_lot o where o.lot_id = l.id), 0)::int as quantity_shipped,
      coalesce((select sum(ls.quantity) from lot_stock ls where ls.lot_id = l.id), 0)::int as quantity_on_hand
    from lot l
    join product_variant v on v.id = l.variant_id
    join product p on p.id = v.product_id and p.status = 'published'
    join product_lot_setting ps on ps.product_id = p.id and ps.public_provenance
    left join supplier s on s.id = l.supplier_id
    where l.id = ${lotId}`.execute(db);
  const row = rows[0];
  if (!row) throw new AppError('lot_not_found', { id: lotId });
  const { supplier_name: supplierName, ...facts } = row;
  return { ...facts, supplier: supplierName === null ? null : { name: supplierName }, proof: null };
}
