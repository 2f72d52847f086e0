import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { StatusBadge } from '../ui/badge.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextField } from '../ui/field.tsx';
import { ListPage } from '../ui/list-page.tsx';
import { Card } from '../ui/page.tsx';

export default function LocationsPage() {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const create = useFormMutation({
    mutationFn: () => ok(api.POST('/admin/inventory/locations', { body: { name, code } })),
    onSuccess: async () => { setName(''); setCode(''); await queryClient.invalidateQueries({ queryKey: ['inventory', 'locations'] }); toast('Location created'); },
  });
  return (
    <ListPage title="Locations" queryKey={['inventory', 'locations']} load={() => ok(api.GET('/admin/inventory/locations', { params: { query: { limit: 100 } } }))}
      rowKey={(l) => l.id} empty="No stock locations yet."
      columns={[
        { header: 'Name', cell: (l) => l.name }, { header: 'Code', cell: (l) => l.code },
        { header: 'Priority', cell: (l) => l.priority, align: 'right' },
        { header: 'Status', cell: (l) => <StatusBadge status={l.active ? 'active' : 'disabled'} label={l.active ? 'Active' : 'Inactive'} /> },
      ]}>
      {can('inventory:write') && (
        <Card title="Add a location" className="mb-4">
          <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
            <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={create.fieldErrors.name} data-field="name" />
            <TextField label="Code" required value={code} onChange={(e) => setCode(e.target.value)} error={create.fieldErrors.code} data-field="code" />
            <button type="submit" className="button button-primary" disabled={create.isPending}>Add location</button>
          </form>
          <ErrorBanner error={create.bannerError} />
        </Card>
      )}
    </ListPage>
  );
}
