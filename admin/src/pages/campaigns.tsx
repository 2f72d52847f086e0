import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { useCurrencies } from '../lib/catalog.ts';
import { formatDateTime, formatMoney, formatNumber, fromLocalInput, moneyInput, parseMoney, toLocalInput } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { campaignsQuery, describeBudgets, type Campaign } from '../lib/promotions.ts';
import { useCan } from '../lib/session.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';
import { Card, Page } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

/** Campaigns: promotions grouped under shared dates and a budget per currency (docs/promotions.md#campaigns). */
export default function CampaignsPage() {
  const can = useCan();
  const list = useQuery(campaignsQuery);
  const [editing, setEditing] = useState<Campaign | null>(null);
  const dates = (c: Campaign) => [c.starts_at ? `from ${formatDateTime(c.starts_at)}` : null, c.ends_at ? `until ${formatDateTime(c.ends_at)}` : null].filter(Boolean).join(' ') || 'Always';
  return (
    <Page title="Campaigns" back={{ label: 'Back to promotions', to: '/promotions' }}>
      {can('products:write') && <CampaignForm key={editing?.id ?? 'new'} campaign={editing} onDone={() => setEditing(null)} />}
      <DataTable caption="Campaigns" rows={list.data?.data} rowKey={(c) => c.id} loading={list.isFetching} error={list.error} onRetry={() => list.refetch()}
        empty="No campaigns yet."
        columns={[
          { header: 'Name', cell: (c) => can('products:write') ? <button type="button" className="row-link text-left" aria-label={`Edit ${c.name}`} onClick={() => setEditing(c)}>{c.name}</button> : c.name },
          { header: 'Dates', cell: dates, secondary: true },
          { header: 'Budget used', cell: describeBudgets },
          { header: 'Promotions', cell: (c) => formatNumber(c.promotion_ids.length), align: 'right', secondary: true },
          { header: 'Uses', cell: (c) => formatNumber(c.usage_count), align: 'right' },
          { header: 'Orders', cell: (c) => formatNumber(c.order_count), align: 'right' },
          { header: 'Discount given', cell: (c) => c.discount_given.map((d) => formatMoney(d.amount, d.currency_code)).join(', ') || '—', align: 'right' },
        ]} />
    </Page>
  );
}

function CampaignForm({ campaign, onDone }: { campaign: Campaign | null; onDone: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const currencies = useCurrencies().data ?? [];
  const [name, setName] = useState(campaign?.name ?? '');
  const [startsAt, setStartsAt] = useState(toLocalInput(campaign?.starts_at ?? null));
  const [endsAt, setEndsAt] = useState(toLocalInput(campaign?.ends_at ?? null));
  const [budgets, setBudgets] = useState<Record<string, string>>(Object.fromEntries((campaign?.budgets ?? []).map((b) => [b.currency_code, moneyInput(b.amount, b.currency_code)])));
  const typedBudgets = currencies.flatMap((c) => {
    const amount = parseMoney(budgets[c] ?? '', c);
    return amount === null ? [] : [{ currency_code: c, amount }];
  });
  const body = () => ({ name: name.trim(), starts_at: fromLocalInput(startsAt), ends_at: fromLocalInput(endsAt), budgets: typedBudgets });
  const save = useFormMutation({
    mutationFn: () => campaign
      ? ok(api.POST('/admin/campaigns/{id}', { params: { path: { id: campaign.id } }, body: body() }))
      : ok(api.POST('/admin/campaigns', { body: body() })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: campaignsQuery.queryKey });
      toast(campaign ? 'Campaign saved' : 'Campaign created');
      if (campaign) onDone();
      else { setName(''); setStartsAt(''); setEndsAt(''); setBudgets({}); }
    },
  });
  const errors = save.fieldErrors;
  return (
    <Card title={campaign ? `Edit ${campaign.name}` : 'Create a campaign'} className="mb-4">
      <form className="flex flex-col gap-3" onSubmit={(e) => {
        e.preventDefault();
        // A budget that is not an amount would be left out silently: fix it first.
        const unreadable = currencies.find((c) => budgets[c]?.trim() && parseMoney(budgets[c], c) === null);
        if (unreadable) e.currentTarget.querySelector<HTMLElement>(`[data-currency="${unreadable}"]`)?.focus();
        else save.mutate(undefined);
      }}>
        <ErrorBanner error={save.bannerError} />
        <TextField label="Campaign name" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} data-field="name" />
        <div className="flex flex-wrap gap-2">
          <TextField label="Starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={errors.starts_at} data-field="starts_at" />
          <TextField label="Ends" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} error={errors.ends_at} data-field="ends_at" />
        </div>
        <div className="flex flex-wrap gap-2">
          {currencies.map((c) => {
            // The server names a budget by its place in the list sent, which skips empty currencies.
            const sent = typedBudgets.findIndex((b) => b.currency_code === c);
            return (
              <TextField key={c} className="w-40" label={`Budget (${c})`} inputMode="decimal" hint="Empty: none in this currency." value={budgets[c] ?? ''}
                onChange={(e) => setBudgets({ ...budgets, [c]: e.target.value })}
                error={errors[`budgets.${sent}.amount`] ?? (budgets[c] && parseMoney(budgets[c], c) === null ? 'Not an amount' : null)} data-field={`budgets.${sent}.amount`} data-currency={c} />
            );
          })}
        </div>
        <p className="text-xs text-[var(--muted)]">With budgets, its promotions apply only in those currencies and together give at most the budget in each.</p>
        {errors.budgets && <p role="alert" className="text-sm text-[var(--critical-text)]">{errors.budgets}</p>}
        <div className="flex flex-wrap justify-end gap-2">
          {campaign && <button type="button" className="button" onClick={onDone}>Cancel</button>}
          <button type="submit" className="button button-primary" disabled={save.isPending}>{campaign ? 'Save campaign' : 'Create campaign'}</button>
        </div>
      </form>
    </Card>
  );
}
