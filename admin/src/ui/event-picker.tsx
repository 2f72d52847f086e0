import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api.ts';

/**
 * Which events a webhook endpoint receives: everything (`*`), a whole resource (`order.*`) or single
 * types, grouped by resource so the list of some sixty types stays scannable.
 */
export function EventPicker({ value, onChange, error }: { value: string[]; onChange: (next: string[]) => void; error?: string | null }) {
  const types = useQuery({ queryKey: ['webhooks', 'event-types'], staleTime: Infinity, queryFn: () => ok(api.GET('/admin/webhooks/event-types')) });
  const groups = new Map<string, string[]>();
  for (const t of types.data?.data ?? []) groups.set(t.resource_type, [...(groups.get(t.resource_type) ?? []), t.type]);
  const toggle = (event: string, on: boolean) => onChange(on ? [...value, event] : value.filter((e) => e !== event));
  const all = value.includes('*');
  return (
    <fieldset className="flex flex-col gap-2" data-field="events" tabIndex={-1} aria-invalid={error ? true : undefined} aria-describedby={error ? 'events-error' : undefined}>
      <legend className="mb-1 text-sm font-medium">Events</legend>
      {error && <p id="events-error" className="text-xs text-[var(--critical-text)]">{error}</p>}
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={all} onChange={(e) => toggle('*', e.target.checked)} /> All events, present and future</label>
      {!all && [...groups].map(([resource, events]) => {
        const whole = value.includes(`${resource}.*`);
        const chosen = whole ? events.length : events.filter((e) => value.includes(e)).length;
        return (
          <details key={resource} className="rounded border border-[var(--border)] px-3 py-1" open={chosen > 0 && !whole}>
            <summary className="cursor-pointer text-sm">{resource} <span className="text-[var(--muted)]">({chosen} of {events.length})</span></summary>
            <div className="flex flex-col gap-1 py-2">
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={whole} onChange={(e) => toggle(`${resource}.*`, e.target.checked)} /> Every {resource} event ({resource}.*)</label>
              {!whole && events.map((event) => (
                <label key={event} className="flex items-center gap-2 text-sm"><input type="checkbox" checked={value.includes(event)} onChange={(e) => toggle(event, e.target.checked)} /> {event}</label>
              ))}
            </div>
          </details>
        );
      })}
    </fieldset>
  );
}
