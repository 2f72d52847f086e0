import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { paths } from '../../../src/client/index.ts';
import { api, ok } from '../api.ts';
import { fieldError, useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { Dialog, DialogClose } from '../ui/dialog.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextArea, TextField } from '../ui/field.tsx';
import { ListPage } from '../ui/list-page.tsx';

type Synonym = paths['/admin/search/synonyms/{id}']['get']['responses'][200]['content']['application/json'];

/** The merchant's search synonyms (docs/api.md, Search): a search for the word also finds its synonyms, and the other way round. */
export default function SearchSynonymsPage() {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Synonym | 'new' | null>(null);
  const remove = useFormMutation({
    mutationFn: (id: string) => ok(api.DELETE('/admin/search/synonyms/{id}', { params: { path: { id } } })),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['search-synonyms'] }); toast('Synonym deleted'); },
  });
  const write = can('products:write');
  const create = write && <button type="button" className="button button-primary" onClick={() => setEditing('new')}>Add synonym</button>;
  return (
    <ListPage title="Search synonyms" queryKey={['search-synonyms']} load={() => ok(api.GET('/admin/search/synonyms', { params: { query: { limit: 100 } } }))}
      rowKey={(s) => s.id} actions={create}
      empty={<>No synonyms yet. Add one so that shoppers searching for “sweatshirt” also find your hoodies.</>}
      columns={[
        { header: 'Word', cell: (s) => s.word },
        { header: 'Also finds', cell: (s) => s.synonyms.join(', ') },
        ...(write ? [{ header: 'Actions', cell: (s: Synonym) => (
          <div className="flex flex-wrap gap-2">
            <button type="button" className="button" aria-label={`Edit ${s.word}`} onClick={() => setEditing(s)}>Edit</button>
            <button type="button" className="button button-danger" aria-label={`Delete ${s.word}`} disabled={remove.isPending}
              onClick={() => { if (window.confirm(`Delete the synonyms of “${s.word}”? Searches for it then find only what it says.`)) remove.mutate(s.id); }}>Delete</button>
          </div>
        ) }] : []),
      ]}>
      <p className="mb-4 text-sm text-[var(--muted)]">A search for a word also finds its synonyms, and a search for a synonym also finds the word. Each is a word or a phrase of up to four words.</p>
      <ErrorBanner error={remove.error} />
      {editing && <SynonymDialog synonym={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}

function SynonymDialog({ synonym, onClose }: { synonym?: Synonym; onClose: () => void }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [word, setWord] = useState(synonym?.word ?? '');
  const [synonyms, setSynonyms] = useState(synonym?.synonyms.join('\n') ?? '');
  const body = () => ({ word, synonyms: synonyms.split(/[\n,]/).map((s) => s.trim()).filter(Boolean) });
  const save = useFormMutation({
    mutationFn: () => synonym
      ? ok(api.POST('/admin/search/synonyms/{id}', { params: { path: { id: synonym.id } }, body: body() }))
      : ok(api.POST('/admin/search/synonyms', { body: body() })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['search-synonyms'] });
      toast(synonym ? `Synonyms of “${saved.word}” saved` : `Synonyms of “${saved.word}” added`);
      onClose();
    },
  });
  return (
    <Dialog open onOpenChange={(open) => { if (!open) onClose(); }} title={synonym ? `Edit synonyms of “${synonym.word}”` : 'Add synonym'}>
      <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        <ErrorBanner error={save.bannerError} />
        <TextField label="Word" required value={word} onChange={(e) => setWord(e.target.value)} error={save.fieldErrors.word} data-field="word" />
        <TextArea label="Also finds" required hint="One word or phrase per line (or separated by commas)." value={synonyms} onChange={(e) => setSynonyms(e.target.value)}
          error={fieldError(save.fieldErrors, 'synonyms')} data-field="synonyms" />
        <div className="flex justify-end gap-2">
          <DialogClose asChild><button type="button" className="button">Cancel</button></DialogClose>
          <button type="submit" className="button button-primary" disabled={save.isPending}>{synonym ? 'Save synonyms' : 'Add synonym'}</button>
        </div>
      </form>
    </Dialog>
  );
}
