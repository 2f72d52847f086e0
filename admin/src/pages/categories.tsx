import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import { Page } from '../ui/page.tsx';
import { DataTable } from '../ui/table.tsx';

type Category = paths['/admin/categories/{id}']['get']['responses'][200]['content']['application/json'];
type TreeNode = Category & { depth: number };

const listKey = ['categories'];
const load = () => ok(api.GET('/admin/categories', { params: { query: { limit: 100 } } }));

/** The category tree, depth first, indented by depth: create, rename, move under another, reorder among siblings. */
export default function CategoriesPage() {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const tree = useQuery({ queryKey: listKey, queryFn: load });
  const [editing, setEditing] = useState<TreeNode | 'new' | null>(null);
  const nodes = (tree.data?.data ?? []) as TreeNode[];
  const siblings = (c: TreeNode) => nodes.filter((n) => n.parent_id === c.parent_id);
  // Siblings may share a position (they then sort by name): a move numbers them all 0, 1, 2… in the new order.
  const move = useFormMutation({
    mutationFn: async ({ category, by }: { category: TreeNode; by: -1 | 1 }) => {
      const order = siblings(category);
      const from = order.findIndex((n) => n.id === category.id);
      order.splice(from, 1);
      order.splice(from + by, 0, category);
      for (const [position, node] of order.entries()) {
        if (node.position !== position) await ok(api.POST('/admin/categories/{id}', { params: { path: { id: node.id } }, body: { position } }));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    onSuccess: (_, { category, by }) => toast(`${category.name} moved ${by < 0 ? 'up' : 'down'}`),
  });
  const remove = useFormMutation({
    mutationFn: (id: string) => ok(api.DELETE('/admin/categories/{id}', { params: { path: { id } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: listKey }); toast('Category deleted'); },
  });
  const write = can('products:write');
  return (
    <Page title="Categories" actions={write && <button type="button" className="button button-primary" onClick={() => setEditing('new')}>Create category</button>}>
      <ErrorBanner error={move.error ?? remove.error} />
      <DataTable caption="Categories" rows={tree.data?.data as TreeNode[] | undefined} rowKey={(c) => c.id} loading={tree.isFetching} error={tree.error} onRetry={() => tree.refetch()}
        empty="No categories yet."
        columns={[
          { header: 'Name', cell: (c) => <span style={{ paddingLeft: c.depth * 20 }}>{c.depth > 0 ? '└ ' : ''}{c.name}</span> },
          { header: 'Handle', cell: (c) => c.handle, secondary: true },
          ...(write ? [{ header: 'Actions', cell: (c: TreeNode) => {
            const order = siblings(c);
            const index = order.findIndex((n) => n.id === c.id);
            return (
              <div className="flex flex-wrap gap-2">
                <button type="button" className="button" aria-label={`Move ${c.name} up`} disabled={index === 0 || move.isPending} onClick={() => move.mutate({ category: c, by: -1 })}>Up</button>
                <button type="button" className="button" aria-label={`Move ${c.name} down`} disabled={index === order.length - 1 || move.isPending} onClick={() => move.mutate({ category: c, by: 1 })}>Down</button>
                <button type="button" className="button" aria-label={`Edit ${c.name}`} onClick={() => setEditing(c)}>Edit</button>
                <button type="button" className="button button-danger" aria-label={`Delete ${c.name}`} disabled={remove.isPending}
                  onClick={() => { if (window.confirm(`Delete the category ${c.name}? Its products stay; only a category without subcategories can be deleted.`)) remove.mutate(c.id); }}>Delete</button>
              </div>
            );
          } }] : []),
        ]} />
      {editing && <CategoryDialog category={editing === 'new' ? undefined : editing} all={nodes} onClose={() => setEditing(null)} />}
    </Page>
  );
}

/** A category and everything under it: it cannot move beneath any of them. */
function subtree(all: TreeNode[], root: TreeNode): Set<string> {
  const ids = new Set([root.id]);
  for (const node of all) if (node.parent_id && ids.has(node.parent_id)) ids.add(node.id);
  return ids;
}

function CategoryDialog({ category, all, onClose }: { category?: TreeNode; all: TreeNode[]; onClose: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(category?.name ?? '');
  const [handle, setHandle] = useState(category?.handle ?? '');
  const [parentId, setParentId] = useState(category?.parent_id ?? '');
  const excluded = category ? subtree(all, category) : new Set<string>();
  const body = () => ({ name: name.trim(), parent_id: parentId || null, ...(handle.trim() ? { handle: handle.trim() } : {}) });
  const save = useFormMutation({
    mutationFn: () => category
      ? ok(api.POST('/admin/categories/{id}', { params: { path: { id: category.id } }, body: body() }))
      : ok(api.POST('/admin/categories', { body: { ...body(), position: all.filter((n) => n.parent_id === (parentId || null)).length } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: listKey }); toast(category ? 'Category saved' : 'Category created'); onClose(); },
  });
  return (
    <Dialog open onOpenChange={(open) => { if (!open) onClose(); }} title={category ? `Edit ${category.name}` : 'Create category'}>
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <ErrorBanner error={save.bannerError} />
        <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={save.fieldErrors.name} data-field="name" />
        <TextField label="Handle" hint="Lower-case letters, digits, dashes. Empty: made from the name." value={handle} onChange={(e) => setHandle(e.target.value)} error={save.fieldErrors.handle} data-field="handle" />
        <SelectField label="Parent" value={parentId} onChange={(e) => setParentId(e.target.value)} error={save.fieldErrors.parent_id}>
          <option value="">None (top level)</option>
          {all.filter((n) => !excluded.has(n.id)).map((n) => <option key={n.id} value={n.id}>{'— '.repeat(n.depth)}{n.name}</option>)}
        </SelectField>
        <div className="flex justify-end gap-2">
          <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
          <button type="submit" className="button button-primary" disabled={save.isPending}>{category ? 'Save category' : 'Create category'}</button>
        </div>
      </form>
    </Dialog>
  );
}
