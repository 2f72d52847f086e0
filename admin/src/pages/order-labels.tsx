import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ExternalLink } from 'lucide-react';
import { useState } from 'react';
import { api, ApiError, idempotencyKey, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { formatDateTime, formatMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { orderKeys, useOrderChanged, type Order } from '../lib/orders.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ConfirmButton } from '../ui/confirm-dialog.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';

/**
 * Shipping labels bought from a carrier for an order's fulfillments (docs/shipping.md): one request
 * for the whole order, each fulfillment card showing its own. A label's tracking number is what the
 * carrier's tracking webhooks name; their events land on the order's timeline.
 */
export type Label = paths['/admin/orders/{id}/labels']['get']['responses'][200]['content']['application/json']['data'][number];
type Fulfillment = Order['fulfillments'][number];

export function useLabels(orderId: string) {
  return useQuery({ queryKey: [...orderKeys.detail(orderId), 'labels'], queryFn: () => ok(api.GET('/admin/orders/{id}/labels', { params: { path: { id: orderId } } })) });
}

/** Carriers that sell labels; null when this user may not read the shop's carriers (settings:read). */
function useLabelCarriers() {
  const can = useCan();
  const carriers = useQuery({ queryKey: ['carriers'], enabled: can('settings:read'), queryFn: () => ok(api.GET('/admin/carriers')) });
  return can('settings:read') ? carriers.data?.data.filter((c) => c.labels).map((c) => c.id) ?? [] : null;
}

/** A fulfillment awaiting its parcel can have a label bought; a `purchasing` one is resumed by asking again. */
export function canBuyLabel(fulfillment: Fulfillment, labels: Label[]): boolean {
  return fulfillment.status === 'fulfilled' && !labels.some((l) => l.status === 'purchased');
}

/** The fulfillment's labels, newest first, each with its tracking number, the label to print and a void action. */
export function FulfillmentLabels({ order, fulfillment, labels }: { order: Order; fulfillment: Fulfillment; labels: Label[] }) {
  const can = useCan();
  const toast = useToast();
  const changed = useOrderChanged(order.id);
  if (labels.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-col gap-2 border-t border-[var(--border)] pt-3" aria-label="Shipping labels">
      {[...labels].reverse().map((label) => (
        <li key={label.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="font-medium">Label · {label.carrier_id}{label.service ? ` ${label.service}` : ''}</span>
          <StatusBadge status={label.status} label={label.status === 'purchasing' ? 'Awaiting carrier' : undefined} />
          {label.tracking_number && (label.tracking_url
            ? <a href={label.tracking_url} target="_blank" rel="noreferrer" className="row-link inline-flex items-center gap-1">{label.tracking_number}<ExternalLink aria-hidden size={12} /><span className="sr-only">(track, opens in a new tab)</span></a>
            : <span>{label.tracking_number}</span>)}
          {label.label_url && label.status === 'purchased' && (
            <a href={label.label_url} target="_blank" rel="noreferrer" className="row-link inline-flex items-center gap-1">Print label<ExternalLink aria-hidden size={12} /><span className="sr-only">{label.tracking_number} (opens in a new tab)</span></a>
          )}
          {label.amount !== null && label.currency_code && <span className="tabular-nums">{formatMoney(label.amount, label.currency_code)}</span>}
          <span className="text-xs text-[var(--muted)]">{formatDateTime(label.created_at)}</span>
          {label.error_message && <span className="w-full text-[var(--critical-text)]">{label.error_message}</span>}
          {label.status === 'purchased' && fulfillment.status === 'fulfilled' && can('orders:fulfill') && (
            <ConfirmButton label={`Void label ${label.tracking_number}`} className="button ml-auto" verb="Void label" title={`Void the label ${label.tracking_number}?`}
              description={`${label.carrier_id} cancels it and refunds its price; don’t send a parcel with it. The fulfillment stays unshipped and can have a new label.`}
              run={() => ok(api.POST('/admin/orders/{id}/fulfillments/{fulfillment_id}/labels/{label_id}/cancel', {
                params: { path: { id: order.id, fulfillment_id: fulfillment.id, label_id: label.id } },
              }))}
              onDone={async () => { await changed(); toast(`Label ${label.tracking_number} voided`); }} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Buys a fulfillment's label (a modal with a URL: …?action=label&target=ful_…). A retry never buys two. */
export function BuyLabelDialog({ order, fulfillmentId, onClose }: { order: Order; fulfillmentId: string | undefined; onClose: () => void }) {
  return (
    <Dialog open={!!fulfillmentId} onOpenChange={(o) => !o && onClose()} title="Buy shipping label"
      description="The carrier prices the parcel from the items’ weights and dimensions, from the fulfillment’s location to the shipping address.">
      {fulfillmentId && <BuyLabelForm key={fulfillmentId} order={order} fulfillmentId={fulfillmentId} onClose={onClose} />}
    </Dialog>
  );
}

function BuyLabelForm({ order, fulfillmentId, onClose }: { order: Order; fulfillmentId: string; onClose: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const changed = useOrderChanged(order.id);
  const carriers = useLabelCarriers();
  const [carrier, setCarrier] = useState('');
  const [service, setService] = useState('');
  // A retry after a carrier failure (5xx) resumes the same purchase; after a refusal the next try is a new request.
  const [key, setKey] = useState(idempotencyKey);
  const chosen = carrier || carriers?.[0] || '';
  const buy = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/fulfillments/{fulfillment_id}/labels', {
      params: { path: { id: order.id, fulfillment_id: fulfillmentId } }, headers: { 'idempotency-key': key },
      body: { carrier_id: chosen.trim(), service: service.trim() || null },
    })),
    // A refused or failed purchase is recorded on the label: show it in the card too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...orderKeys.detail(order.id), 'labels'] }),
    onError: (error) => { if (error instanceof ApiError && error.status < 500) setKey(idempotencyKey()); },
    onSuccess: async (label) => { await changed(); toast(`Label bought: ${label.tracking_number}`); onClose(); },
  });
  return (
    <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); buy.mutate(undefined); }}>
      <ErrorBanner error={buy.bannerError} />
      {carriers === null
        ? <TextField label="Carrier" required value={carrier} onChange={(e) => setCarrier(e.target.value)} error={buy.fieldErrors.carrier_id} data-field="carrier_id" />
        : (
          <SelectField label="Carrier" value={chosen} onChange={(e) => setCarrier(e.target.value)} error={buy.fieldErrors.carrier_id} data-field="carrier_id"
            hint={carriers.length === 0 ? 'No carrier sells labels: add tracking by hand instead.' : undefined}>
            {carriers.map((id) => <option key={id} value={id}>{id}</option>)}
          </SelectField>
        )}
      <TextField label="Service" hint="The carrier’s service code (ground, express…). Empty: its default." value={service} onChange={(e) => setService(e.target.value)}
        error={buy.fieldErrors.service} data-field="service" />
      <div className="mt-2 flex justify-end gap-2">
        <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
        <button type="submit" className="button button-primary" disabled={buy.isPending || !chosen}>{buy.isPending ? 'Buying label…' : 'Buy label'}</button>
      </div>
    </form>
  );
}
