import type { ReactNode } from 'react';

/**
 * A wide table's box: it scrolls sideways on a narrow screen instead of widening the page, and takes
 * focus, so the keyboard can scroll it too (axe's scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return <div className="overflow-x-auto" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
