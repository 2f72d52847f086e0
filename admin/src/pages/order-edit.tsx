import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { formatMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { balanceInWords, useOrder, useOrderChanged } from '../lib/orders.ts';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';
import { Card, Page } from '../ui/page.tsx';
import { LinePicker, pickedLinesBody, type PickedLine } from '../ui/line-picker.tsx';

/**
 * Change the unfulfilled part of an order: quantities (0 removes a line), lines added by search, at the
 * catalogue price or a custom one with a reason. Review computes the edit without writing (dry run)
 * and shows the new total and balance; only Confirm changes the order.
 */
export default function OrderEditPage() {
  const { id } = useParams({ from: '/signed-in/orders/$id/edit' });
  const order = useOrder(id);
  const navigate = useNavigate();
  const toast = useToast();
  const changed = useOrderChanged(id);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<PickedLine[]>([]);
  const [note, setNote] = useState('');
  const [key] = useState(idempotencyKey);
  const o = order.data;
  const currency = o?.currency_code ?? 'USD';
  const lines = o?.items.filter((l) => l.quantity > 0) ?? [];
  const body = (dryRun: boolean) => ({
    items: lines.filter((l) => quantities[l.id] !== undefined && Number(quantities[l.id]) !== l.quantity).map((l) => ({ line_item_id: l.id, quantity: Number(quantities[l.id]) })),
    add: pickedLinesBody(added, currency),
    ...(note.trim() ? { note: note.trim() } : {}),
    dry_run: dryRun,
  });
  const preview = useFormMutation({ mutationFn: () => ok(api.POST('/admin/orders/{id}/edits', { params: { path: { id } }, body: body(true) })) });
  const confirm = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/edits', { params: { path: { id } }, headers: { 'idempotency-key': key }, body: body(false) })),
    onSuccess: async (edit) => {
      await changed();
      toast(`Order edited: ${balanceInWords(edit.balance_after, currency)}`);
      navigate({ to: '/orders/$id', params: { id } });
    },
  });
  // Anything changed after a review makes that review stale: review again before confirming.
  const edit = <T,>(set: (v: T) => void) => (value: T) => { set(value); preview.reset(); };
  const errors = { ...preview.fieldErrors, ...confirm.fieldErrors };
  const reviewed = preview.data;
  return (
    <Page title={`Edit order ${o?.display_number ?? id}`} back={{ label: 'Back to the order', to: '/orders/$id', params: { id } }}>
      <ErrorBanner error={order.error ?? preview.bannerError ?? confirm.bannerError} />
      <form className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); preview.mutate(undefined); }}>
        <Card title="Items">
          <p className="mb-3 text-sm text-[var(--muted)]">Only units not yet fulfilled can change; 0 removes a line.</p>
          <ul className="flex flex-col gap-3">
            {lines.map((line) => (
              <li key={line.id} className="flex flex-wrap items-end gap-3">
                <div className="min-w-48 flex-1">
                  <div className="font-medium">{line.title}</div>
                  <div className="text-xs text-[var(--muted)]">{line.variant_title}{line.sku ? ` · SKU ${line.sku}` : ''} · {formatMoney(line.unit_price, currency)} each{line.fulfilled_quantity ? ` · ${line.fulfilled_quantity} fulfilled` : ''}</div>
                </div>
                <TextField label={`Quantity of ${line.title} (${line.variant_title})`} className="w-44" type="number" min={line.fulfilled_quantity} required
                  value={quantities[line.id] ?? String(line.quantity)} onChange={(e) => edit(setQuantities)({ ...quantities, [line.id]: e.target.value })} />
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Add items">
          <LinePicker lines={added} onChange={edit(setAdded)} currency={currency} field="add" errors={errors} />
        </Card>
        <Card title="Note">
          <TextField label="Note for the order's history (optional)" value={note} onChange={(e) => edit(setNote)(e.target.value)} error={errors.note} />
        </Card>
        {reviewed && (
          <Card title="Review">
            <ul className="mb-3 flex flex-col gap-1 text-sm">
              {reviewed.changes.map((c) => (
                <li key={c.line_item_id}>{c.title}: {c.action === 'added' ? `added, ${c.quantity_after}` : `${c.quantity_before} → ${c.quantity_after}`} ({formatMoney(c.total_before, currency)} → {formatMoney(c.total_after, currency)})</li>
              ))}
            </ul>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-[var(--muted)]">Total</dt><dd className="tabular-nums">{formatMoney(reviewed.total_before, currency)} → {formatMoney(reviewed.total_after, currency)}</dd>
            </dl>
            <p className="mt-3 font-medium" aria-live="polite">After this edit: {balanceInWords(reviewed.balance_after, currency)}</p>
          </Card>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <button type="submit" className="button" disabled={preview.isPending}>{preview.isPending ? 'Reviewing…' : 'Review changes'}</button>
          <button type="button" className="button button-primary" disabled={!reviewed || confirm.isPending} title={reviewed ? undefined : 'Review the changes first'}
            onClick={() => confirm.mutate(undefined)}>{confirm.isPending ? 'Saving…' : 'Confirm edit'}</button>
        </div>
      </form>
    </Page>
  );
}
