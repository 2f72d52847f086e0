import { Link, type LinkProps } from '@tanstack/react-router';
import { ArrowLeft } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page's frame: sets document.title and moves focus to the h1 when the page opens, so a screen
 * reader announces where navigation landed and Tab continues from the top of the content.
 */
export function Page({ title, heading, back, badges, actions, children, wide }: {
  title: string;
  heading?: ReactNode;
  back?: { label: string } & Pick<LinkProps, 'to' | 'search' | 'params'>;
  badges?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Cartwright`;
    h1.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className={`mx-auto w-full ${wide ? 'max-w-[1400px]' : 'max-w-[1100px]'}`}>
      <header className="sticky top-0 z-10 -mx-4 mb-4 flex flex-wrap items-center gap-3 bg-[var(--bg)] px-4 py-3 md:-mx-6 md:px-6">
        {back && (
          <Link to={back.to} search={back.search as never} params={back.params as never} className="icon-button" aria-label={back.label} title={back.label}>
            <ArrowLeft aria-hidden size={18} />
          </Link>
        )}
        <h1 ref={h1} tabIndex={-1} className="min-w-0 text-[20px] leading-7 font-semibold [overflow-wrap:anywhere] outline-none">{heading ?? title}</h1>
        {badges && <div className="flex flex-wrap gap-2">{badges}</div>}
        {actions && <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>}
      </header>
      {children}
    </div>
  );
}

export function Card({ title, action, children, className = '' }: { title?: ReactNode; action?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className}`}>
      {(title || action) && (
        <div className="mb-3 flex flex-wrap items-center gap-2">
          {title && <h2 className="text-[16px] leading-6 font-semibold">{title}</h2>}
          {action && <div className="ml-auto flex flex-wrap gap-2">{action}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

/** Two columns from 1024 px: the resource on the left, status and meta on the right. */
export function DetailLayout({ main, side }: { main: ReactNode; side: ReactNode }) {
  return (
    <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
      <div className="flex min-w-0 flex-col gap-4">{main}</div>
      <div className="flex min-w-0 flex-col gap-4">{side}</div>
    </div>
  );
}
