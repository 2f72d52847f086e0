import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Dialog as D } from 'radix-ui';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { api, ok } from '../api.ts';
import { formatMoney } from '../lib/format.ts';
import { useCan } from '../lib/session.tsx';
import { NAV, SETTINGS_NAV } from './shell.tsx';

interface Option { id: string; group: string; label: string; detail?: string; to: string; params?: Record<string, string> }

/**
 * One combobox for records (order number or email, product title or SKU, customer email), pages and
 * actions. Arrow keys move, Enter opens, Esc closes.
 */
export default function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const navigate = useNavigate();
  const can = useCan();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDeferredValue(text.trim());
  const listId = useId();

  const records = useQuery({
    queryKey: ['palette', query],
    enabled: query.length >= 2,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<Option[]> => {
      const [orders, products, customers] = await Promise.all([
        can('orders:read') ? ok(api.GET('/admin/orders', { params: { query: { q: query, limit: 5 } } })) : null,
        can('products:read') ? ok(api.GET('/admin/products', { params: { query: { q: query, limit: 5 } } })) : null,
        can('customers:read') && query.includes('@') ? ok(api.GET('/admin/customers', { params: { query: { email: query, limit: 5 } } })) : null,
      ]);
      return [
        ...(orders?.data ?? []).map((o) => ({ id: o.id, group: 'Orders', label: `Order ${o.display_number ?? o.id}`, detail: `${o.email} · ${formatMoney(o.total, o.currency_code)}`, to: '/orders/$id', params: { id: o.id } })),
        ...(products?.data ?? []).map((p) => ({ id: p.id, group: 'Products', label: p.title, detail: p.handle, to: '/products/$id', params: { id: p.id } })),
        ...(customers?.data ?? []).map((c) => ({ id: c.id, group: 'Customers', label: c.email, detail: [c.first_name, c.last_name].filter(Boolean).join(' '), to: '/customers/$id', params: { id: c.id } })),
      ];
    },
  });

  const options = useMemo(() => {
    const lower = query.toLowerCase();
    const pages: Option[] = [...NAV.flatMap((item) => [item, ...(item.children ?? [])]), ...SETTINGS_NAV]
      .filter((item) => can(item.permission) && (!lower || item.label.toLowerCase().includes(lower)))
      .map((item) => ({ id: `page:${item.to}`, group: 'Pages', label: item.label, to: item.to }));
    const actions: Option[] = [
      can('products:write') ? { id: 'create-product', group: 'Actions', label: 'Create product', to: '/products/new' } : null,
      can('products:write') ? { id: 'import-products', group: 'Actions', label: 'Import products from CSV', to: '/products/import' } : null,
    ].filter((o): o is Option => !!o && (!lower || o.label.toLowerCase().includes(lower)));
    return [...(query.length >= 2 ? records.data ?? [] : []), ...actions, ...pages];
  }, [query, records.data, can]);

  const choose = (option: Option) => {
    onOpenChange(false);
    navigate({ to: option.to, params: option.params as never });
  };
  const current = Math.min(active, options.length - 1);

  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <D.Content aria-describedby={undefined} className="fixed top-[10vh] left-1/2 z-50 w-[min(640px,calc(100vw-24px))] -translate-x-1/2 rounded-lg bg-white shadow-xl">
          <D.Title className="sr-only">Search</D.Title>
          <input
            autoFocus
            role="combobox"
            aria-label="Search orders, products, customers, pages and actions"
            aria-expanded
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options[current] ? `${listId}-${current}` : undefined}
            className="w-full rounded-t-lg border-b border-[var(--border)] px-4 py-3 text-base outline-none"
            placeholder="Order number, email, product or SKU…"
            value={text}
            onChange={(e) => { setText(e.target.value); setActive(0); }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, options.length - 1)); }
              if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
              if (e.key === 'Enter' && options[current]) { e.preventDefault(); choose(options[current]); }
            }}
          />
          <ul id={listId} role="listbox" aria-label="Results" className="max-h-[60vh] overflow-auto p-2">
            {records.isFetching && <li role="presentation" className="px-3 py-2 text-sm text-[var(--muted)]">Searching…</li>}
            {records.error && <li role="presentation" className="px-3 py-2 text-sm text-[var(--critical-text)]">{records.error.message}</li>}
            {options.map((option, i) => (
              <li
                key={option.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === current}
                className={`flex cursor-pointer items-baseline gap-3 rounded px-3 py-2 ${i === current ? 'bg-[var(--info-bg)]' : ''}`}
                onMouseMove={() => setActive(i)}
                onClick={() => choose(option)}
              >
                <span className="w-20 shrink-0 text-xs text-[var(--muted)]">{option.group}</span>
                <span className="font-medium">{option.label}</span>
                {option.detail && <span className="truncate text-sm text-[var(--muted)]">{option.detail}</span>}
              </li>
            ))}
            {options.length === 0 && !records.isFetching && <li role="presentation" className="px-3 py-2 text-sm text-[var(--muted)]">Nothing found.</li>}
          </ul>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
