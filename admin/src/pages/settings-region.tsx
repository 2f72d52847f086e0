import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { ConfirmButton } from '../ui/confirm-dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

type Region = paths['/admin/regions/{id}']['get']['responses'][200]['content']['application/json'];

/** "fr, de , BE" → ["FR", "DE", "BE"]. */
const countryList = (text: string) => text.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
const percent = (text: string) => (text.trim() === '' ? undefined : Number(text));

export default function RegionPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const region = useQuery({ queryKey: ['regions', id], enabled: !!id, queryFn: () => ok(api.GET('/admin/regions/{id}', { params: { path: { id: id! } } })) });
  if (id && !region.data) {
    return <Page title="Region" back={{ label: 'Back to regions', to: '/settings/regions' }}>{region.error ? <ErrorBanner error={region.error} onRetry={() => region.refetch()} /> : <p aria-busy="true">Loading region…</p>}</Page>;
  }
  return <RegionForm key={id ?? 'new'} region={region.data} />;
}

function RegionForm({ region }: { region?: Region }) {
  const can = useCan();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(region?.name ?? '');
  const [currency, setCurrency] = useState(region?.currency_code ?? '');
  const [countries, setCountries] = useState(region?.countries.join(', ') ?? '');
  const [inclusive, setInclusive] = useState(region?.tax_inclusive ?? false);
  const [rate, setRate] = useState(region?.default_tax_rate?.toString() ?? '0');
  const body = () => ({ name: name.trim(), currency_code: currency.trim(), countries: countryList(countries), tax_inclusive: inclusive, default_tax_rate: percent(rate) });
  const save = useFormMutation({
    mutationFn: () => region
      ? ok(api.POST('/admin/regions/{id}', { params: { path: { id: region.id } }, body: body() }))
      : ok(api.POST('/admin/regions', { body: body()})),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['regions', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['regions'] });
      toast(region ? 'Region saved' : 'Region created');
      if (!region) navigate({ to: '/settings/regions/$id', params: { id: saved.id } });
    },
  });
  const errors = save.fieldErrors;
  // The API names one country by its place in the list (countries.2): say which one it is.
  const countryError = () => {
    const [field, message] = Object.entries(errors).find(([k]) => k.startsWith('countries.')) ?? [];
    return field && `${countryList(countries)[Number(field.split('.')[1])]}: ${message}`;
  };
  const editable = can('settings:write');
  return (
    <Page title={region ? region.name : 'Create region'} back={{ label: 'Back to regions', to: '/settings/regions' }}
      actions={region && editable && (
        <ConfirmButton label="Delete region" verb="Delete region" title={`Delete the region ${region.name}?`}
          description={`Its tax rates and shipping options are deleted with it; its countries (${region.countries.join(', ') || 'none'}) can then join another region. A region that carts or orders have used cannot be deleted: move its countries to another region instead.`}
          run={() => ok(api.DELETE('/admin/regions/{id}', { params: { path: { id: region.id } } }))}
          onDone={async () => {
            queryClient.removeQueries({ queryKey: ['regions', region.id] });
            await queryClient.invalidateQueries({ queryKey: ['regions'] });
            await queryClient.invalidateQueries({ queryKey: ['shipping-options'] });
            toast(`Region ${region.name} deleted`);
            await navigate({ to: '/settings/regions' });
          }} />
      )}>
      <DetailLayout
        main={<>
          <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
            <ErrorBanner error={save.bannerError} />
            <fieldset disabled={!editable} className="contents">
              <Card title="Region">
                <div className="flex flex-col gap-3">
                  <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} data-field="name" />
                  <TextField label="Currency" required hint="ISO 4217 code (USD, EUR). Prices and shipping in this region use it." maxLength={3} className="w-48"
                    value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} error={errors.currency_code} data-field="currency_code" />
                  <TextField label="Countries" hint="Two-letter codes, separated by commas (FR, DE). A country belongs to one region." value={countries}
                    onChange={(e) => setCountries(e.target.value)} error={errors.countries ?? countryError()} data-field="countries" />
                  <SelectField label="Tax mode" value={inclusive ? 'inclusive' : 'exclusive'} onChange={(e) => setInclusive(e.target.value === 'inclusive')}>
                    <option value="exclusive">Added on top of prices</option>
                    <option value="inclusive">Included in prices (VAT style)</option>
                  </SelectField>
                  <TextField label="Default tax rate (%)" type="number" min={0} max={100} step="any" className="w-48" value={rate}
                    onChange={(e) => setRate(e.target.value)} error={errors.default_tax_rate} data-field="default_tax_rate" />
                </div>
                {editable && (
                  <div className="mt-4 flex justify-end">
                    <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : region ? 'Save region' : 'Create region'}</button>
                  </div>
                )}
              </Card>
            </fieldset>
          </form>
          {region && <TaxRates region={region} editable={editable} />}
        </>}
        side={<Card title="How tax is worked out"><p className="text-sm">A line pays the rate of the most specific override that matches its country and the product's tax class, else the region's default rate.</p></Card>}
      />
    </Page>
  );
}

