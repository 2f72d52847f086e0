import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';
import { ListPage } from '../ui/list-page.tsx';
import { Card } from '../ui/page.tsx';

/** Who purchase orders go to and whom lots came from (docs/purchasing.md). */
export default function SuppliersPage() {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const create = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/suppliers', { body: { name, code: code || null } })),
    onSuccess: async () => { setName(''); setCode(''); await queryClient.invalidateQueries({ queryKey: ['suppliers'] }); toast('Supplier created'); },
  });
  return (
    <ListPage title="Suppliers" queryKey={['suppliers']} load={() => ok(api.GET('/admin/suppliers', { params: { query: { limit: 100 } } }))}
      rowKey={(s) => s.id} empty="No suppliers yet."
      columns={[
        { header: 'Name', cell: (s) => s.name }, { header: 'Code', cell: (s) => s.code ?? '—' },
        { header: 'Email', cell: (s) => s.email ?? '—', secondary: true }, { header: 'Phone', cell: (s) => s.phone ?? '—', secondary: true },
      ]}>
      {can('inventory:write') && (
        <Card title="Add a supplier" className="mb-4">
          <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
            <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={create.fieldErrors.name} data-field="name" />
            <TextField label="Code" value={code} onChange={(e) => setCode(e.target.value)} error={create.fieldErrors.code} data-field="code" />
            <button type="submit" className="button button-primary" disabled={create.isPending}>Add supplier</button>
          </form>
          <ErrorBanner error={create.bannerError} />
        </Card>
      )}
    </ListPage>
  );
}
