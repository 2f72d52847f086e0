import { parseMoney } from '../lib/format.ts';
import { TextField } from './field.tsx';
import { VariantSearch, type PickedVariant } from './variant-search.tsx';

export interface PickedLine { variant: PickedVariant; quantity: string; price: string; reason: string }

/** Picked lines as the API takes them: a custom price (minor units) needs its reason; none means the catalogue price. */
export function pickedLinesBody(lines: PickedLine[], currency: string) {
  return lines.map((line) => {
    const custom = parseMoney(line.price, currency);
    return { variant_id: line.variant.id, quantity: Number(line.quantity), ...(custom === null ? {} : { unit_price: custom, price_reason: line.reason.trim() }) };
  });
}

/**
 * Lines added by searching the catalogue: quantity, and optionally a custom price with the reason for it.
 * `field` is where the API names these lines' errors (`add`, `lines`).
 */
export function LinePicker({ lines, onChange, currency, field, errors }: {
  lines: PickedLine[];
  onChange: (next: PickedLine[]) => void;
  currency: string;
  field: string;
  errors: Record<string, string>;
}) {
  const set = (i: number, patch: Partial<PickedLine>) => onChange(lines.map((line, j) => (j === i ? { ...line, ...patch } : line)));
  return (
    <div className="flex flex-col gap-3">
      {errors[field] && <p className="text-xs text-[var(--critical-text)]">{errors[field]}</p>}
      <ul className="flex flex-col gap-3">
        {lines.map((line, i) => {
          const name = line.variant.product_title;
          return (
            <li key={line.variant.id} className="flex flex-wrap items-end gap-3 border-b border-[var(--border)] pb-3">
              <div className="min-w-48 flex-1">
                <div className="font-medium">{name}</div>
                <div className="text-xs text-[var(--muted)]">{line.variant.title}{line.variant.sku ? ` · SKU ${line.variant.sku}` : ''}</div>
              </div>
              <TextField label={`Quantity of added ${name}`} className="w-40" type="number" min={1} required value={line.quantity}
                onChange={(e) => set(i, { quantity: e.target.value })} error={errors[`${field}.${i}.quantity`]} data-field={`${field}.${i}.quantity`} />
              <TextField label={`Custom price of ${name} (${currency})`} hint="Empty: the catalogue price." className="w-56" inputMode="decimal" value={line.price}
                onChange={(e) => set(i, { price: e.target.value })}
                error={errors[`${field}.${i}.unit_price`] ?? (line.price.trim() && parseMoney(line.price, currency) === null ? `Not an amount in ${currency}` : null)} data-field={`${field}.${i}.unit_price`} />
              {line.price.trim() && (
                <TextField label={`Why this price for ${name}`} required className="w-56" value={line.reason}
                  onChange={(e) => set(i, { reason: e.target.value })} error={errors[`${field}.${i}.price_reason`]} data-field={`${field}.${i}.price_reason`} />
              )}
              <button type="button" className="button" onClick={() => onChange(lines.filter((_, j) => j !== i))}>Remove {name}</button>
            </li>
          );
        })}
      </ul>
      <VariantSearch currency={currency} onPick={(variant) => { if (!lines.some((l) => l.variant.id === variant.id)) onChange([...lines, { variant, quantity: '1', price: '', reason: '' }]); }} />
    </div>
  );
}
