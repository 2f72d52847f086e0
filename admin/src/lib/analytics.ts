/**
 * The analytics page's arithmetic on the reports' periods (docs/insights.md): which periods a range
 * holds, and the range's totals as sums of its periods (the reports say that is what they are).
 */
export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITIES: Granularity[] = ['day', 'week', 'month'];

const DAY_MS = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The first day of every day, ISO week (Monday) or month from `from` to `to` (YYYY-MM-DD, both included), as the reports name them. */
export function periodStarts(from: string, to: string, granularity: Granularity): string[] {
  const end = Date.parse(`${to}T00:00:00Z`);
  let at = Date.parse(`${from}T00:00:00Z`);
  if (Number.isNaN(at) || Number.isNaN(end)) return [];
  if (granularity === 'week') at -= ((new Date(at).getUTCDay() + 6) % 7) * DAY_MS;
  if (granularity === 'month') at = Date.UTC(new Date(at).getUTCFullYear(), new Date(at).getUTCMonth(), 1);
  const starts: string[] = [];
  while (at <= end) {
    starts.push(iso(at));
    if (granularity === 'month') {
      const d = new Date(at);
      at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    } else {
      at += (granularity === 'week' ? 7 : 1) * DAY_MS;
    }
  }
  return starts;
}

export interface SalesRow {
  orders: number; gross_sales: number; discounts: number; refunds: number; net_sales: number;
  shipping: number; tax: number; total_sales: number; average_order_value: number;
}

/**
 * A currency's periods added up. The average order value of the whole range is Σ order totals /
 * orders, rounded half up, as each period's is: a period's order totals are its total_sales plus its
 * refunds (total_sales = Σ order totals − refunds).
 */
export function salesTotals(rows: SalesRow[]): SalesRow {
  const sum = (key: keyof SalesRow) => rows.reduce((total, row) => total + row[key], 0);
  const orders = sum('orders');
  const orderTotals = sum('total_sales') + sum('refunds');
  return {
    orders, gross_sales: sum('gross_sales'), discounts: sum('discounts'), refunds: sum('refunds'), net_sales: sum('net_sales'),
    shipping: sum('shipping'), tax: sum('tax'), total_sales: sum('total_sales'),
    average_order_value: orders ? Math.floor(orderTotals / orders + 0.5) : 0,
  };
}

export function formatRate(rate: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}
