import { Columns3 } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useSession } from '../lib/session.tsx';
import type { Column } from './table.tsx';

/** Where a user's hidden columns of one list are kept: per user, so staff sharing a browser keep their own. */
const storageKey = (userId: string, list: string) => `cartwright:columns:${userId}:${list}`;

function readHidden(key: string): Set<string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * The columns a list shows, chosen by the signed-in user and remembered in this browser
 * (localStorage): the list's columns without the hidden ones, and the "Columns" control. The first
 * column holds the row's link and is always shown.
 */
export function useColumnChoice<Row>(list: string, columns: Column<Row>[]): [Column<Row>[], ReactNode] {
  const session = useSession();
  const key = storageKey(session.user?.id ?? 'key', list);
  const [hidden, setHidden] = useState(() => readHidden(key));
  const toggle = (header: string, shown: boolean) => {
    const next = new Set(hidden);
    if (shown) next.delete(header);
    else next.add(header);
    setHidden(next);
    localStorage.setItem(key, JSON.stringify([...next]));
  };
  const visible = columns.filter((column, i) => i === 0 || !hidden.has(column.header));
  return [visible, <ColumnChooser key="columns" columns={columns.slice(1).map((c) => c.header)} hidden={hidden} onToggle={toggle} />];
}

/** A disclosure button and its panel of checkboxes; Esc or a click outside closes it, focus back on the button. */
function ColumnChooser({ columns, hidden, onToggle }: { columns: string[]; hidden: Set<string>; onToggle: (header: string, shown: boolean) => void }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  return (
    <div ref={wrapper} className="relative">
      <button ref={button} type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <Columns3 aria-hidden size={16} /> Columns
      </button>
      {open && (
        <div
          id={panelId}
          className="card absolute right-0 z-30 mt-1 w-56 shadow-lg"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <fieldset className="flex flex-col gap-2 text-sm">
            <legend className="mb-1 font-medium">Show columns</legend>
            {columns.map((header, i) => (
              <label key={header} className="flex items-center gap-2">
                <input type="checkbox" checked={!hidden.has(header)} onChange={(e) => onToggle(header, e.target.checked)} autoFocus={i === 0} />
                {header}
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </div>
  );
}
