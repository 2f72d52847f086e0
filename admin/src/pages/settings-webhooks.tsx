import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { StatusBadge } from '../ui/badge.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { EventPicker } from '../ui/event-picker.tsx';
import { ErrorBanner } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';
import { ListPage } from '../ui/list-page.tsx';

export default function WebhooksPage() {
  const [adding, setAdding] = useState(false);
  return (
    <ListPage title="Webhooks" queryKey={['webhooks', 'list']} load={() => ok(api.GET('/admin/webhooks', { params: { query: { limit: 100 } } }))}
      rowKey={(w) => w.id} empty="No webhook endpoints yet."
      actions={<button type="button" className="button button-primary" onClick={() => setAdding(true)}>Add endpoint</button>}
      columns={[
        { header: 'Endpoint', cell: (w) => <Link to="/settings/webhooks/$id" params={{ id: w.id }} className="row-link break-all">{w.url}</Link> },
        { header: 'Events', cell: (w) => w.events.join(', '), secondary: true },
        { header: 'Status', cell: (w) => <StatusBadge status={w.enabled ? 'enabled' : 'disabled'} /> },
        { header: 'Last success', cell: (w) => w.last_success_at ? formatDateTime(w.last_success_at) : '—', secondary: true },
      ]}>
      {adding && <AddEndpointDialog onClose={() => setAdding(false)} />}
    </ListPage>
  );
}

/** Create, then show the signing secret in the same dialog: the one moment it is handed over. */
function AddEndpointDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const create = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/webhooks', { body: { url: url.trim(), description: description.trim() || null, events } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks', 'list'] }),
  });
  const created = create.data;
  return (
    <Dialog open onOpenChange={(open) => { if (!open) onClose(); }} title={created ? 'Endpoint added' : 'Add webhook endpoint'}>
      {created
        ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm">Deliveries to <span className="break-all">{created.url}</span> are signed with this secret. Copy it now into the receiving app: it verifies each delivery with it.</p>
            <TextField label="Signing secret" readOnly value={created.secret} onFocus={(e) => e.target.select()} />
            <div className="flex justify-end"><DialogClose asChild><button type="button" className="button button-primary">Done</button></DialogClose></div>
          </div>
        )
        : (
          <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
            <ErrorBanner error={create.bannerError} />
            <TextField label="URL" type="url" required hint="https, reachable from the internet." value={url} onChange={(e) => setUrl(e.target.value)} error={create.fieldErrors.url} data-field="url" />
            <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={create.fieldErrors.description} data-field="description" />
            <EventPicker value={events} onChange={setEvents} error={create.fieldErrors.events} />
            <div className="flex justify-end gap-2">
              <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
              <button type="submit" className="button button-primary" disabled={create.isPending}>Add endpoint</button>
            </div>
          </form>
        )}
    </Dialog>
  );
}
