import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { useFormMutation } from '../lib/forms.ts';
import { unfulfilled, useLocations, useOrder, useOrderChanged } from '../lib/orders.ts';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, Page } from '../ui/page.tsx';

/** Fulfill: how many of each line, from which location, optionally shipped at once with tracking. */
export default function OrderFulfillPage() {
  const { id } = useParams({ from: '/signed-in/orders/$id/fulfill' });
  const order = useOrder(id);
  const locations = useLocations();
  const navigate = useNavigate();
  const toast = useToast();
  const changed = useOrderChanged(id);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [locationId, setLocationId] = useState('');
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [key] = useState(idempotencyKey);
  const lines = order.data?.items.filter((line) => unfulfilled(line) > 0) ?? [];
  useEffect(() => {
    if (order.data && Object.keys(quantities).length === 0) setQuantities(Object.fromEntries(lines.map((l) => [l.id, String(unfulfilled(l))])));
  }, [order.data]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!locationId && locations.data?.data[0]) setLocationId(locations.data.data[0].id);
  }, [locations.data, locationId]);
  const fulfill = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/fulfillments', {
      params: { path: { id } },
      headers: { 'idempotency-key': key },
      body: {
        location_id: locationId,
        lines: lines.map((l) => ({ line_item_id: l.id, quantity: Number(quantities[l.id] || 0) })).filter((l) => l.quantity > 0),
        ...(carrier ? { shipment: { carrier, ...(tracking ? { tracking_number: tracking } : {}) } } : {}),
      },
    })),
    onSuccess: async () => {
      await changed();
      toast(carrier ? 'Items fulfilled and shipped' : 'Items fulfilled');
      navigate({ to: '/orders/$id', params: { id } });
    },
  });
  const title = `Fulfill order ${order.data?.display_number ?? id}`;
  return (
    <Page title={title} back={{ label: 'Back to the order', to: '/orders/$id', params: { id } }}>
      <ErrorBanner error={order.error ?? locations.error ?? fulfill.bannerError} />
      <form className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); fulfill.mutate(undefined); }}>
        <Card title="Items">
          {lines.length === 0 && order.data && <p>Every item is fulfilled.</p>}
          <ul className="flex flex-col gap-3">
            {lines.map((line, i) => (
              <li key={line.id} className="flex flex-wrap items-end gap-3">
                <div className="min-w-48 flex-1">
                  <div className="font-medium">{line.title}</div>
                  <div className="text-xs text-[var(--muted)]">{line.variant_title}{line.sku ? ` · SKU ${line.sku}` : ''} · {unfulfilled(line)} to fulfill</div>
                </div>
                <TextField
                  label={`Quantity of ${line.title} (${line.variant_title})`}
                  className="w-40" type="number" min={0} max={unfulfilled(line)}
                  value={quantities[line.id] ?? ''}
                  onChange={(e) => setQuantities({ ...quantities, [line.id]: e.target.value })}
                  error={fulfill.fieldErrors[`lines.${i}.quantity`]}
                  data-field={`lines.${i}.quantity`}
                />
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Location">
          <SelectField label="Ship from" value={locationId} onChange={(e) => setLocationId(e.target.value)} error={fulfill.fieldErrors.location_id}>
            {locations.data?.data.map((l) => <option key={l.id} value={l.id}>{l.name} ({l.code})</option>)}
          </SelectField>
        </Card>
        <Card title="Shipment (optional)">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} hint="Leave empty to ship later." error={fulfill.fieldErrors['shipment.carrier']} />
            <TextField label="Tracking number" value={tracking} onChange={(e) => setTracking(e.target.value)} disabled={!carrier} error={fulfill.fieldErrors['shipment.tracking_number']} />
          </div>
        </Card>
        <div className="flex justify-end">
          <button type="submit" className="button button-primary" disabled={fulfill.isPending || lines.length === 0}>{fulfill.isPending ? 'Fulfilling…' : 'Fulfill items'}</button>
        </div>
      </form>
    </Page>
  );
}
