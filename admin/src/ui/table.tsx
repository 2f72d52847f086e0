import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
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
export function DataTable<Row>({ caption, columns, rows, rowKey, loading, error, onRetry, empty, selection }: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[] | undefined;
  rowKey: (row: Row) => string;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  empty: ReactNode;
  selection?: { selected: Set<string>; onChange: (next: Set<string>) => void; label: (row: Row) => string };
}) {
  if (error && !rows) return <ErrorBanner error={error} onRetry={onRetry} />;
  const all = rows ?? [];
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
        <tbody>
          {!rows && loading && Array.from({ length: 5 }, (_, i) => (
            <tr key={i} aria-hidden>
              {selection && <td />}
              {columns.map((column) => <td key={column.header} className={column.secondary ? 'max-md:hidden' : ''}><span className="skeleton" /></td>)}
            </tr>
          ))}
          {all.map((row) => {
            const key = rowKey(row);
            return (
              <tr key={key}>
                {selection && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={selection.label(row)}
                      checked={selection.selected.has(key)}
                      onChange={(e) => {
                        const next = new Set(selection.selected);
                        if (e.target.checked) next.add(key);
                        else next.delete(key);
                        selection.onChange(next);
                      }}
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
