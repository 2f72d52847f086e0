import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api.ts';
import { formatDateTime, humanize } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from './badge.tsx';
import { ErrorBanner, useToast } from './feedback.tsx';
import { Card } from './page.tsx';

const CHANNELS = ['email', 'sms'] as const;
const channelName = { email: 'Email', sms: 'SMS' };

/** A customer's marketing consent per channel, with every grant and withdrawal (docs/marketing.md#consent). */
export function MarketingConsentCard({ customerId }: { customerId: string }) {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const consent = useQuery({
    queryKey: ['customers', customerId, 'marketing-consent'],
    queryFn: () => ok(api.GET('/admin/customers/{id}/marketing-consent', { params: { path: { id: customerId } } })),
  });
  // Staff record what the customer said outside the storefront (by phone, in the shop): source "admin".
  const record = useFormMutation({
    mutationFn: (change: { channel: 'email' | 'sms'; granted: boolean }) =>
      ok(api.POST('/admin/customers/{id}/marketing-consent', { params: { path: { id: customerId } }, body: { [change.channel]: change.granted } })),
    onSuccess: async (_, change) => {
      await queryClient.invalidateQueries({ queryKey: ['customers', customerId, 'marketing-consent'] });
      toast(`${channelName[change.channel]} consent ${change.granted ? 'recorded' : 'withdrawn'}`);
    },
  });
  const c = consent.data;
  return (
    <Card title="Marketing consent">
      <ErrorBanner error={consent.error ?? record.bannerError} onRetry={consent.error ? () => consent.refetch() : undefined} />
      {!c ? !consent.error && <p aria-busy="true">Loading…</p> : (
        <>
          <dl className="dl">
            {CHANNELS.map((channel) => (
              <div key={channel} className="contents">
                <dt>{channelName[channel]}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={c[channel].granted ? 'active' : 'canceled'} label={c[channel].granted ? 'Subscribed' : c[channel].recorded_at ? 'Withdrawn' : 'Never asked'} />
                  {can('customers:write') && (
                    <button type="button" className="button" disabled={record.isPending} onClick={() => record.mutate({ channel, granted: !c[channel].granted })}>
                      {c[channel].granted ? `Withdraw ${channelName[channel]}` : `Record ${channelName[channel]} consent`}
                    </button>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          {(c.history ?? []).length > 0 && (
            <table className="data-table mt-3">
              <caption className="text-left text-sm font-medium">History, oldest first</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Channel</th><th scope="col">Consent</th><th scope="col">Where</th></tr></thead>
              <tbody>{c.history!.map((h, i) => (
                <tr key={i}>
                  <td>{formatDateTime(h.recorded_at)}</td><td>{channelName[h.channel]}</td><td>{h.granted ? 'Given' : 'Withdrawn'}</td><td>{humanize(h.source)}</td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </>
      )}
    </Card>
  );
}
