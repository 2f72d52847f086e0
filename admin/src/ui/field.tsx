import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldProps { label: string; error?: string | null; hint?: ReactNode; className?: string }

/** A labelled field whose error is announced with it (aria-describedby, aria-invalid). */
function useFieldIds(error?: string | null, hint?: ReactNode) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return { id, errorId, hintId, describedBy };
}

function FieldFrame({ id, label, error, errorId, hint, hintId, className, children }: FieldProps & { id: string; errorId: string; hintId: string; children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ''}`}>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children}
      {hint && <p id={hintId} className="text-xs text-[var(--muted)]">{hint}</p>}
      {error && <p id={errorId} className="text-xs text-[var(--critical-text)]">{error}</p>}
    </div>
  );
}

export function TextField({ label, error, hint, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame {...ids} label={label} error={error} hint={hint} className={className}>
      <input id={ids.id} className="input" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
    </FieldFrame>
  );
}

export function TextArea({ label, error, hint, className, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame {...ids} label={label} error={error} hint={hint} className={className}>
      <textarea id={ids.id} className="input min-h-24" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
    </FieldFrame>
  );
}

export function SelectField({ label, error, hint, className, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame {...ids} label={label} error={error} hint={hint} className={className}>
      <select id={ids.id} className="input" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>{children}</select>
    </FieldFrame>
  );
}
