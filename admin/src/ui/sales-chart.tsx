import { dayKey, formatMoney } from '../lib/format.ts';

/** The last `count` days up to today in the shop's time zone, oldest first. */
function lastDays(count: number): string[] {
  return Array.from({ length: count }, (_, i) => dayKey(Date.now() - (count - 1 - i) * 86_400_000));
}

/**
 * One bar per period (a day by default, the last 30; periods without sales at 0), drawn as SVG:
 * recharts, tried first, weighed 104 KB gzipped on its own, over the 100 KB budget of a page. Screen
 * readers get the same figures as a table.
 */
export default function SalesChart({ days, currency, periods = lastDays(30), unit = 'day', label = 'Sales', table = true }: {
  days: { date: string; total: number; orders: number }[];
  currency: string;
  /** Each bar's period, named by its first day, in order. */
  periods?: string[];
  unit?: 'day' | 'week' | 'month';
  label?: string;
  /** False where the page shows the figures in a table of its own. */
  table?: boolean;
}) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const data = periods.map((date) => ({ date, total: byDate.get(date)?.total ?? 0, orders: byDate.get(date)?.orders ?? 0 }));
  const max = Math.max(1, ...data.map((d) => d.total));
  const width = 600;
  const height = 200;
  const left = 4;
  const bar = (width - left) / Math.max(1, data.length);
  return (
    <>
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="h-56 w-full" aria-hidden preserveAspectRatio="none">
        {[0.25, 0.5, 0.75, 1].map((f) => <line key={f} x1={0} x2={width} y1={height - f * height} y2={height - f * height} stroke="#e5e7eb" />)}
        {data.map((d, i) => {
          const h = (Math.max(0, d.total) / max) * height;
          return (
            <rect key={d.date} x={left + i * bar + Math.min(2, bar / 4)} y={height - h} width={Math.max(1, bar - Math.min(4, bar / 2))} height={h} rx={2} fill="#1f4fd1">
              <title>{`${d.date}: ${formatMoney(d.total, currency)}, ${d.orders} orders`}</title>
            </rect>
          );
        })}
        <line x1={0} x2={width} y1={height} y2={height} stroke="#8a93a3" />
      </svg>
      <div className="flex justify-between text-xs text-[var(--muted)]" aria-hidden>
        <span>{data[0]?.date}</span><span>Highest {unit} {formatMoney(max === 1 ? 0 : max, currency)}</span><span>{data[data.length - 1]?.date}</span>
      </div>
      {table && <table className="sr-only">
        <caption>{label} per {unit} in {currency}</caption>
        <thead><tr><th scope="col">{unit === 'day' ? 'Day' : `${unit === 'week' ? 'Week' : 'Month'} from`}</th><th scope="col">Orders</th><th scope="col">{label}</th></tr></thead>
        <tbody>{data.filter((d) => d.orders || d.total).map((d) => <tr key={d.date}><td>{d.date}</td><td>{d.orders}</td><td>{formatMoney(d.total, currency)}</td></tr>)}</tbody>
      </table>}
    </>
  );
}
