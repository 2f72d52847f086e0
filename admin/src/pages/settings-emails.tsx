import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { ErrorBanner } from '../ui/feedback.tsx';
import { ListPage } from '../ui/list-page.tsx';

/** Emails the shop sent, each with a preview of what the customer received. */
export default function EmailsPage() {
  const [open, setOpen] = useState<string | null>(null);
  const email = useQuery({ enabled: !!open, queryKey: ['notifications', open], queryFn: () => ok(api.GET('/admin/notifications/{id}', { params: { path: { id: open! } } })) });
  return (
    <ListPage title="Emails" queryKey={['notifications']} load={() => ok(api.GET('/admin/notifications', { params: { query: { limit: 50 } } }))}
      rowKey={(n) => n.id} empty="No emails sent yet."
      columns={[
        { header: 'Subject', cell: (n) => <button type="button" className="row-link text-left" onClick={() => setOpen(n.id)}>{n.subject}</button> },
        { header: 'Template', cell: (n) => n.template, secondary: true },
        { header: 'Recipient', cell: (n) => n.recipient, secondary: true },
        { header: 'Status', cell: (n) => <StatusBadge status={n.status} /> },
        { header: 'Created', cell: (n) => formatDateTime(n.created_at), secondary: true },
      ]}>
      <Dialog open={!!open} onOpenChange={(o) => !o && setOpen(null)} title={email.data?.subject ?? 'Email'}>
        <ErrorBanner error={email.error} />
        {email.data && <pre className="max-h-[60vh] overflow-auto text-sm whitespace-pre-wrap">{(email.data as { text?: string }).text ?? ''}</pre>}
      </Dialog>
    </ListPage>
  );
}
