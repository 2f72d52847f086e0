import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { useCurrencies } from '../lib/catalog.ts';
import { formatDay, fromLocalInput, parseMoney } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { balanceOf, giftCardStatus } from '../lib/gift-cards.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable, Pagination } from '../ui/table.tsx';

export default function GiftCardsPage() {
  const search = useSearch({ from: '/signed-in/gift-cards' });
  const can = useCan();
  const [issuing, setIssuing] = useState(false);
  const cards = useQuery({
    queryKey: ['gift-cards', 'list', search],
    placeholderData: keepPreviousData,
    queryFn: () => ok(api.GET('/admin/gift-cards', { params: { query: { cursor: search.cursor, limit: search.limit ?? 20 } } })),
  });
  return (
    <Page title="Gift cards" actions={can('orders:refund') && <button type="button" className="button button-primary" onClick={() => setIssuing(true)}>Issue gift card</button>}>
      <DataTable
        caption="Gift cards"
        rows={cards.data?.data}
        rowKey={(c) => c.id}
        loading={cards.isFetching}
        error={cards.error}
        onRetry={() => cards.refetch()}
        empty="No gift cards yet: issue one to sell or to give."
        columns={[
          { header: 'Card', cell: (c) => <Link to="/gift-cards/$id" params={{ id: c.id }} className="font-medium">Ending {c.last4}</Link> },
          { header: 'Balance', align: 'right', cell: (c) => balanceOf(c) },
          { header: 'Status', cell: (c) => <StatusBadge status={giftCardStatus(c)} /> },
          { header: 'Expires', secondary: true, cell: (c) => (c.expires_at ? formatDay(c.expires_at) : 'Never') },
          { header: 'Customer', secondary: true, cell: (c) => (c.customer_id ? <Link to="/customers/$id" params={{ id: c.customer_id }} className="row-link">{c.customer_id}</Link> : '—') },
          { header: 'Issued', secondary: true, cell: (c) => formatDay(c.created_at) },
        ]}
      />
      <Pagination search={search} nextCursor={cards.data?.next_cursor} />
      {issuing && <IssueDialog onClose={() => setIssuing(false)} />}
    </Page>
  );
}

/** Issue a card: the code is answered once, so the dialog shows it with a copy button before closing. */
function IssueDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const currencies = useCurrencies().data ?? [];
  const [currency, setCurrency] = useState('');
  const [amount, setAmount] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [email, setEmail] = useState('');
  const [key] = useState(idempotencyKey);
  const chosen = currency || currencies[0] || 'USD';
  const issue = useFormMutation({
    mutationFn: async () => {
      const minor = parseMoney(amount, chosen);
      let customerId: string | null = null;
      if (email.trim()) {
        const found = await ok(api.GET('/admin/customers', { params: { query: { email: email.trim(), limit: 1 } } }));
        if (!found.data[0]) throw new Error(`No customer has the email ${email.trim()}.`);
        customerId = found.data[0].id;
      }
      return ok(api.POST('/admin/gift-cards', { headers: { 'idempotency-key': key }, body: { currency_code: chosen, amount: minor ?? 0, expires_at: fromLocalInput(expiresAt), customer_id: customerId } }));
    },
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['gift-cards'] }); },
  });
  const code = issue.data?.code;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={code ? 'Gift card issued' : 'Issue gift card'}
      description={code ? 'Copy the code now and give it to the buyer: it is shown only once.' : 'The code is shown once, when the card is issued.'}>
      {code ? (
        <div className="flex flex-col gap-3">
          <code className="block rounded-md border border-[var(--border)] bg-[var(--attention-bg)] p-3 text-lg break-all select-all" aria-label="Gift card code">{code}</code>
          <div className="flex justify-end gap-2">
            <button type="button" className="button" onClick={() => (navigator.clipboard?.writeText(code) ?? Promise.reject(new Error('no clipboard'))).then(() => toast('Code copied'), () => toast('The browser did not allow copying: select the code and copy it'))}>Copy code</button>
            <DialogClose asChild><button type="button" className="button button-primary">Done</button></DialogClose>
          </div>
        </div>
      ) : (
        <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); issue.mutate(undefined); }}>
          <ErrorBanner error={issue.bannerError} />
          <div className="flex flex-wrap gap-2">
            <SelectField className="w-28" label="Currency" value={chosen} onChange={(e) => setCurrency(e.target.value)} error={issue.fieldErrors.currency_code}>
              {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
            </SelectField>
            <TextField className="w-40" label={`Value (${chosen})`} inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)}
              error={issue.fieldErrors.amount ?? (amount && parseMoney(amount, chosen) === null ? 'Not an amount' : null)} data-field="amount" />
          </div>
          <TextField label="Expires" type="datetime-local" hint="Empty: never." value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} error={issue.fieldErrors.expires_at} data-field="expires_at" />
          <TextField label="Customer email" type="email" hint="Optional: the customer it is issued to." value={email} onChange={(e) => setEmail(e.target.value)} error={issue.fieldErrors.customer_id} data-field="customer_id" />
          <div className="flex justify-end gap-2">
            <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
            <button type="submit" className="button button-primary" disabled={issue.isPending}>{issue.isPending ? 'Issuing…' : 'Issue gift card'}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
