import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { ExternalLink } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { formatDateTime, formatMoney, formatRelative, humanize, moneyInput, parseMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { balanceInWords, orderKeys, returnable, unfulfilled, useLocations, useOrder, useOrderChanged, type Order } from '../lib/orders.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextArea, TextField } from '../ui/field.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';
import { ScrollRegion } from '../ui/scroll-region.tsx';
import { BuyLabelDialog, canBuyLabel, FulfillmentLabels, useLabels, type Label } from './order-labels.tsx';

type Action = 'capture' | 'refund' | 'cancel' | 'ship' | 'receive' | 'label';

export default function OrderDetailPage() {
  const { id } = useParams({ from: '/signed-in/orders/$id' });
  const search = useSearch({ from: '/signed-in/orders/$id' });
  const navigate = useNavigate();
  const order = useOrder(id);
  const labels = useLabels(id);
  const can = useCan();
  // Modals that do work have URLs (…?action=refund), so a reload or a shared link opens the same one.
  const open = (action: Action, target?: string) => navigate({ to: '.', search: { action, target }, replace: true });
  const close = () => navigate({ to: '.', search: {}, replace: true });

  if (!order.data) {
    return (
      <Page title="Order" back={{ label: 'Back to orders', to: '/orders' }}>
        {order.error ? <ErrorBanner error={order.error} onRetry={() => order.refetch()} /> : <p aria-busy="true">Loading order…</p>}
      </Page>
    );
  }
  const o = order.data;
  const money = (minor: number) => formatMoney(minor, o.currency_code);
  const canceled = o.status === 'canceled';
  const toFulfill = o.items.filter((line) => unfulfilled(line) > 0);
  const refundable = o.summary.captured_total - o.summary.refunded_total;
  const canCancel = !canceled && o.items.every((line) => line.fulfilled_quantity === 0);
  const primary = !canceled && o.summary.capturable_total > 0 && can('orders:write')
    ? <button type="button" className="button button-primary" onClick={() => open('capture')}>Capture payment</button>
    : !canceled && toFulfill.length > 0 && can('orders:fulfill')
      ? <Link to="/orders/$id/fulfill" params={{ id }} className="button button-primary">Fulfill items</Link>
      : null;

  return (
    <Page
      title={`Order ${o.display_number ?? o.id}`}
      back={{ label: 'Back to orders', to: '/orders' }}
      badges={<><StatusBadge status={o.status} /><StatusBadge status={o.payment_status} /><StatusBadge status={o.fulfillment_status} /></>}
      actions={<>
        {primary}
        {can('orders:refund') && !canceled && refundable > 0 && <button type="button" className="button" onClick={() => open('refund')}>Refund</button>}
        {can('orders:write') && o.items.some((l) => returnable(l) > 0) && <Link to="/orders/$id/return" params={{ id }} className="button">Return items</Link>}
        {can('orders:write') && !canceled && o.items.some((l) => unfulfilled(l) > 0) && <Link to="/orders/$id/edit" params={{ id }} className="button">Edit items</Link>}
        {can('orders:write') && !canceled && (
          <button type="button" className="button button-danger" disabled={!canCancel} title={canCancel ? undefined : 'Fulfilled items must be returned instead'} onClick={() => open('cancel')}>Cancel order</button>
        )}
      </>}
    >
      <DetailLayout
        main={<>
          <LinesCard order={o} />
          <ErrorBanner error={labels.error} onRetry={() => labels.refetch()} />
          {o.fulfillments.map((f) => (
            <FulfillmentCard key={f.id} order={o} fulfillment={f} labels={labels.data?.data.filter((l) => l.fulfillment_id === f.id) ?? []}
              onShip={() => open('ship', f.id)} onBuyLabel={() => open('label', f.id)} />
          ))}
          {o.returns.map((r) => <ReturnCard key={r.id} order={o} ret={r} onReceive={() => open('receive', r.id)} />)}
          {o.fulfillments.length > 0 && <LotsCard order={o} />}
          <PaymentCard order={o} onCapture={() => open('capture')} onRefund={() => open('refund')} />
          <TimelineCard order={o} />
        </>}
        side={<>
          <Card title="Customer">
            <p className="break-all">{o.email}</p>
          </Card>
          <Card title="Shipping address"><Address address={o.shipping_address} /></Card>
          <Card title="Billing address"><Address address={o.billing_address} /></Card>
          {o.shipping_method && (
            <Card title="Shipping method"><p>{o.shipping_method.name} · {money(o.shipping_method.amount)}</p></Card>
          )}
        </>}
      />
      <CaptureDialog order={o} open={search.action === 'capture'} onClose={close} />
      <RefundDialog order={o} open={search.action === 'refund'} onClose={close} />
      <CancelDialog order={o} open={search.action === 'cancel'} onClose={close} />
      <ShipDialog order={o} fulfillmentId={search.action === 'ship' ? search.target : undefined} onClose={close} />
      <BuyLabelDialog order={o} fulfillmentId={search.action === 'label' ? search.target : undefined} onClose={close} />
      <ReceiveDialog order={o} returnId={search.action === 'receive' ? search.target : undefined} onClose={close} />
    </Page>
  );
}

function Address({ address }: { address: Order['shipping_address'] }) {
  if (!address) return <p className="text-[var(--muted)]">None</p>;
  return (
    <address className="not-italic">
      {address.first_name} {address.last_name}<br />
      {address.company && <>{address.company}<br /></>}
      {address.address_1}<br />
      {address.address_2 && <>{address.address_2}<br /></>}
      {address.postal_code} {address.city}{address.province ? `, ${address.province}` : ''}<br />
      {address.country_code}
    </address>
  );
}

function LinesCard({ order }: { order: Order }) {
  const can = useCan();
  const money = (minor: number) => formatMoney(minor, order.currency_code);
  const waiting = order.items.filter((line) => unfulfilled(line) > 0);
  return (
    <Card
      title={waiting.length && order.status !== 'canceled' ? `Unfulfilled (${waiting.reduce((n, l) => n + unfulfilled(l), 0)})` : 'Items'}
      action={waiting.length > 0 && order.status !== 'canceled' && can('orders:fulfill') && <Link to="/orders/$id/fulfill" params={{ id: order.id }} className="button">Fulfill</Link>}
    >
      <table className="data-table">
        <caption className="sr-only">Order lines</caption>
        <thead><tr><th scope="col">Item</th><th scope="col" className="text-right">Qty × price</th><th scope="col" className="text-right">Total</th></tr></thead>
        <tbody>
          {order.items.map((line) => (
            <tr key={line.id}>
              <td>
                <div className="font-medium">{line.title}</div>
                <div className="text-xs text-[var(--muted)]">{line.variant_title}{line.sku ? ` · SKU ${line.sku}` : ''}</div>
                <div className="text-xs text-[var(--muted)]">
                  {line.fulfilled_quantity}/{line.quantity} fulfilled{line.shipped_quantity ? ` · ${line.shipped_quantity} shipped` : ''}{line.returned_quantity ? ` · ${line.returned_quantity} returned` : ''}
                </div>
              </td>
              <td className="text-right tabular-nums">{line.quantity} × {money(line.unit_price)}</td>
              <td className="text-right tabular-nums">{money(line.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function FulfillmentCard({ order, fulfillment, labels, onShip, onBuyLabel }: {
  order: Order; fulfillment: Order['fulfillments'][number]; labels: Label[]; onShip: () => void; onBuyLabel: () => void;
}) {
  const can = useCan();
  const toast = useToast();
  const changed = useOrderChanged(order.id);
  const locations = useLocations();
  const delivered = useMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/fulfillments/{fulfillment_id}/mark-delivered', { params: { path: { id: order.id, fulfillment_id: fulfillment.id } }, body: {} })),
    onSuccess: async () => { await changed(); toast('Marked delivered'); },
  });
  const lines = new Map(order.items.map((line) => [line.id, line]));
  const location = locations.data?.data.find((l) => l.id === fulfillment.location_id);
  return (
    <Card
      title={<span className="flex items-center gap-2">Fulfillment <StatusBadge status={fulfillment.status} /></span>}
      action={can('orders:fulfill') && <>
        {canBuyLabel(fulfillment, labels) && <button type="button" className="button" onClick={onBuyLabel}>Buy label</button>}
        {fulfillment.status === 'fulfilled' && <button type="button" className="button" onClick={onShip}>Add tracking</button>}
        {fulfillment.status === 'shipped' && <button type="button" className="button" disabled={delivered.isPending} onClick={() => delivered.mutate()}>Mark delivered</button>}
      </>}
    >
      <ErrorBanner error={delivered.error} />
      <p className="mb-2 text-sm text-[var(--muted)]">From {location ? location.name : fulfillment.location_id} · {formatDateTime(fulfillment.created_at)}</p>
      <ul className="mb-2 list-disc pl-5">
        {fulfillment.items.map((item) => <li key={item.line_item_id}>{item.quantity} × {lines.get(item.line_item_id)?.title} ({lines.get(item.line_item_id)?.variant_title})</li>)}
      </ul>
      {fulfillment.carrier && (
        <p className="text-sm">
          {fulfillment.carrier}{fulfillment.tracking_number ? ` · ${fulfillment.tracking_number}` : ''}
          {fulfillment.tracking_url && <> · <a href={fulfillment.tracking_url} target="_blank" rel="noreferrer" className="row-link inline-flex items-center gap-1">Track<ExternalLink aria-hidden size={12} /><span className="sr-only">(opens in a new tab)</span></a></>}
        </p>
      )}
      <FulfillmentLabels order={order} fulfillment={fulfillment} labels={labels} />
    </Card>
  );
}

/** The lots (and suppliers) behind each fulfilled line, and the order's cost of goods and margin. */
function LotsCard({ order }: { order: Order }) {
  const lots = useQuery({ queryKey: [...orderKeys.detail(order.id), 'lots'], queryFn: () => ok(api.GET('/admin/orders/{id}/lots', { params: { path: { id: order.id } } })) });
  const money = (minor: number) => formatMoney(minor, order.currency_code);
  const data = lots.data;
  return (
    <Card title="Lots and margin">
      <ErrorBanner error={lots.error} onRetry={() => lots.refetch()} />
      {!data && !lots.error && <p aria-busy="true">Loading lots…</p>}
      {data && (
        <>
          <ScrollRegion label="Lots each line took">
            <table className="data-table">
              <caption className="sr-only">Lots each line took</caption>
              <thead><tr><th scope="col">Item</th><th scope="col">Lot</th><th scope="col">Supplier</th><th scope="col" className="text-right">Units</th><th scope="col" className="text-right">Unit cost</th></tr></thead>
              <tbody>
                {data.lines.flatMap((line) => line.lots.map((lot, i) => (
                  <tr key={`${line.line_item_id}-${lot.lot_id ?? 'unlotted'}-${lot.location_id}-${i}`}>
                    <td>{line.title}{line.sku ? <div className="text-xs text-[var(--muted)]">SKU {line.sku}</div> : null}</td>
                    <td>{lot.lot_id ? <Link to="/lots/$id" params={{ id: lot.lot_id }} className="row-link">{lot.lot_number}</Link> : 'Unlotted'}</td>
                    <td>{lot.supplier_name ?? '—'}</td>
                    <td className="text-right tabular-nums">{lot.quantity}{lot.returned_quantity ? ` (${lot.returned_quantity} returned)` : ''}</td>
                    <td className="text-right tabular-nums">{lot.unit_cost === null || !lot.currency_code ? '—' : formatMoney(lot.unit_cost, lot.currency_code)}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </ScrollRegion>
          <dl className="dl mt-3">
            <dt>Revenue (kept units, before tax)</dt><dd>{money(data.margin.revenue)}</dd>
            <dt>Cost of goods</dt><dd>{money(data.margin.cost_of_goods)}</dd>
            <dt>Margin</dt><dd>{money(data.margin.margin)}</dd>
            {data.margin.uncosted_units > 0 && <><dt>Units without a cost</dt><dd>{data.margin.uncosted_units}</dd></>}
          </dl>
        </>
      )}
    </Card>
  );
}

function ReturnCard({ order, ret, onReceive }: { order: Order; ret: Order['returns'][number]; onReceive: () => void }) {
  const can = useCan();
  const toast = useToast();
  const changed = useOrderChanged(order.id);
  const lines = new Map(order.items.map((line) => [line.id, line]));
  const refund = useMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/returns/{return_id}/refund', { params: { path: { id: order.id, return_id: ret.id } }, body: {} })),
    onSuccess: async () => { await changed(); toast('Return refunded'); },
  });
  return (
    <Card
      title={<span className="flex items-center gap-2">Return <StatusBadge status={ret.status} /></span>}
      action={<>
        {ret.status === 'requested' && can('orders:fulfill') && <button type="button" className="button" onClick={onReceive}>Receive</button>}
        {ret.status === 'received' && !ret.refund_id && can('orders:refund') && <button type="button" className="button" disabled={refund.isPending} onClick={() => refund.mutate()}>Refund {formatMoney(ret.credit_amount, order.currency_code)}</button>}
      </>}
    >
      <ErrorBanner error={refund.error} />
      <ul className="list-disc pl-5">
        {ret.items.map((item) => <li key={item.line_item_id}>{item.quantity} × {lines.get(item.line_item_id)?.title}{ret.status !== 'requested' ? ` — ${item.received_quantity} received${item.condition ? `, ${item.condition}` : ''}${item.disposition ? `, ${humanize(item.disposition).toLowerCase()}` : ''}` : ''}</li>)}
      </ul>
      {ret.reason && <p className="mt-2 text-sm text-[var(--muted)]">Reason: {ret.reason}</p>}
    </Card>
  );
}

function PaymentCard({ order, onCapture, onRefund }: { order: Order; onCapture: () => void; onRefund: () => void }) {
  const can = useCan();
  const s = order.summary;
  const money = (minor: number) => formatMoney(minor, order.currency_code);
  const balance = balanceInWords(s.balance, order.currency_code);
  const row = (label: string, value: ReactNode) => <><dt>{label}</dt><dd>{value}</dd></>;
  return (
    <Card
      title="Payment"
      action={<>
        {s.capturable_total > 0 && order.status !== 'canceled' && can('orders:write') && <button type="button" className="button" onClick={onCapture}>Capture</button>}
        {can('orders:refund') && s.captured_total - s.refunded_total > 0 && <button type="button" className="button" onClick={onRefund}>Refund</button>}
      </>}
    >
      <dl className="dl">
        {row('Subtotal', money(order.subtotal))}
        {order.discount_total > 0 && row('Discounts', `−${money(order.discount_total)}`)}
        {row('Shipping', money(order.shipping_total))}
        {row(order.tax_inclusive ? 'Tax (included)' : 'Tax', money(order.tax_total))}
        {row('Total', <strong>{money(order.total)}</strong>)}
        {row('Authorized', money(s.authorized_total))}
        {row('Captured', money(s.captured_total))}
        {row('Refunded', money(s.refunded_total))}
        {row('Net paid', money(s.paid_total))}
      </dl>
      <p className="mt-3 font-medium">{balance}</p>
      {order.refunds.length > 0 && (
        <ul className="mt-3 flex flex-col gap-1 border-t border-[var(--border)] pt-3 text-sm" aria-label="Refunds">
          {order.refunds.map((r) => (
            <li key={r.id} className="flex flex-wrap gap-2">
              <span>
                <span className="font-medium">Refund</span> {money(r.amount)} to {r.store_credit_id && order.customer_id
                  ? <Link to="/customers/$id" params={{ id: order.customer_id }} className="row-link">store credit</Link>
                  : 'the payments'}
              </span>
              <StatusBadge status={r.status} />
              <span className="text-[var(--muted)]">{humanize(r.reason)} · {formatDateTime(r.created_at)}</span>
            </li>
          ))}
        </ul>
      )}
      {order.payment_operations.length > 0 && (
        <ul className="mt-3 flex flex-col gap-1 border-t border-[var(--border)] pt-3 text-sm">
          {order.payment_operations.map((op) => (
            <li key={op.id} className="flex flex-wrap gap-2">
              <span className="font-medium">{humanize(op.kind)}</span> {money(op.amount)} <StatusBadge status={op.status} />
              <span className="text-[var(--muted)]">{formatDateTime(op.created_at)} · by {op.created_by}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function TimelineCard({ order }: { order: Order }) {
  const can = useCan();
  const changed = useOrderChanged(order.id);
  const [note, setNote] = useState('');
  const add = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/notes', { params: { path: { id: order.id } }, body: { text: note } })),
    onSuccess: async () => { setNote(''); await changed(); },
  });
  const events = [...order.timeline].reverse();
  return (
    <Card title="Timeline">
      {can('orders:write') && (
        <form className="mb-4 flex flex-col gap-2" onSubmit={(e) => { e.preventDefault(); add.mutate(undefined); }}>
          <TextArea label="Add a note" value={note} onChange={(e) => setNote(e.target.value)} error={add.fieldErrors.text} data-field="text" />
          <ErrorBanner error={add.bannerError} />
          <button type="submit" className="button self-end" disabled={!note.trim() || add.isPending}>Add note</button>
        </form>
      )}
      <ol className="flex flex-col gap-3">
        {events.map((event) => (
          <li key={event.id} className="border-l-2 border-[var(--border)] pl-3">
            <p className="font-medium">{humanize(event.type.replace(/^order\./, ''))}</p>
            {typeof (event.data as { text?: unknown }).text === 'string' && <p className="whitespace-pre-wrap">{(event.data as { text: string }).text}</p>}
            {shipmentDetail(event) && <p>{shipmentDetail(event)}</p>}
            <p className="text-xs text-[var(--muted)]">
              <time dateTime={event.at} title={formatDateTime(event.at)}>{formatRelative(event.at)}</time>
              {event.actor ? ` · ${event.actor.type}${event.actor.id ? ` ${event.actor.id}` : ''}` : ''}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** What a label or a carrier's tracking event says, in a line under its title ("In transit: Departed facility · test_carrier TC…"). */
function shipmentDetail(event: Order['timeline'][number]): string | null {
  const data = event.data as { carrier?: string; tracking_number?: string | null; status?: string; description?: string | null };
  const parcel = [data.carrier, data.tracking_number].filter(Boolean).join(' ');
  switch (event.type) {
    case 'order.tracking_updated': return `${humanize(data.status ?? 'update')}${data.description ? `: ${data.description}` : ''} · ${parcel}`;
    case 'order.label_purchased': return parcel || null;
    default: return null;
  }
}

function DialogButtons({ pending, verb, danger }: { pending: boolean; verb: string; danger?: boolean }) {
  return (
    <div className="mt-4 flex justify-end gap-2">
      <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
      <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={pending}>{pending ? `${verb}…` : verb}</button>
    </div>
  );
}

function CaptureDialog({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const toast = useToast();
  const changed = useOrderChanged(order.id);
  const remaining = order.summary.capturable_total;
  const [amount, setAmount] = useState(() => moneyInput(remaining, order.currency_code));
  const [key] = useState(idempotencyKey);
  const capture = useFormMutation({
    mutationFn: (minor: number) => ok(api.POST('/admin/orders/{id}/capture', { params: { path: { id: order.id } }, headers: { 'idempotency-key': key }, body: { amount: minor } })),
    onSuccess: async (_data, minor) => { await changed(); toast(`${formatMoney(minor, order.currency_code)} captured`); onClose(); },
  });
  const parsed = parseMoney(amount, order.currency_code);
  const invalid = parsed === null || parsed <= 0 || parsed > remaining ? `Enter an amount between ${formatMoney(1, order.currency_code)} and ${formatMoney(remaining, order.currency_code)}.` : null;
  const [touched, setTouched] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title="Capture payment" description={`Up to ${formatMoney(remaining, order.currency_code)} is authorized and not captured yet.`}>
      <form onSubmit={(e) => { e.preventDefault(); setTouched(true); if (!invalid) capture.mutate(parsed!); }}>
        <ErrorBanner error={capture.bannerError} />
        <TextField label={`Amount (${order.currency_code})`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={(touched && invalid) || capture.fieldErrors.amount} data-field="amount" />
        <DialogButtons pending={capture.isPending} verb="Capture" />
      </form>
    </Dialog>
  );
}

const REFUND_REASONS = ['customer_request', 'damaged', 'not_received', 'wrong_item', 'goodwill', 'duplicate', 'fraudulent', 'other'] as const;

function RefundDialog({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const toast = useToast();
  const changed = useOrderChanged(order.id);
  const max = order.summary.captured_total - order.summary.refunded_total;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<(typeof REFUND_REASONS)[number]>('customer_request');
  const [note, setNote] = useState('');
  // Only an order placed by a signed-in customer has a store credit account to pay into.
  const [to, setTo] = useState<'original' | 'store_credit'>('original');
  const [touched, setTouched] = useState(false);
  const [key] = useState(idempotencyKey);
  const refund = useFormMutation({
    mutationFn: (minor: number) => ok(api.POST('/admin/orders/{id}/refunds', {
      params: { path: { id: order.id } }, headers: { 'idempotency-key': key },
      body: { amount: minor, reason, ...(to === 'store_credit' ? { to } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
    })),
    onSuccess: async (_data, minor) => {
      await changed();
      toast(`${formatMoney(minor, order.currency_code)} ${to === 'store_credit' ? 'added to the customer\'s store credit' : 'refunded'}`);
      onClose();
    },
  });
  const parsed = parseMoney(amount, order.currency_code);
  const invalid = parsed === null || parsed <= 0 || parsed > max ? `Enter an amount up to ${formatMoney(max, order.currency_code)} (captured and not yet refunded).` : null;
  const where = to === 'store_credit'
    ? `The money is added to the customer's store credit in ${order.currency_code}, to spend on a next order; nothing goes back to the card.`
    : `The money goes back through ${order.payments[0]?.provider_id ?? 'the payment provider'}.`;
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title="Refund" description={`Up to ${formatMoney(max, order.currency_code)} can be refunded. ${where}`}>
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); setTouched(true); if (!invalid) refund.mutate(parsed!); }}>
        <ErrorBanner error={refund.bannerError} />
        <TextField label={`Amount (${order.currency_code})`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={(touched && invalid) || refund.fieldErrors.amount} data-field="amount" />
        {order.customer_id && (
          <fieldset className="flex flex-wrap gap-4" data-field="to">
            <legend className="mb-1 text-sm font-medium">Refund to</legend>
            <label className="flex items-center gap-2"><input type="radio" name="refund-to" checked={to === 'original'} onChange={() => setTo('original')} /> Original payment</label>
            <label className="flex items-center gap-2"><input type="radio" name="refund-to" checked={to === 'store_credit'} onChange={() => setTo('store_credit')} /> Store credit</label>
            {refund.fieldErrors.to && <p role="alert" className="w-full text-sm text-[var(--critical)]">{refund.fieldErrors.to}</p>}
          </fieldset>
        )}
        <SelectField label="Reason" value={reason} onChange={(e) => setReason(e.target.value as typeof reason)} error={refund.fieldErrors.reason}>
          {REFUND_REASONS.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
        </SelectField>
        <TextArea label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} error={refund.fieldErrors.note} />
        <DialogButtons pending={refund.isPending} verb="Refund" />
      </form>
    </Dialog>
  );
}

function CancelDialog({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const toast = useToast();
  const changed = useOrderChanged(order.id);
  const cancel = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/cancel', { params: { path: { id: order.id } }, body: {} })),
    onSuccess: async () => { await changed(); toast('Order canceled'); onClose(); },
  });
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title={`Cancel order ${order.display_number ?? order.id}?`}
      description="The authorization is voided, captured money is refunded and reserved stock is released. The order stays in the list as canceled; this cannot be undone.">
      <form onSubmit={(e) => { e.preventDefault(); cancel.mutate(undefined); }}>
        <ErrorBanner error={cancel.bannerError} />
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild><button type="button" className="button" autoFocus>Keep order</button></DialogClose>
          <button type="submit" className="button button-danger" disabled={cancel.isPending}>{cancel.isPending ? 'Canceling…' : 'Cancel order'}</button>
        </div>
      </form>
    </Dialog>
  );
}

function ShipDialog({ order, fulfillmentId, onClose }: { order: Order; fulfillmentId: string | undefined; onClose: () => void }) {
  const toast = useToast();
  const changed = useOrderChanged(order.id);
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [trackingUrl, setTrackingUrl] = useState('');
  const ship = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/fulfillments/{fulfillment_id}/shipments', {
      params: { path: { id: order.id, fulfillment_id: fulfillmentId! } },
      body: { carrier, ...(trackingNumber ? { tracking_number: trackingNumber } : {}), ...(trackingUrl ? { tracking_url: trackingUrl } : {}) },
    })),
    onSuccess: async () => { await changed(); toast('Shipment recorded'); onClose(); },
  });
  return (
    <Dialog open={!!fulfillmentId} onOpenChange={(o) => !o && onClose()} title="Ship with tracking">
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); ship.mutate(undefined); }}>
        <ErrorBanner error={ship.bannerError} />
        <TextField label="Carrier" required value={carrier} onChange={(e) => setCarrier(e.target.value)} error={ship.fieldErrors.carrier} data-field="carrier" />
        <TextField label="Tracking number" value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} error={ship.fieldErrors.tracking_number} data-field="tracking_number" />
        <TextField label="Tracking URL" type="url" placeholder="https://" value={trackingUrl} onChange={(e) => setTrackingUrl(e.target.value)} error={ship.fieldErrors.tracking_url} data-field="tracking_url" />
        <DialogButtons pending={ship.isPending} verb="Ship" />
      </form>
    </Dialog>
  );
}

function ReceiveDialog({ order, returnId, onClose }: { order: Order; returnId: string | undefined; onClose: () => void }) {
  const toast = useToast();
  const changed = useOrderChanged(order.id);
  const locations = useLocations();
  const ret = order.returns.find((r) => r.id === returnId);
  const [locationId, setLocationId] = useState('');
  const [condition, setCondition] = useState<'new' | 'opened' | 'damaged'>('new');
  const receive = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/orders/{id}/returns/{return_id}/receive', {
      params: { path: { id: order.id, return_id: returnId! } },
      body: { location_id: locationId || locations.data!.data[0].id, lines: ret!.items.map((item) => ({ line_item_id: item.line_item_id, quantity: item.quantity, condition })) },
    })),
    onSuccess: async () => { await changed(); toast('Return received'); onClose(); },
  });
  return (
    <Dialog open={!!ret} onOpenChange={(o) => !o && onClose()} title="Receive return" description="Every unit asked back is received. New and opened units go back on hand at the location; damaged ones are written off.">
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); receive.mutate(undefined); }}>
        <ErrorBanner error={receive.bannerError ?? locations.error} />
        <SelectField label="Restock at" value={locationId} onChange={(e) => setLocationId(e.target.value)} error={receive.fieldErrors.location_id}>
          {locations.data?.data.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </SelectField>
        <SelectField label="Condition" value={condition} onChange={(e) => setCondition(e.target.value as typeof condition)}>
          <option value="new">New</option><option value="opened">Opened</option><option value="damaged">Damaged</option>
        </SelectField>
        <DialogButtons pending={receive.isPending} verb="Receive" />
      </form>
    </Dialog>
  );
}
