import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { moneyInput, parseMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { ConfirmButton } from '../ui/confirm-dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';

type Option = paths['/admin/shipping-options/{id}']['get']['responses'][200]['content']['application/json'];
type Band = { grams: string; amount: string };
/** How the option is priced, as staff think of it: free-over is a flat price with a threshold. */
type Pricing = 'flat' | 'free_over' | 'weight' | 'calculated';

function pricingOf(option?: Option): Pricing {
  if (option?.price_type === 'weight' || option?.price_type === 'calculated') return option.price_type;
  return option?.free_over_amount != null ? 'free_over' : 'flat';
}

export default function ShippingOptionPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const option = useQuery({ queryKey: ['shipping-options', id], enabled: !!id, queryFn: () => ok(api.GET('/admin/shipping-options/{id}', { params: { path: { id: id! } } })) });
  if (id && !option.data) {
    return <Page title="Shipping option" back={{ label: 'Back to shipping', to: '/settings/shipping' }}>{option.error ? <ErrorBanner error={option.error} onRetry={() => option.refetch()} /> : <p aria-busy="true">Loading shipping option…</p>}</Page>;
  }
  return <OptionForm key={id ?? 'new'} option={option.data} />;
}

function OptionForm({ option }: { option?: Option }) {
  const can = useCan();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => ok(api.GET('/admin/regions', { params: { query: { limit: 100 } } })) });
  const [regionId, setRegionId] = useState(option?.region_id ?? '');
  const region = regions.data?.data.find((r) => r.id === (regionId || regions.data?.data[0]?.id));
  const currency = option?.currency_code ?? region?.currency_code ?? 'USD';
  const [name, setName] = useState(option?.name ?? '');
  const [pricing, setPricing] = useState<Pricing>(pricingOf(option));
  const carriers = useQuery({ queryKey: ['carriers'], queryFn: () => ok(api.GET('/admin/carriers')) });
  const rating = carriers.data?.data.filter((c) => c.rates) ?? [];
  const [carrierId, setCarrierId] = useState(option?.carrier_id ?? '');
  const [service, setService] = useState(option?.carrier_service ?? '');
  // Empty markups are none; an option without one shows empty fields, not 0.00 in a currency not known yet.
  const [markupPercent, setMarkupPercent] = useState(option?.rate_markup_percent ? String(option.rate_markup_percent) : '');
  const [markupAmount, setMarkupAmount] = useState(option?.rate_markup_amount ? moneyInput(option.rate_markup_amount, currency) : '');
  const [amount, setAmount] = useState(moneyInput(option?.amount, currency));
  const [freeOver, setFreeOver] = useState(moneyInput(option?.free_over_amount, currency));
  const [bands, setBands] = useState<Band[]>(option?.weight_bands?.map((b) => ({ grams: String(b.up_to_grams), amount: moneyInput(b.amount, currency) })) ?? [{ grams: '', amount: '' }]);
  const [position, setPosition] = useState(String(option?.position ?? 0));
  const [active, setActive] = useState(option?.active ?? true);
  const money = (text: string) => parseMoney(text, currency);
  const calculated = pricing === 'calculated';
  // Every pricing field is sent, so a change of price type clears what the old type used.
  const body = () => ({
    name: name.trim(),
    price_type: calculated ? 'calculated' as const : pricing === 'weight' ? 'weight' as const : 'flat' as const,
    amount: pricing === 'weight' ? null : money(amount),
    free_over_amount: pricing === 'free_over' || (calculated && freeOver.trim()) ? money(freeOver) : null,
    weight_bands: pricing === 'weight' ? bands.map((b) => ({ up_to_grams: Number(b.grams), amount: money(b.amount) ?? Number.NaN })) : null,
    carrier_id: calculated ? carrierId || rating[0]?.id || null : null,
    carrier_service: calculated ? service.trim() || null : null,
    rate_markup_percent: calculated && markupPercent.trim() ? Number(markupPercent) : 0,
    // Unreadable text goes as NaN (null in JSON), for the API to name the field.
    rate_markup_amount: calculated && markupAmount.trim() ? money(markupAmount) ?? Number.NaN : 0,
    position: Number(position) || 0,
    active,
  });
  const save = useFormMutation({
    mutationFn: () => option
      ? ok(api.POST('/admin/shipping-options/{id}', { params: { path: { id: option.id } }, body: body() }))
      : ok(api.POST('/admin/shipping-options', { body: { ...body(), region_id: region?.id ?? '' } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['shipping-options', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['shipping-options'] });
      toast(option ? 'Shipping option saved' : 'Shipping option created');
      if (!option) navigate({ to: '/settings/shipping/$id', params: { id: saved.id } });
    },
  });
  const errors = save.fieldErrors;
  const editable = can('settings:write');
  const amountError = (text: string) => (text && money(text) === null ? `Not an amount in ${currency}` : null);
  return (
    <Page title={option ? option.name : 'Create shipping option'} back={{ label: 'Back to shipping', to: '/settings/shipping' }}
      actions={option && editable && (
        <ConfirmButton label="Delete shipping option" verb="Delete shipping option" title={`Delete the shipping option ${option.name}?`}
          description="Carts that chose it must choose another option at checkout; orders already placed keep their shipping and its price. To stop offering it for a while, untick “Offered to carts” instead."
          run={() => ok(api.DELETE('/admin/shipping-options/{id}', { params: { path: { id: option.id } } }))}
          onDone={async () => {
            queryClient.removeQueries({ queryKey: ['shipping-options', option.id] });
            await queryClient.invalidateQueries({ queryKey: ['shipping-options'] });
            toast(`Shipping option ${option.name} deleted`);
            await navigate({ to: '/settings/shipping' });
          }} />
      )}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <ErrorBanner error={save.bannerError} />
        <fieldset disabled={!editable} className="contents">
          <DetailLayout
            main={<>
              <Card title="Option">
                <div className="flex flex-col gap-3">
                  {option
                    ? <p className="text-sm">Region: {regions.data?.data.find((r) => r.id === option.region_id)?.name ?? option.region_id} ({currency})</p>
                    : <SelectField label="Region" value={region?.id ?? ''} onChange={(e) => setRegionId(e.target.value)} error={errors.region_id}>
                        {regions.data?.data.map((r) => <option key={r.id} value={r.id}>{r.name} ({r.currency_code})</option>)}
                      </SelectField>}
                  <TextField label="Name" required hint="Buyers see it at checkout." value={name} onChange={(e) => setName(e.target.value)} error={errors.name} data-field="name" />
                </div>
              </Card>
              <Card title="Price">
                <div className="flex flex-col gap-3">
                  <SelectField label="Price type" value={pricing} onChange={(e) => setPricing(e.target.value as Pricing)}>
                    <option value="flat">Flat price</option>
                    <option value="free_over">Flat price, free over an amount</option>
                    <option value="weight">By weight bands</option>
                    <option value="calculated" disabled={!calculated && rating.length === 0}>Carrier’s live rate{!calculated && carriers.data && rating.length === 0 ? ' (no carrier quotes rates)' : ''}</option>
                  </SelectField>
                  {calculated && (
                    <>
                      <SelectField label="Carrier" value={carrierId || rating[0]?.id || ''} onChange={(e) => setCarrierId(e.target.value)} error={errors.carrier_id}
                        hint="Carriers that quote rates (Settings › Carriers)." data-field="carrier_id">
                        {rating.map((c) => <option key={c.id} value={c.id}>{c.id}</option>)}
                        {carrierId && !rating.some((c) => c.id === carrierId) && <option value={carrierId}>{carrierId} (not set up)</option>}
                      </SelectField>
                      <TextField label="Carrier service" className="w-64" hint="The carrier’s service code (ground, express…). Empty: its cheapest rate." value={service}
                        onChange={(e) => setService(e.target.value)} error={errors.carrier_service} data-field="carrier_service" />
                      <div className="flex flex-wrap gap-3">
                        <TextField label="Markup (%)" type="number" min={0} max={1000} step="any" className="w-36" value={markupPercent}
                          onChange={(e) => setMarkupPercent(e.target.value)} error={errors.rate_markup_percent} data-field="rate_markup_percent" />
                        <TextField label={`Markup amount (${currency})`} inputMode="decimal" className="w-48" value={markupAmount}
                          onChange={(e) => setMarkupAmount(e.target.value)} error={errors.rate_markup_amount ?? amountError(markupAmount)} data-field="rate_markup_amount" />
                      </div>
                      <p className="text-xs text-[var(--muted)]">Buyers pay the carrier’s rate plus the percentage (rounded half up), plus the amount.</p>
                    </>
                  )}
                  {pricing !== 'weight' && (
                    <TextField label={calculated ? `Fallback price (${currency})` : `Price (${currency})`} inputMode="decimal" required className="w-48" value={amount} onChange={(e) => setAmount(e.target.value)}
                      hint={calculated ? 'Charged when the carrier is down or too slow to answer, so checkout never fails because of it.' : undefined}
                      error={errors.amount ?? amountError(amount)} data-field="amount" />
                  )}
                  {(pricing === 'free_over' || calculated) && (
                    <TextField label={`Free when the items reach (${currency})`} inputMode="decimal" required={!calculated} className="w-64"
                      hint={calculated ? 'The items subtotal after discounts. Empty: never free.' : 'The items subtotal after discounts.'} value={freeOver}
                      onChange={(e) => setFreeOver(e.target.value)} error={errors.free_over_amount ?? amountError(freeOver)} data-field="free_over_amount" />
                  )}
                  {pricing === 'weight' && (
                    <fieldset className="flex flex-col gap-2">
                      <legend className="mb-1 text-sm font-medium">Weight bands</legend>
                      <p className="text-xs text-[var(--muted)]">Each band prices carts up to its weight; a heavier cart cannot use the option. Weights strictly increasing.</p>
                      {errors.weight_bands && <p className="text-xs text-[var(--critical-text)]">{errors.weight_bands}</p>}
                      {bands.map((band, i) => (
                        <div key={i} className="flex flex-wrap items-end gap-2">
                          <TextField label={`Band ${i + 1} up to (grams)`} type="number" min={1} required className="w-44" value={band.grams}
                            onChange={(e) => setBands(bands.map((b, j) => (j === i ? { ...b, grams: e.target.value } : b)))}
                            error={errors[`weight_bands.${i}.up_to_grams`]} data-field={`weight_bands.${i}.up_to_grams`} />
                          <TextField label={`Band ${i + 1} price (${currency})`} inputMode="decimal" required className="w-44" value={band.amount}
                            onChange={(e) => setBands(bands.map((b, j) => (j === i ? { ...b, amount: e.target.value } : b)))}
                            error={errors[`weight_bands.${i}.amount`] ?? amountError(band.amount)} data-field={`weight_bands.${i}.amount`} />
                          {bands.length > 1 && <button type="button" className="button" onClick={() => setBands(bands.filter((_, j) => j !== i))}>Remove band {i + 1}</button>}
                        </div>
                      ))}
                      <div><button type="button" className="button" onClick={() => setBands([...bands, { grams: '', amount: '' }])}>Add band</button></div>
                    </fieldset>
                  )}
                </div>
              </Card>
            </>}
            side={
              <Card title="Availability">
                <div className="flex flex-col gap-3">
                  <label className="flex items-center gap-2"><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Offered to carts</label>
                  <TextField label="Position" type="number" min={0} hint="Carts list options by position, then name." value={position} onChange={(e) => setPosition(e.target.value)} error={errors.position} data-field="position" />
                </div>
              </Card>
            }
          />
          {editable && (
            <div className="mt-4 flex justify-end">
              <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : option ? 'Save shipping option' : 'Create shipping option'}</button>
            </div>
          )}
        </fieldset>
      </form>
    </Page>
  );
}
