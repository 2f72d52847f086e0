import { AlertTriangle, CheckCircle2, CircleDashed, Info, XCircle } from 'lucide-react';
import { humanize } from '../lib/format.ts';

export type Tone = 'success' | 'info' | 'attention' | 'critical' | 'neutral';

const icons = { success: CheckCircle2, info: Info, attention: AlertTriangle, critical: XCircle, neutral: CircleDashed };

/** Status as text and icon, never color alone. */
export function Badge({ tone, children }: { tone: Tone; children: string }) {
  const Icon = icons[tone];
  return (
    <span className={`badge badge-${tone}`}>
      <Icon aria-hidden size={14} />
      {children}
    </span>
  );
}

const tones: Record<string, Tone> = {
  // orders
  completed: 'success', paid: 'success', captured: 'success', fulfilled: 'success', delivered: 'success', published: 'success', active: 'success', received: 'success', succeeded: 'success', enabled: 'success', ok: 'success',
  authorized: 'info', shipped: 'info', partially_shipped: 'info', requested: 'info', open: 'info', sent: 'info', running: 'info', pending: 'info', ordered: 'info',
  not_fulfilled: 'attention', unfulfilled: 'attention', partially_fulfilled: 'attention', partially_refunded: 'attention', partially_captured: 'attention', partially_paid: 'attention', awaiting: 'attention', low_stock: 'attention', requires_action: 'attention', partially_delivered: 'attention', partially_returned: 'attention', partially_received: 'attention',
  payment_failed: 'critical', failed: 'critical', out_of_stock: 'critical', disabled: 'critical', canceled: 'neutral', refunded: 'neutral', returned: 'neutral',
  scheduled: 'info', used_up: 'attention', expired: 'neutral',
  purchased: 'success', purchasing: 'attention',
  draft: 'neutral', archived: 'neutral', not_paid: 'neutral', voided: 'neutral', revoked: 'neutral',
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <Badge tone={tones[status] ?? 'neutral'}>{label ?? humanize(status)}</Badge>;
}
