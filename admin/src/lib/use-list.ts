import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';

/** Sets filters in the URL (so a view can be shared and survives reload), going back to the first page. */
export function useSetSearch() {
  const navigate = useNavigate();
  return (patch: Record<string, unknown>) =>
    navigate({ to: '.', search: (old: Record<string, unknown>) => ({ ...old, ...patch, cursor: undefined, prev: undefined }) as never, replace: true });
}

/** A search box's text, sent to the URL 300 ms after typing stops. */
export function useDebouncedSearch(value: string | undefined, apply: (text: string | undefined) => void) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    if ((value ?? '') === text) return;
    const timer = setTimeout(() => apply(text.trim() || undefined), 300);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps
  return [text, setText] as const;
}
