import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Empty, ErrorBanner } from './feedback.tsx';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  align?: 'right';
  /** Hidden below 768 px so a phone sees the columns that matter. */
  secondary?: boolean;
}

/**
 * An index table: a real <table> with a caption, column headers, skeleton rows on first load, old rows
 * kept while a new page loads, an empty state and a failed-load banner with Retry.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, loading, error, onRetry, empty, selection, keyboard }: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[] | undefined;
  rowKey: (row: Row) => string;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  empty: ReactNode;
  selection?: { selected: Set<string>; onChange: (next: Set<string>) => void; label: (row: Row) => string };
  /** The page's main list: j/k move the row focus, Enter opens the row, x selects it. */
  keyboard?: boolean;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [focused, setFocused] = useState(-1);
  const all = rows ?? [];
  const toggle = (key: string, on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (on) next.add(key);
    else next.delete(key);
    selection.onChange(next);
  };
  useRowKeys(keyboard ? body : null, all.length, focused, setFocused, (i) => {
    const key = rowKey(all[i]);
    toggle(key, !selection?.selected.has(key));
  });
  if (error && !rows) return <ErrorBanner error={error} onRetry={onRetry} />;
  const allSelected = selection && all.length > 0 && all.every((row) => selection.selected.has(rowKey(row)));
  return (
    // A region the keyboard can reach, so a table wider than the screen scrolls without a mouse.
    <div className="card overflow-x-auto p-0" role="region" aria-label={caption} tabIndex={0}>
      {error ? <ErrorBanner error={error} onRetry={onRetry} /> : null}
      <table className="data-table" aria-busy={loading || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="w-10">
                <input
                  type="checkbox"
                  aria-label="Select all on this page"
                  checked={!!allSelected}
                  onChange={(e) => selection.onChange(new Set(e.target.checked ? all.map(rowKey) : []))}
                />
              </th>
            )}
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`${column.align === 'right' ? 'text-right' : ''} ${column.secondary ? 'max-md:hidden' : ''}`}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {!rows && loading && Array.from({ length: 5 }, (_, i) => (
            <tr key={i} aria-hidden>
              {selection && <td />}
              {columns.map((column) => <td key={column.header} className={column.secondary ? 'max-md:hidden' : ''}><span className="skeleton" /></td>)}
            </tr>
          ))}
          {all.map((row, i) => {
            const key = rowKey(row);
            return (
              <tr key={key} data-row={i} tabIndex={keyboard ? -1 : undefined} className={keyboard && i === focused ? 'row-focused' : undefined}
                onFocus={keyboard ? () => setFocused(i) : undefined}>
                {selection && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={selection.label(row)}
                      checked={selection.selected.has(key)}
                      onChange={(e) => toggle(key, e.target.checked)}
                    />
                  </td>
                )}
                {columns.map((column) => (
                  <td key={column.header} className={`${column.align === 'right' ? 'text-right tabular-nums' : ''} ${column.secondary ? 'max-md:hidden' : ''}`}>{column.cell(row)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows && rows.length === 0 && <Empty>{empty}</Empty>}
    </div>
  );
}

/**
 * j/k move the focus down and up the rows (the row itself is focused, so a screen reader reads it),
 * Enter opens the row's link, x calls `select`. Ignored while typing or with a dialog open.
 */
function useRowKeys(body: RefObject<HTMLTableSectionElement | null> | null, count: number, focused: number, setFocused: (i: number) => void, select: (i: number) => void) {
  useEffect(() => {
    if (!body) return;
    const row = (i: number) => body.current?.querySelector<HTMLElement>(`tr[data-row="${i}"]`);
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || target.closest('input, textarea, select, [contenteditable="true"]') || document.querySelector('[role="dialog"]')) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        const next = Math.min(count - 1, Math.max(0, focused + (event.key === 'j' ? 1 : -1)));
        row(next)?.focus();
        setFocused(next);
      } else if (event.key === 'x' && focused >= 0) {
        event.preventDefault();
        select(focused);
      } else if (event.key === 'Enter' && target.dataset.row !== undefined) {
        event.preventDefault();
        target.querySelector<HTMLElement>('a[href]')?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}

/** Cursor pages kept in the URL: `cursor` is this page, `prev` the cursors that led here, so Previous works after a reload. */
export interface PageSearch { cursor?: string; prev?: string; limit?: number }

export function pageSearch(search: Record<string, unknown>): PageSearch {
  const limit = Number(search.limit);
  return {
    cursor: typeof search.cursor === 'string' && search.cursor ? search.cursor : undefined,
    prev: typeof search.prev === 'string' && search.prev ? search.prev : undefined,
    limit: [20, 50, 100].includes(limit) ? limit : undefined,
  };
}

export function Pagination({ search, nextCursor }: { search: PageSearch; nextCursor: string | null | undefined }) {
  const navigate = useNavigate();
  const stack = search.prev ? search.prev.split('~') : [];
  const go = (patch: Partial<PageSearch>) => navigate({ to: '.', search: (old: Record<string, unknown>) => ({ ...old, ...patch }) as never });
  return (
    <nav aria-label="Pagination" className="mt-3 flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="button"
        disabled={!search.cursor}
        onClick={() => {
          const previous = stack.pop();
          go({ cursor: previous === '-' ? undefined : previous, prev: stack.length ? stack.join('~') : undefined });
        }}
      >
        Previous
      </button>
      <button
        type="button"
        className="button"
        disabled={!nextCursor}
        onClick={() => go({ cursor: nextCursor ?? undefined, prev: [...stack, search.cursor ?? '-'].join('~') })}
      >
        Next
      </button>
      <label className="ml-auto flex items-center gap-2 text-sm">
        Per page
        <select className="input w-auto" value={search.limit ?? 20} onChange={(e) => go({ limit: Number(e.target.value), cursor: undefined, prev: undefined })}>
          {[20, 50, 100].map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
    </nav>
  );
}
