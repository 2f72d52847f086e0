import { useState } from 'react';
import type { paths } from '../../../src/client/index.ts';
import { useProductSearch } from '../lib/catalog.ts';
import { formatMoney } from '../lib/format.ts';

type Product = paths['/admin/products']['get']['responses'][200]['content']['application/json']['data'][number];
export type PickedVariant = Product['variants'][number] & { product_title: string };

/** Finds variants by product title or SKU (server-side search) and hands the chosen one back. */
export function VariantSearch({ currency, onPick }: { currency: string; onPick: (variant: PickedVariant) => void }) {
  const [q, setQ] = useState('');
  const text = q.trim();
  const found = useProductSearch(text);
  const variants = (found.data?.data ?? []).flatMap((p) => p.variants.map((v) => ({ ...v, product_title: p.title })));
  const price = (v: PickedVariant) => v.prices.find((p) => p.currency_code === currency.toUpperCase());
  return (
    <div className="flex flex-col gap-2">
      <label className="flex flex-col gap-1 text-sm font-medium">
        Find a product or SKU
        <input className="input font-normal" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      {text.length > 1 && (
        <ul aria-label="Matching variants" aria-busy={found.isFetching || undefined} className="flex flex-col gap-1">
          {found.data && variants.length === 0 && <li className="text-sm text-[var(--muted)]">Nothing matches “{text}”.</li>}
          {variants.map((v) => {
            const name = `${v.product_title}${v.title && v.title !== 'Default' ? ` (${v.title})` : ''}`;
            const amount = price(v);
            return (
              <li key={v.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="flex-1">{name} <span className="text-[var(--muted)]">{v.sku ?? ''}{amount ? ` · ${formatMoney(amount.amount, amount.currency_code)}` : ` · no ${currency} price`}</span></span>
                <button type="button" className="button" aria-label={`Add ${name}`} onClick={() => { onPick(v); setQ(''); }}>Add</button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
