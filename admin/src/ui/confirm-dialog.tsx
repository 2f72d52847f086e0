import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Dialog, DialogClose } from './dialog.tsx';
import { ErrorBanner } from './feedback.tsx';

/**
 * A destructive action behind its confirmation: the dialog says what will and won't happen, its button
 * repeats the verb, focus starts on Cancel (Enter never destroys by accident). A refusal (a region carts
 * still use) stays in the dialog, in plain words.
 */
export function ConfirmButton({ label, title, description, verb, run, onDone, className = 'button button-danger' }: {
  /** The trigger's text, naming what it acts on ("Delete region"). */
  label: string;
  title: string;
  description: ReactNode;
  /** The confirming button's text ("Delete region"); its pending form adds an ellipsis. */
  verb: string;
  run: () => Promise<unknown>;
  onDone: () => void | Promise<void>;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const action = useMutation({
    mutationFn: run,
    onSuccess: async () => { setOpen(false); await onDone(); },
  });
  return (
    <>
      <button type="button" className={className} onClick={() => { action.reset(); setOpen(true); }}>{label}</button>
      <Dialog open={open} onOpenChange={setOpen} title={title} description={description}>
        <ErrorBanner error={action.error} />
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild><button type="button" className="button" autoFocus>Cancel</button></DialogClose>
          <button type="button" className="button button-danger" disabled={action.isPending} onClick={() => action.mutate()}>{action.isPending ? `${verb}…` : verb}</button>
        </div>
      </Dialog>
    </>
  );
}
