import { Link } from '@tanstack/react-router';
import { formatDateTime, formatMoney, humanize } from '../lib/format.ts';
import { signedMoney, type BalanceMovement } from '../lib/gift-cards.ts';

/** A balance's movement log (gift card or store credit), newest first, as the API gives it. */
export function MovementLog({ caption, movements, currency }: { caption: string; movements: BalanceMovement[]; currency: (m: BalanceMovement) => string }) {
  if (movements.length === 0) return <p className="text-[var(--muted)]">No movements yet.</p>;
  return (
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Movement</th><th scope="col" className="text-right">Change</th><th scope="col" className="text-right">Before → after</th><th scope="col">Reason</th><th scope="col" className="max-md:hidden">By</th></tr></thead>
        <tbody>{movements.map((m) => (
          <tr key={m.id}>
            <td className="whitespace-nowrap">{formatDateTime(m.created_at)}</td>
            <td>{humanize(m.kind)}</td>
            <td className="text-right tabular-nums">{signedMoney(m.amount, currency(m))}</td>
            <td className="text-right whitespace-nowrap tabular-nums">{formatMoney(m.balance_before, currency(m))} → {formatMoney(m.balance_after, currency(m))}</td>
            <td>{m.reason ?? (m.order_id ? <Link to="/orders/$id" params={{ id: m.order_id }} className="row-link">Order</Link> : '—')}</td>
            <td className="text-xs break-all max-md:hidden">{m.actor}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}
