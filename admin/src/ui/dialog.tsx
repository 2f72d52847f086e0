import { Dialog as D } from 'radix-ui';
import type { ReactNode } from 'react';

/**
 * A short decision (≤ 4 inputs): titled, focus trapped, Esc closes, focus returns to the trigger
 * (Radix). Never stacked.
 */
export function Dialog({ open, onOpenChange, title, description, children }: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <D.Content
          className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(520px,calc(100vw-24px))] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg bg-white p-5 shadow-xl"
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <D.Title className="mb-2 text-[16px] leading-6 font-semibold">{title}</D.Title>
          {description && <D.Description className="mb-4 text-sm text-[var(--muted)]">{description}</D.Description>}
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

export const DialogClose = D.Close;
