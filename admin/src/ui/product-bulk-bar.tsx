import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError, idempotencyKey, ok } from '../api.ts';
import { useCollections } from '../lib/catalog.ts';
import { formatNumber } from '../lib/format.ts';
import type { paths } from '../../../src/client/index.ts';
import { Dialog, DialogClose } from './dialog.tsx';
import { ErrorBanner, useToast } from './feedback.tsx';

type Product = paths['/admin/products']['get']['responses'][200]['content']['application/json']['data'][number];
export type ProductFilter = NonNullable<paths['/admin/products/bulk']['post']['requestBody']>['content']['application/json']['filter'];
type Action = 'publish' | 'archive' | 'add_tag' | 'set_collection';

const DONE: Record<Action, string> = { publish: 'published', archive: 'archived', add_tag: 'tagged', set_collection: 'added to the collection' };
const plural = (n: number) => `${formatNumber(n)} product${n === 1 ? '' : 's'}`;

/**
 * The bar a selection swaps in. Rows picked by hand change one request each (a refusal names the
 * product and the others stay done); "Select all matching" counts the filter's products on the
 * server and then sends the filter itself (`POST /admin/products/bulk`) with that count, so rows that
 * started or stopped matching since refuse the whole action instead of changing what nobody saw.
 */
export function ProductBulkBar({ filter, rows, selected, onClear, canSelectAll }: {
  filter: ProductFilter;
  rows: Product[];
  selected: Set<string>;
  onClear: () => void;
  /** Every row of this page is selected and there are more pages. */
  canSelectAll: boolean;
}) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [matching, setMatching] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Action | null>(null);
  const filterKey = JSON.stringify(filter);
  useEffect(() => setMatching(null), [filterKey]);

  const count = useMutation({
    mutationFn: () => ok(api.POST('/admin/products/bulk', { body: { filter, action: 'publish', dry_run: true } })),
    onSuccess: (result) => setMatching(result.matched),
  });
  const run = useMutation({
    mutationFn: async ({ action, tag, collection_id, key }: { action: Action; tag?: string; collection_id?: string | null; key: string }) => {
      if (matching !== null) {
        const result = await ok(api.POST('/admin/products/bulk', {
          headers: { 'idempotency-key': key },
          body: { filter, action, expected_count: matching, ...(tag !== undefined ? { tag } : {}), ...(collection_id !== undefined ? { collection_id } : {}) },
        }));
        return { action, done: result.changed, failed: [] as string[] };
      }
      const failed: string[] = [];
      let done = 0;
      for (const product of rows.filter((p) => selected.has(p.id))) {
        const path = { params: { path: { id: product.id } } };
        const result = action === 'publish' ? await api.POST('/admin/products/{id}/publish', path)
          : action === 'archive' ? await api.POST('/admin/products/{id}/archive', path)
          : action === 'add_tag' ? await api.POST('/admin/products/{id}', { ...path, body: { tags: [...new Set([...product.tags, tag!])] } })
          : await api.POST('/admin/products/{id}', { ...path, body: { collection_id } });
        if (result.error) failed.push(`${product.title}: ${result.error.error.message}`);
        else done += 1;
      }
      return { action, done, failed };
    },
    onSuccess: async ({ action, done, failed }) => {
      setDialog(null);
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      if (done) toast(`${plural(done)} ${DONE[action]}`);
      if (failed.length) throw new Error(`Not changed: ${failed.join('; ')}`);
      setMatching(null);
      onClear();
    },
    onError: (error) => {
      // The filter matches another number now: show the new count, so a second try is a fresh decision.
      if (error instanceof ApiError && error.code === 'bulk_count_changed') setMatching(Number(error.details.matched));
    },
  });
  const size = matching ?? selected.size;
  const busy = run.isPending || count.isPending;

  return (
    <>
      <div role="region" aria-label="Bulk actions" className="card mb-3 flex flex-wrap items-center gap-2 py-2">
        <span className="font-medium" aria-live="polite">
          {matching !== null ? `All ${plural(matching)} matching selected` : `${formatNumber(selected.size)} selected`}
        </span>
        {matching === null && canSelectAll && (
          <button type="button" className="button" disabled={busy} onClick={() => count.mutate()}>Select all matching</button>
        )}
        <button type="button" className="button" disabled={busy || size === 0} onClick={() => setDialog('publish')}>Publish products</button>
        <button type="button" className="button" disabled={busy || size === 0} onClick={() => setDialog('archive')}>Archive products</button>
        <button type="button" className="button" disabled={busy || size === 0} onClick={() => setDialog('add_tag')}>Add tag</button>
        <button type="button" className="button" disabled={busy || size === 0} onClick={() => setDialog('set_collection')}>Add to collection</button>
        <button type="button" className="button ml-auto" onClick={() => { setMatching(null); onClear(); }}>Clear selection</button>
      </div>
      <ErrorBanner error={count.error ?? (dialog ? null : run.error)} />
      {dialog && (
        <BulkDialog
          action={dialog}
          size={size}
          pending={run.isPending}
          error={run.error}
          onClose={() => { setDialog(null); run.reset(); }}
          onConfirm={(extra) => run.mutate({ action: dialog, ...extra, key: idempotencyKey() })}
        />
      )}
    </>
  );
}

