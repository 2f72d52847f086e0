import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextArea, TextField } from '../ui/field.tsx';
import { ListPage } from '../ui/list-page.tsx';

type Collection = paths['/admin/collections/{id}']['get']['responses'][200]['content']['application/json'];

export default function CollectionsPage() {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Collection | 'new' | null>(null);
  const remove = useFormMutation({
    mutationFn: (id: string) => ok(api.DELETE('/admin/collections/{id}', { params: { path: { id } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['collections'] }); toast('Collection deleted'); },
  });
  const write = can('products:write');
  return (
    <ListPage title="Collections" queryKey={['collections']} load={() => ok(api.GET('/admin/collections', { params: { query: { limit: 100 } } }))}
      rowKey={(c) => c.id} empty="No collections yet."
      actions={write && <button type="button" className="button button-primary" onClick={() => setEditing('new')}>Create collection</button>}
      columns={[
        { header: 'Title', cell: (c) => c.title }, { header: 'Handle', cell: (c) => c.handle, secondary: true },
        ...(write ? [{ header: 'Actions', cell: (c: Collection) => (
          <div className="flex flex-wrap gap-2">
            <button type="button" className="button" aria-label={`Edit ${c.title}`} onClick={() => setEditing(c)}>Edit</button>
            <button type="button" className="button button-danger" aria-label={`Delete ${c.title}`} disabled={remove.isPending}
              onClick={() => { if (window.confirm(`Delete the collection ${c.title}? Its products stay, outside any collection.`)) remove.mutate(c.id); }}>Delete</button>
          </div>
        ) }] : []),
      ]}>
      <ErrorBanner error={remove.error} />
      {editing && <CollectionDialog collection={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}

function CollectionDialog({ collection, onClose }: { collection?: Collection; onClose: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(collection?.title ?? '');
  const [handle, setHandle] = useState(collection?.handle ?? '');
  const [description, setDescription] = useState(collection?.description ?? '');
  const body = () => ({ title: title.trim(), description, ...(handle.trim() ? { handle: handle.trim() } : {}) });
  const save = useFormMutation({
    mutationFn: () => collection
      ? ok(api.POST('/admin/collections/{id}', { params: { path: { id: collection.id } }, body: body() }))
      : ok(api.POST('/admin/collections', { body: body() })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['collections'] }); toast(collection ? 'Collection saved' : 'Collection created'); onClose(); },
  });
  return (
    <Dialog open onOpenChange={(open) => { if (!open) onClose(); }} title={collection ? `Edit ${collection.title}` : 'Create collection'}>
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <ErrorBanner error={save.bannerError} />
        <TextField label="Title" required value={title} onChange={(e) => setTitle(e.target.value)} error={save.fieldErrors.title} data-field="title" />
        <TextField label="Handle" hint="In the storefront's URLs: lower-case letters, digits, dashes. Empty: made from the title." value={handle} onChange={(e) => setHandle(e.target.value)} error={save.fieldErrors.handle} data-field="handle" />
        <TextArea label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={save.fieldErrors.description} data-field="description" />
        <div className="flex justify-end gap-2">
          <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
          <button type="submit" className="button button-primary" disabled={save.isPending}>{collection ? 'Save collection' : 'Create collection'}</button>
        </div>
      </form>
    </Dialog>
  );
}
