import { useState } from 'react';
import { parseMoney } from '../lib/format.ts';
import { ErrorBanner } from './feedback.tsx';
import { SelectField, TextField } from './field.tsx';

export interface BalanceChange { currency_code: string; amount: number; reason: string }

/**
 * Add to or take from a balance (a gift card's, a customer's store credit), with the reason the
 * movement log keeps. Typed in major units, sent signed in minor units; the server refuses to go below zero.
 */
export function BalanceChangeForm({ currencies, mutation, addLabel, takeLabel, submitLabel }: {
  currencies: string[];
  mutation: {
    mutate: (change: BalanceChange, options?: { onSuccess?: () => void }) => void;
    isPending: boolean;
    fieldErrors: Record<string, string>;
    bannerError: Error | null;
  };
  addLabel: string;
  takeLabel: string;
  submitLabel: string;
}) {
  const [direction, setDirection] = useState<'add' | 'take'>('add');
  const [currency, setCurrency] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const chosen = currency || currencies[0] || 'USD';
  const minor = parseMoney(amount, chosen);
  const invalid = amount !== '' && (minor === null || minor <= 0);
  return (
    <form className="flex flex-col gap-3" onSubmit={(e) => {
      e.preventDefault();
      if (minor === null || minor <= 0) return;
      mutation.mutate({ currency_code: chosen, amount: direction === 'add' ? minor : -minor, reason: reason.trim() }, { onSuccess: () => { setAmount(''); setReason(''); } });
    }}>
      <ErrorBanner error={mutation.bannerError} />
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium">Change</legend>
        <label className="flex items-center gap-2"><input type="radio" name="direction" checked={direction === 'add'} onChange={() => setDirection('add')} /> {addLabel}</label>
        <label className="flex items-center gap-2"><input type="radio" name="direction" checked={direction === 'take'} onChange={() => setDirection('take')} /> {takeLabel}</label>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        {currencies.length > 1 && (
          <SelectField className="w-28" label="Currency" value={chosen} onChange={(e) => setCurrency(e.target.value)} error={mutation.fieldErrors.currency_code}>
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </SelectField>
        )}
        <TextField className="w-40" label={`Amount (${chosen})`} inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)}
          error={mutation.fieldErrors.amount ?? (invalid ? 'A positive amount, such as 5.00' : null)} data-field="amount" />
      </div>
      <TextField label="Reason" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} error={mutation.fieldErrors.reason} data-field="reason" />
      <button type="submit" className="button button-primary self-start" disabled={mutation.isPending || invalid}>{submitLabel}</button>
    </form>
  );
}
