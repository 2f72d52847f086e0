import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, idempotencyKey, ok } from '../api.ts';
import { formatDateTime } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useSession } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';
import { ListPage } from '../ui/list-page.tsx';
import { Card } from '../ui/page.tsx';

/** API keys: created with some of your own permissions; the secret is shown once, here, and never again. */
export default function ApiKeysPage() {
  const session = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [key, setKey] = useState(idempotencyKey);
  const create = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/api-keys', { headers: { 'idempotency-key': key }, body: { name, permissions } })),
    onSuccess: async (created) => {
      setSecret(created.token);
      setName(''); setPermissions([]); setKey(idempotencyKey());
      await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => ok(api.POST('/admin/api-keys/{id}/revoke', { params: { path: { id } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['api-keys'] }); toast('API key revoked'); },
  });
  return (
    <ListPage title="API keys" queryKey={['api-keys']} load={() => ok(api.GET('/admin/api-keys'))} rowKey={(k) => k.id} empty="No API keys yet."
      columns={[
        { header: 'Name', cell: (k) => k.name }, { header: 'Ends in', cell: (k) => `…${k.last4}` },
        { header: 'Permissions', cell: (k) => k.permissions.join(', '), secondary: true },
        { header: 'Last used', cell: (k) => k.last_used_at ? formatDateTime(k.last_used_at) : 'Never', secondary: true },
        { header: 'Status', cell: (k) => k.revoked_at ? <StatusBadge status="revoked" /> : <button type="button" className="button button-danger" disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)}>Revoke {k.name}</button> },
      ]}>
      <Card title="Create an API key" className="mb-4">
        {secret && (
          <div role="status" className="mb-4 rounded-md border border-[var(--border)] bg-[var(--attention-bg)] p-3">
            <p className="font-medium">Copy this key now: it is shown only once.</p>
            <code className="block break-all select-all">{secret}</code>
            <button type="button" className="button mt-2" onClick={() => { void navigator.clipboard?.writeText(secret); toast('Key copied'); }}>Copy key</button>
          </div>
        )}
        <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
          <ErrorBanner error={create.bannerError} />
          <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={create.fieldErrors.name} data-field="name" />
          <fieldset>
            <legend className="text-sm font-medium">Permissions</legend>
            <div className="mt-1 grid gap-1 sm:grid-cols-3">
              {session.permissions.map((p) => (
                <label key={p} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={permissions.includes(p)} onChange={(e) => setPermissions(e.target.checked ? [...permissions, p] : permissions.filter((x) => x !== p))} />{p}
                </label>
              ))}
            </div>
            {create.fieldErrors.permissions && <p className="text-xs text-[var(--critical-text)]">{create.fieldErrors.permissions}</p>}
          </fieldset>
          <button type="submit" className="button button-primary self-start" disabled={create.isPending}>Create API key</button>
        </form>
      </Card>
    </ListPage>
  );
}
