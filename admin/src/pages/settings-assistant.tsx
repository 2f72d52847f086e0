import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useBlocker } from '@tanstack/react-router';
import { useState } from 'react';
import type { paths } from '../../../src/client/index.ts';
import { api, ok } from '../api.ts';
import { formatNumber } from '../lib/format.ts';
import { useFormMutation } from '../lib/forms.ts';
import { useCan } from '../lib/session.tsx';
import { ErrorBanner, useToast } from '../ui/feedback.tsx';
import { TextArea } from '../ui/field.tsx';
import { Card, Page } from '../ui/page.tsx';

type Policies = paths['/admin/assistant/settings']['get']['responses'][200]['content']['application/json']['policies'];
type Topic = keyof Policies;

const TOPICS: { topic: Topic; label: string; hint: string }[] = [
  { topic: 'shipping', label: 'Shipping policy', hint: 'Asked “how long does delivery take?”, the assistant answers with this text.' },
  { topic: 'returns', label: 'Returns policy', hint: 'Asked “can I return this?”, the assistant answers with this text.' },
  { topic: 'payments', label: 'Payments', hint: 'Which ways to pay you accept.' },
  { topic: 'warranty', label: 'Warranty', hint: 'What the warranty covers and for how long.' },
  { topic: 'contact', label: 'Contact', hint: 'How shoppers reach you.' },
];
const MAX = 4000;

/** What the storefront's shopping assistant answers policy questions with (docs/insights.md, Shopping assistant). */
export default function AssistantSettingsPage() {
  const settings = useQuery({ queryKey: ['assistant-settings'], queryFn: () => ok(api.GET('/admin/assistant/settings')) });
  return (
    <Page title="Shopping assistant">
      <ErrorBanner error={settings.error} onRetry={() => settings.refetch()} />
      {!settings.data && !settings.error && <p aria-busy="true">Loading…</p>}
      {settings.data && <PolicyForm saved={settings.data.policies} />}
    </Page>
  );
}

function PolicyForm({ saved }: { saved: Policies }) {
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const editable = can('settings:write');
  // The texts as last loaded or saved: a refetch in the background (the window regaining focus)
  // must not overwrite what is being typed.
  const [base, setBase] = useState<Policies>(saved);
  const [texts, setTexts] = useState<Policies>(saved);
  const dirty = TOPICS.some(({ topic }) => (texts[topic] ?? '') !== (base[topic] ?? ''));
  useBlocker({ shouldBlockFn: () => dirty && !window.confirm('Leave this page? Your unsaved changes will be lost.'), enableBeforeUnload: () => dirty });
  const save = useFormMutation({
    // Every topic is sent: an emptied one is removed (null), the others set as written.
    mutationFn: () => ok(api.PATCH('/admin/assistant/settings', { body: { policies: Object.fromEntries(TOPICS.map(({ topic }) => [topic, texts[topic]?.trim() ? texts[topic] : null])) } })),
    onSuccess: (result) => {
      queryClient.setQueryData(['assistant-settings'], result);
      setBase(result.policies);
      setTexts(result.policies);
      toast('Assistant policies saved');
    },
  });
  const written = TOPICS.filter(({ topic }) => base[topic]).length;
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
      <ErrorBanner error={save.bannerError} />
      {written === 0 && (
        <p className="mb-4 rounded-md border border-[var(--border)] bg-[var(--surface)] p-3 text-sm">
          No policy texts yet. Until you write one, the assistant answers that topic’s questions by asking shoppers to contact the shop.
        </p>
      )}
      <Card title="Policy texts">
        <p className="mb-3 text-sm text-[var(--muted)]">The assistant quotes these as written. Leave a text empty to remove it.</p>
        <fieldset disabled={!editable} className="flex flex-col gap-4">
          {TOPICS.map(({ topic, label, hint }) => {
            const text = texts[topic] ?? '';
            return (
              <TextArea key={topic} label={label} value={text} data-field={`policies.${topic}`} error={save.fieldErrors[`policies.${topic}`]}
                hint={<>{hint} {formatNumber(text.length)} of {formatNumber(MAX)} characters.</>}
                onChange={(e) => setTexts({ ...texts, [topic]: e.target.value })} />
            );
          })}
        </fieldset>
      </Card>
      {editable && dirty && (
        <div className="sticky bottom-0 z-10 mt-4 flex flex-wrap items-center justify-end gap-2 rounded-md border border-[var(--border)] bg-[var(--surface)] p-3 shadow">
          <span className="mr-auto text-sm font-medium">Unsaved changes</span>
          <button type="button" className="button" onClick={() => setTexts(base)}>Discard</button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
        </div>
      )}
    </form>
  );
}
