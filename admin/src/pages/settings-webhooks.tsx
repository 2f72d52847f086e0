import { Link } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { ListPage } from '../ui/list-page.tsx';

export default function WebhooksPage() {
  return (
    <ListPage title="Webhooks" queryKey={['webhooks', 'list']} load={() => ok(api.GET('/admin/webhooks', { params: { query: { limit: 100 } } }))}
      rowKey={(w) => w.id} empty="No webhook endpoints yet."
      columns={[
        { header: 'Endpoint', cell: (w) => <Link to="/settings/webhooks/$id" params={{ id: w.id }} className="row-link break-all">{w.url}</Link> },
        { header: 'Events', cell: (w) => w.events.join(', '), secondary: true },
        { header: 'Status', cell: (w) => <StatusBadge status={w.enabled ? 'enabled' : 'disabled'} /> },
        { header: 'Last success', cell: (w) => w.last_success_at ? formatDateTime(w.last_success_at) : '—', secondary: true },
      ]} />
  );
}
