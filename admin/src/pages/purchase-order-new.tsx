import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { useCurrencies } from '../lib/catalog.ts';
import { fromLocalInput, parseMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useLocations } from '../lib/orders.ts';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';
import { VariantSearch, type PickedVariant } from '../ui/variant-search.tsx';

interface Line { variant: PickedVariant; quantity: string; cost: string }

/**
 * Drafting a purchase order: the supplier, where the units arrive, the supplier's currency, when they are
 * expected, and lines found by search with the quantity and unit cost. Created as a draft; it is placed
 * and received from its own page.
 */
export default function PurchaseOrderNewPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const suppliers = useQuery({ queryKey: ['suppliers'], queryFn: () => ok(api.GET('/admin/suppliers', { params: { query: { limit: 100 } } })) });
  const locations = useLocations();
  const currencies = useCurrencies();
  const [supplierId, setSupplierId] = useState('');
  const [locationId, setLocationId] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const [expected, setExpected] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [key] = useState(idempotencyKey);
  const supplier = supplierId || suppliers.data?.data[0]?.id || '';
  const location = locationId || locations.data?.data[0]?.id || '';
  const code = (currency ?? currencies.data?.[0] ?? '').trim().toUpperCase();
  const set = (i: number, patch: Partial<Line>) => setLines(lines.map((line, j) => (j === i ? { ...line, ...patch } : line)));
  const create = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/purchase-orders', {
      headers: { 'idempotency-key': key },
      body: {
        supplier_id: supplier,
        location_id: location,
        currency_code: code,
        // The day typed is the shop's: midnight there, as the lists show it.
        expected_at: expected ? fromLocalInput(`${expected}T00:00`) : null,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        // An unreadable cost goes as NaN (null in JSON), so the API's refusal names the line's field.
        lines: lines.map((l) => ({ variant_id: l.variant.id, quantity: Number(l.quantity), unit_cost: parseMoney(l.cost, code) ?? Number.NaN })),
      },
    })),
    onSuccess: async (po) => {
      await queryClient.invalidateQueries({ queryKey: ['purchase-orders'] });
      toast('Purchase order drafted');
      navigate({ to: '/purchase-orders/$id', params: { id: po.id } });
    },
  });
  const errors = create.fieldErrors;
  const noSuppliers = suppliers.data?.data.length === 0;
  return (
    <Page title="New purchase order" back={{ label: 'Back to purchase orders', to: '/purchase-orders' }}>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
        <ErrorBanner error={create.bannerError ?? suppliers.error ?? locations.error} />
        <DetailLayout
          main={
            <Card title="Lines">
              <div className="flex flex-col gap-3">
                {errors.lines && <p className="text-xs text-[var(--critical-text)]">{errors.lines}</p>}
                <ul className="flex flex-col gap-3">
                  {lines.map((line, i) => {
                    const name = `${line.variant.product_title}${line.variant.title && line.variant.title !== 'Default' ? ` (${line.variant.title})` : ''}`;
                    const costError = errors[`lines.${i}.unit_cost`] ?? (line.cost.trim() && parseMoney(line.cost, code) === null ? `Not an amount in ${code}` : null);
                    return (
                      <li key={line.variant.id} className="flex flex-wrap items-end gap-3 border-b border-[var(--border)] pb-3">
                        <div className="min-w-48 flex-1">
                          <div className="font-medium">{name}</div>
                          {line.variant.sku && <div className="text-xs text-[var(--muted)]">SKU {line.variant.sku}</div>}
                        </div>
                        <TextField label={`Quantity of ${name}`} className="w-36" type="number" required value={line.quantity}
                          onChange={(e) => set(i, { quantity: e.target.value })} error={errors[`lines.${i}.quantity`]} data-field={`lines.${i}.quantity`} />
                        <TextField label={`Unit cost of ${name} (${code})`} className="w-44" inputMode="decimal" required value={line.cost}
                          onChange={(e) => set(i, { cost: e.target.value })} error={costError} data-field={`lines.${i}.unit_cost`} />
                        <button type="button" className="button" onClick={() => setLines(lines.filter((_, j) => j !== i))}>Remove {name}</button>
                      </li>
                    );
                  })}
                </ul>
                <VariantSearch currency={code} onPick={(variant) => { if (!lines.some((l) => l.variant.id === variant.id)) setLines([...lines, { variant, quantity: '1', cost: '' }]); }} />
              </div>
            </Card>
          }
          side={<>
            <Card title="Supplier">
              {noSuppliers
                ? <p className="text-sm">No suppliers yet: <Link to="/suppliers" className="underline">add one</Link> first.</p>
                : (
                  <SelectField label="Supplier" value={supplier} onChange={(e) => setSupplierId(e.target.value)} error={errors.supplier_id} data-field="supplier_id">
                    {suppliers.data?.data.map((s) => <option key={s.id} value={s.id}>{s.name}{s.code ? ` (${s.code})` : ''}</option>)}
                  </SelectField>
                )}
            </Card>
            <Card title="Delivery">
              <div className="flex flex-col gap-3">
                <SelectField label="Destination location" hint="Where the units are received." value={location} onChange={(e) => setLocationId(e.target.value)} error={errors.location_id} data-field="location_id">
                  {locations.data?.data.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
                </SelectField>
                <TextField label="Currency" hint="The supplier's invoice currency (ISO code)." list="purchase-order-currencies" maxLength={3} value={currency ?? code}
                  onChange={(e) => setCurrency(e.target.value)} error={errors.currency_code} data-field="currency_code" />
                <datalist id="purchase-order-currencies">{currencies.data?.map((c) => <option key={c} value={c} />)}</datalist>
                <TextField label="Expected on" type="date" hint="A day in the shop's time zone. Optional." value={expected} onChange={(e) => setExpected(e.target.value)}
                  error={errors.expected_at} data-field="expected_at" />
              </div>
            </Card>
            <Card title="Reference and note">
              <div className="flex flex-col gap-3">
                <TextField label="Reference (optional)" hint="Your or the supplier's order number." value={reference} onChange={(e) => setReference(e.target.value)} error={errors.reference} data-field="reference" />
                <TextField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} data-field="note" />
              </div>
            </Card>
          </>}
        />
        <div className="mt-4 flex justify-end">
          <button type="submit" className="button button-primary" disabled={create.isPending || lines.length === 0 || !supplier}>{create.isPending ? 'Saving…' : 'Save draft'}</button>
        </div>
      </form>
    </Page>
  );
}