/** Confirms what the action does to how many products; takes the tag or the collection it needs. */
function BulkDialog({ action, size, pending, error, onClose, onConfirm }: {
  action: Action;
  size: number;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (extra: { tag?: string; collection_id?: string | null }) => void;
}) {
  const collections = useCollections();
  const [tag, setTag] = useState('');
  const [collection, setCollection] = useState('');
  const titles: Record<Action, string> = {
    publish: `Publish ${plural(size)}?`,
    archive: `Archive ${plural(size)}?`,
    add_tag: `Add a tag to ${plural(size)}`,
    set_collection: `Add ${plural(size)} to a collection`,
  };
  const descriptions: Record<Action, string> = {
    publish: 'They appear on the storefront. Products already published stay as they are.',
    archive: 'They leave the storefront and can no longer be bought; past orders keep their lines.',
    add_tag: 'Products that already have the tag stay as they are.',
    set_collection: 'A product belongs to one collection: this replaces the one it has.',
  };
  const verb = { publish: 'Publish products', archive: 'Archive products', add_tag: 'Add tag', set_collection: 'Add to collection' }[action];
  const ready = action === 'add_tag' ? tag.trim() !== '' && !tag.includes(',') : action === 'set_collection' ? collection !== '' : true;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={titles[action]} description={descriptions[action]}>
      <form onSubmit={(e) => {
        e.preventDefault();
        if (ready) onConfirm(action === 'add_tag' ? { tag: tag.trim() } : action === 'set_collection' ? { collection_id: collection } : {});
      }}>
        {action === 'add_tag' && (
          <label className="mb-4 flex flex-col gap-1 text-sm font-medium">
            Tag
            <input className="input" value={tag} onChange={(e) => setTag(e.target.value)} aria-describedby="bulk-tag-hint" autoFocus />
            <span id="bulk-tag-hint" className="text-xs font-normal text-[var(--muted)]">Text without commas</span>
          </label>
        )}
        {action === 'set_collection' && (
          <label className="mb-4 flex flex-col gap-1 text-sm font-medium">
            Collection
            <select className="input" value={collection} onChange={(e) => setCollection(e.target.value)} autoFocus>
              <option value="">Choose a collection</option>
              {collections.data?.data.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          </label>
        )}
        <ErrorBanner error={error} />
        <div className="flex justify-end gap-2">
          {/* Focus starts on Cancel for the actions with nothing to type. */}
          <DialogClose asChild><button type="button" className="button" autoFocus={action === 'publish' || action === 'archive'}>Cancel</button></DialogClose>
          <button type="submit" className="button button-primary" disabled={pending || !ready}>{verb}</button>
        </div>
      </form>
    </Dialog>
  );
}
