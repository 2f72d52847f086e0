import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { useFormMutation } from '../lib/forms.ts';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { LinePicker, pickedLinesBody, type PickedLine } from '../ui/line-picker.tsx';
import { Card, DetailLayout, Page } from '../ui/page.tsx';

const ADDRESS_FIELDS = [
  ['first_name', 'First name'], ['last_name', 'Last name'], ['address_1', 'Address'], ['city', 'City'], ['postal_code', 'Postal code'], ['country_code', 'Country code'],
] as const;
type Address = Record<(typeof ADDRESS_FIELDS)[number][0], string>;

/**
 * A draft order for a phone or invoice sale: the customer's email, lines found by search (custom prices
 * with a reason), the shipping address and option. Created open; the payment link is sent from the list.
 */
export default function DraftOrderNewPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => ok(api.GET('/admin/regions', { params: { query: { limit: 100 } } })) });
  const [regionId, setRegionId] = useState('');
  const region = regions.data?.data.find((r) => r.id === regionId) ?? regions.data?.data[0];
  const options = useQuery({
    queryKey: ['shipping-options', { region_id: region?.id }],
    enabled: !!region,
    queryFn: () => ok(api.GET('/admin/shipping-options', { params: { query: { region_id: region!.id, limit: 100 } } })),
  });
  const [email, setEmail] = useState('');
  const [lines, setLines] = useState<PickedLine[]>([]);
  const [address, setAddress] = useState<Address>({ first_name: '', last_name: '', address_1: '', city: '', postal_code: '', country_code: '' });
  const [optionId, setOptionId] = useState('');
  const [note, setNote] = useState('');
  const [key] = useState(idempotencyKey);
  const currency = region?.currency_code ?? 'USD';
  const active = options.data?.data.filter((o) => o.active) ?? [];
  const create = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/draft-orders', {
      headers: { 'idempotency-key': key },
      body: {
        email: email.trim(),
        region_id: region?.id,
        lines: pickedLinesBody(lines, currency),
        shipping_address: { ...address, country_code: address.country_code.trim().toUpperCase() },
        shipping_option_id: optionId || active[0]?.id || '',
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['draft-orders'] });
      toast('Draft order created');
      navigate({ to: '/draft-orders' });
    },
  });
  const errors = create.fieldErrors;
  return (
    <Page title="Create draft order" back={{ label: 'Back to draft orders', to: '/draft-orders' }}>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
        <ErrorBanner error={create.bannerError} />
        <DetailLayout
          main={<>
            <Card title="Items">
              <LinePicker lines={lines} onChange={setLines} currency={currency} field="lines" errors={errors} />
            </Card>
            <Card title="Shipping address">
              <div className="grid gap-3 sm:grid-cols-2">
                {ADDRESS_FIELDS.map(([name, label]) => (
                  <TextField key={name} label={label} required value={address[name]} onChange={(e) => setAddress({ ...address, [name]: e.target.value })}
                    error={errors[`shipping_address.${name}`]} data-field={`shipping_address.${name}`} />
                ))}
              </div>
            </Card>
          </>}
          side={<>
            <Card title="Customer">
              <TextField label="Customer email" type="email" required hint="The payment link goes here." value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} data-field="email" />
            </Card>
            <Card title="Region and shipping">
              <div className="flex flex-col gap-3">
                <SelectField label="Region" value={region?.id ?? ''} onChange={(e) => { setRegionId(e.target.value); setOptionId(''); }} error={errors.region_id}>
                  {regions.data?.data.map((r) => <option key={r.id} value={r.id}>{r.name} ({r.currency_code})</option>)}
                </SelectField>
                <SelectField label="Shipping option" value={optionId || active[0]?.id || ''} onChange={(e) => setOptionId(e.target.value)} error={errors.shipping_option_id}>
                  {active.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                </SelectField>
              </div>
            </Card>
            <Card title="Note">
              <TextField label="Note for staff (optional)" value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} data-field="note" />
            </Card>
          </>}
        />
        <div className="mt-4 flex justify-end">
          <button type="submit" className="button button-primary" disabled={create.isPending || lines.length === 0}>{create.isPending ? 'Creating…' : 'Create draft order'}</button>
        </div>
      </form>
    </Page>
  );
}
