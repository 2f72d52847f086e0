import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { useFormMutation } from '../lib/forms.ts';
import { returnable, useOrder, useOrderChanged } from '../lib/orders.ts';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';
import { Card, Page } from '../ui/page.tsx';

/** Request a return of delivered units; receiving and refunding it happen on the order page. */
export default function OrderReturnPage() {
  const { id } = useParams({ from: '/signed-in/orders/$id/return' });
  const order = useOrder(id);
  const navigate = useNavigate();
  const toast = useToast();
  const changed = useOrderChanged(id);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [key] = useState(idempotencyKey);
  const lines = order.data?.items.filter((line) => returnable(line) > 0) ?? [];
  const request = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/returns', {
      params: { path: { id } },
      headers: { 'idempotency-key': key },
      body: {
        lines: lines.map((l) => ({ line_item_id: l.id, quantity: Number(quantities[l.id] || 0) })).filter((l) => l.quantity > 0),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
    })),
    onSuccess: async () => {
      await changed();
      toast('Return requested');
      navigate({ to: '/orders/$id', params: { id } });
    },
  });
  return (
    <Page title={`Return from order ${order.data?.display_number ?? id}`} back={{ label: 'Back to the order', to: '/orders/$id', params: { id } }}>
      <ErrorBanner error={order.error ?? request.bannerError} />
      <form className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); request.mutate(undefined); }}>
        <Card title="Items to return">
          {order.data && lines.length === 0 && <p>No delivered item is left to return.</p>}
          <ul className="flex flex-col gap-3">
            {lines.map((line, i) => (
              <li key={line.id} className="flex flex-wrap items-end gap-3">
                <div className="min-w-48 flex-1">
                  <div className="font-medium">{line.title}</div>
                  <div className="text-xs text-[var(--muted)]">{line.variant_title} · {returnable(line)} can be returned</div>
                </div>
                <TextField label={`Return quantity of ${line.title} (${line.variant_title})`} className="w-44" type="number" min={0} max={returnable(line)}
                  value={quantities[line.id] ?? ''} onChange={(e) => setQuantities({ ...quantities, [line.id]: e.target.value })}
                  error={request.fieldErrors[`lines.${i}.quantity`]} data-field={`lines.${i}.quantity`} />
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Reason">
          <TextField label="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} error={request.fieldErrors.reason} />
        </Card>
        <div className="flex justify-end">
          <button type="submit" className="button button-primary" disabled={request.isPending || lines.length === 0}>{request.isPending ? 'Requesting…' : 'Request return'}</button>
        </div>
      </form>
    </Page>
  );
}
