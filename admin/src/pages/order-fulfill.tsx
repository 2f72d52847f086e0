import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { formatDay } from '../lib/format.ts';
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
  // Units chosen per line and lot (docs/purchasing.md, "Choosing lots"); units not chosen leave in pick order.
  const [chosen, setChosen] = useState<Record<string, Record<string, string>>>({});
  const [allowExpired, setAllowExpired] = useState(false);
  const [key] = useState(idempotencyKey);
  const lines = order.data?.items.filter((line) => unfulfilled(line) > 0) ?? [];
  useEffect(() => {
    if (order.data && Object.keys(quantities).length === 0) setQuantities(Object.fromEntries(lines.map((l) => [l.id, String(unfulfilled(l))])));
  }, [order.data]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!locationId && locations.data?.data[0]) setLocationId(locations.data.data[0].id);
  }, [locations.data, locationId]);
  const sent = lines.filter((l) => Number(quantities[l.id] || 0) > 0);
  const lotsOf = (lineId: string) => Object.entries(chosen[lineId] ?? {}).map(([lot_id, units]) => ({ lot_id, quantity: Number(units || 0) })).filter((c) => c.quantity > 0);
  const fulfill = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/fulfillments', {
      params: { path: { id } },
      headers: { 'idempotency-key': key },
      body: {
        location_id: locationId,
        lines: sent.map((l) => {
          const lots = lotsOf(l.id);
          return { line_item_id: l.id, quantity: Number(quantities[l.id]), ...(lots.length ? { lots } : {}) };
        }),
        ...(allowExpired ? { allow_expired_lots: true } : {}),
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
                {locationId && (
                  <LotChoice line={line} locationId={locationId} units={chosen[line.id] ?? {}}
                    onChange={(units) => setChosen({ ...chosen, [line.id]: units })}
                    errorFor={(lotId, field) => {
                      const at = sent.indexOf(line);
                      const j = lotsOf(line.id).findIndex((c) => c.lot_id === lotId);
                      return at < 0 || j < 0 ? undefined : fulfill.fieldErrors[`lines.${at}.lots.${j}.${field}`];
                    }}
                    lineError={sent.indexOf(line) < 0 ? undefined : fulfill.fieldErrors[`lines.${sent.indexOf(line)}.lots`]} />
                )}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Location">
          <SelectField label="Ship from" value={locationId} onChange={(e) => { setLocationId(e.target.value); setChosen({}); }} error={fulfill.fieldErrors.location_id}>
            {locations.data?.data.map((l) => <option key={l.id} value={l.id}>{l.name} ({l.code})</option>)}
          </SelectField>
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={allowExpired} onChange={(e) => setAllowExpired(e.target.checked)} />
            Let chosen lots that have expired ship
          </label>
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

/**
 * The lots of a line's variant on hand at the location, each with the units to take from it: empty
 * everywhere leaves the choice to the product's pick order. Loaded only when staff open it.
 */
function LotChoice({ line, locationId, units, onChange, errorFor, lineError }: {
  line: { id: string; title: string; variant_id: string | null };
  locationId: string;
  units: Record<string, string>;
  onChange: (units: Record<string, string>) => void;
  errorFor: (lotId: string, field: 'lot_id' | 'quantity') => string | undefined;
  lineError: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  const lots = useQuery({
    queryKey: ['lots', { variant_id: line.variant_id, location_id: locationId, in_stock: true }],
    enabled: open && !!line.variant_id,
    queryFn: () => ok(api.GET('/admin/lots', { params: { query: { variant_id: line.variant_id!, location_id: locationId, in_stock: true, limit: 100 } } })),
  });
  if (!line.variant_id) return null;
  return (
    <div className="w-full">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Hide lots' : `Choose lots of ${line.title}`}</button>
      {open && (
        <div className="mt-2 flex flex-col gap-2">
          <ErrorBanner error={lots.error} onRetry={() => lots.refetch()} />
          {lineError && <p className="text-xs text-[var(--critical-text)]">{lineError}</p>}
          {lots.data && lots.data.data.length === 0 && <p className="text-sm">No lots of this item here: its units are unlotted.</p>}
          <div className="flex flex-wrap gap-3">
            {lots.data?.data.map((lot) => {
              const here = lot.stock.find((s) => s.location_id === locationId)?.quantity ?? 0;
              return (
                <TextField key={lot.id} className="w-48" type="number" min={0} max={here}
                  label={`Units from lot ${lot.lot_number}`}
                  hint={`${here} here${lot.expires_at ? ` · expires ${formatDay(lot.expires_at)}` : ''}`}
                  value={units[lot.id] ?? ''} onChange={(e) => onChange({ ...units, [lot.id]: e.target.value })}
                  error={errorFor(lot.id, 'quantity') ?? errorFor(lot.id, 'lot_id')} />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
