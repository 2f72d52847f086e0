import { AlertCircle, X } from 'lucide-react';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

interface Toast { id: number; text: string }
const ToastContext = createContext<(text: string) => void>(() => {});

/**
 * Confirmations ("Payment captured") in a status live region mounted at start, so screen readers hear
 * them. Errors that need action never go here: they stay beside the field or in a banner.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((text: string) => {
    const id = Date.now() + Math.random();
    setToasts((list) => [...list, { id, text }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 5000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div role="status" aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex flex-col gap-2">
        {toasts.map((toast) => (
          <div key={toast.id} className="pointer-events-auto flex items-center gap-3 rounded-md bg-[var(--text)] px-4 py-3 text-sm text-white shadow-lg">
            {toast.text}
            <button type="button" className="rounded p-1 hover:bg-white/20" aria-label="Dismiss" onClick={() => setToasts((l) => l.filter((t) => t.id !== toast.id))}>
              <X aria-hidden size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (text: string) => void {
  return useContext(ToastContext);
}

/** A failure in plain words, announced at once (role="alert"), with a retry when one makes sense. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="mb-4 flex items-start gap-3 rounded-md border border-[var(--critical-border)] bg-[var(--critical-bg)] p-3 text-sm text-[var(--critical-text)]">
      <AlertCircle aria-hidden size={18} className="mt-0.5 shrink-0" />
      <p className="flex-1">{message}</p>
      {onRetry && <button type="button" className="button" onClick={onRetry}>Retry</button>}
    </div>
  );
}

export function Empty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 px-4 py-10 text-center text-[var(--muted)]">
      <p>{children}</p>
      {action}
    </div>
  );
}
