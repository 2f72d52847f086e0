import { Link } from '@tanstack/react-router';
import { api, ok } from '../api.ts';
import { Badge } from '../ui/badge.tsx';
import { ListPage } from '../ui/list-page.tsx';

const can = (yes: boolean, what: string) => <Badge tone={yes ? 'success' : 'neutral'}>{yes ? what : `No ${what.toLowerCase()}`}</Badge>;

/**
 * The carriers the server was started with (manual and test_carrier always, EasyPost with its key):
 * which quote live rates for calculated shipping options, buy labels on orders, and send tracking
 * webhooks. Carriers are set up in the server's configuration, not here (docs/shipping.md).
 */
export default function CarriersPage() {
  return (
    <ListPage title="Carriers" queryKey={['carriers']} load={() => ok(api.GET('/admin/carriers'))} rowKey={(c) => c.id}
      empty="No carriers: the server has none set up."
      actions={<Link to="/settings/shipping" className="button">Shipping options</Link>}
      columns={[
        { header: 'Carrier', cell: (c) => <span className="font-medium">{c.id}</span> },
        { header: 'Live rates', cell: (c) => can(c.rates, 'Rates') },
        { header: 'Labels', cell: (c) => can(c.labels, 'Labels') },
        {
          header: 'Tracking webhooks', secondary: true,
          cell: (c) => (c.webhooks ? <code className="break-all text-xs">{`${window.location.origin}/store/webhooks/carriers/${c.id}`}</code> : 'None: staff type tracking numbers'),
        },
      ]}>
      <p className="mb-4 text-sm text-[var(--muted)]">
        Carriers are set up in the server’s configuration (EASYPOST_API_KEY adds EasyPost). A carrier with live rates can price a shipping option;
        one with labels sells them from an order’s fulfillment; its tracking webhooks, sent to the address shown, ship and deliver the order.
      </p>
    </ListPage>
  );
}