/** The region's overrides: by country, by tax class, or both. */
function TaxRates({ region, editable }: { region: Region; editable: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const key = ['regions', region.id, 'tax-rates'];
  const rates = useQuery({ queryKey: key, queryFn: () => ok(api.GET('/admin/regions/{region_id}/tax-rates', { params: { path: { region_id: region.id }, query: { limit: 100 } } })) });
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [taxClass, setTaxClass] = useState('');
  const [rate, setRate] = useState('');
  const add = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/regions/{region_id}/tax-rates', {
      params: { path: { region_id: region.id } },
      body: { name: name.trim(), country_code: country || null, tax_class: taxClass.trim() || null, rate: percent(rate) ?? Number.NaN },
    })),
    onSuccess: async () => {
      setName(''); setCountry(''); setTaxClass(''); setRate('');
      await queryClient.invalidateQueries({ queryKey: key });
      toast('Tax rate added');
    },
  });
  const remove = useFormMutation({
    mutationFn: (id: string) => ok(api.DELETE('/admin/regions/{region_id}/tax-rates/{id}', { params: { path: { region_id: region.id, id } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: key }); toast('Tax rate removed'); },
  });
  return (
    <Card title="Tax rate overrides">
      <ErrorBanner error={remove.error} />
      <DataTable caption="Tax rate overrides" rows={rates.data?.data} rowKey={(r) => r.id} loading={rates.isFetching} error={rates.error} onRetry={() => rates.refetch()}
        empty="None: every line pays the default rate."
        columns={[
          { header: 'Name', cell: (r) => r.name },
          { header: 'Country', cell: (r) => r.country_code ?? 'All' },
          { header: 'Tax class', cell: (r) => r.tax_class ?? 'All products' },
          { header: 'Rate', cell: (r) => `${r.rate} %`, align: 'right' },
          ...(editable ? [{ header: 'Actions', cell: (r: { id: string; name: string }) => (
            <button type="button" className="button button-danger" aria-label={`Remove tax rate ${r.name}`} disabled={remove.isPending}
              onClick={() => { if (window.confirm(`Remove ${r.name}? Lines it matched pay the default rate again.`)) remove.mutate(r.id); }}>Remove</button>
          ) }] : []),
        ]} />
      {editable && (
        <form className="mt-4 flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); add.mutate(undefined); }}>
          <TextField label="Rate name" required value={name} onChange={(e) => setName(e.target.value)} error={add.fieldErrors.name} data-field="name" />
          <SelectField label="Country" value={country} onChange={(e) => setCountry(e.target.value)} error={add.fieldErrors.country_code}>
            <option value="">All countries</option>
            {region.countries.map((c) => <option key={c} value={c}>{c}</option>)}
          </SelectField>
          <TextField label="Tax class" hint="Empty: every product." value={taxClass} onChange={(e) => setTaxClass(e.target.value)} error={add.fieldErrors.tax_class} data-field="tax_class" />
          <TextField label="Override rate (%)" type="number" required min={0} max={100} step="any" className="w-32" value={rate} onChange={(e) => setRate(e.target.value)} error={add.fieldErrors.rate} data-field="rate" />
          <button type="submit" className="button" disabled={add.isPending}>Add tax rate</button>
          <ErrorBanner error={add.bannerError} />
        </form>
      )}
    </Card>
  );
}
