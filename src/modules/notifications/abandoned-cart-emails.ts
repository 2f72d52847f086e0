import { cartLink, type StorefrontPages } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { loadCartState } from '../cart/cart-query.ts';
import { findAbandonedCarts } from '../cart/abandoned-carts.ts';
import { queueEmail } from './email-queue.ts';
import { formatMoney } from '../../money/currency.ts';
import { renderEmail } from './templates.ts';

const TEMPLATE = 'abandoned_cart';
const HOUR = 3_600_000;
/** Carts idle longer than this past the threshold get no reminder: too late to be welcome. */
const LOOKBACK_HOURS = 7 * 24;
const PAGE = 200;

export interface AbandonedCartEmailDeps {
  db: Db;
  /** ABANDONED_CART_EMAIL_HOURS: 0 sends nothing (the shop has not opted in). */
  idleHours: number;
  templatesDir: string | null;
  storefront: StorefrontPages;
}

/**
 * The abandoned_cart reminder (opt-in, the `email_abandoned_carts` job): one email per cart left with
 * items and an email for `idleHours`, never again for the same cart. Returns how many were queued.
 */
export async function emailAbandonedCarts(deps: AbandonedCartEmailDeps, now = new Date()): Promise<number> {
  if (deps.idleHours === 0) return 0;
  const to = new Date(now.getTime() - deps.idleHours * HOUR);
  const window = { from: new Date(to.getTime() - LOOKBACK_HOURS * HOUR), to };
  let after: [Date, string] | null = null;
  let queued = 0;
  for (;;) {
    const page = await findAbandonedCarts(deps.db, window, after, PAGE);
    const reminded = page.length === 0 ? new Set<string>() : new Set((await deps.db.selectFrom('email_message').select('reference_id')
      .where('template', '=', TEMPLATE).where('reference_id', 'in', page.map((c) => c.id)).execute()).map((e) => e.reference_id));
    for (const cart of page) if (!reminded.has(cart.id) && (await remind(deps, cart.id))) queued++;
    if (page.length < PAGE) return queued;
    const last = page[page.length - 1];
    after = [last.updated_at, last.id];
  }
}

async function remind(deps: AbandonedCartEmailDeps, cartId: string): Promise<boolean> {
  // One process runs the job at a time (the scheduler's lease), so the page's check above holds.
  return inTransaction(deps.db, async (tx) => {
    const cart = await loadCartState(tx, cartId, 'system');
    if (!cart.email) return false;
    const money = (amount: number) => formatMoney(amount, cart.currency_code);
    const email = renderEmail(TEMPLATE, {
      items: cart.lines.map((line, i) => ({ title: line.title, variant_title: line.variant_title, quantity: line.quantity, total_formatted: money(cart.totals.lines[i].subtotal - cart.totals.lines[i].discount_total) })),
      subtotal_formatted: money(cart.totals.subtotal),
      link: cartLink(deps.storefront, cart.id),
    }, deps.templatesDir);
    await queueEmail(tx, { to: cart.email, template: TEMPLATE, subject: email.subject, text: email.text, html: email.html, reference_type: 'cart', reference_id: cart.id });
    return true;
  });
}
