import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { api, ok, setCsrfToken } from '../api.ts';
import type { paths } from '../../../src/client/index.ts';

export type Session = paths['/admin/auth/session']['get']['responses'][200]['content']['application/json'];

export const sessionQuery = {
  queryKey: ['session'] as const,
  queryFn: async (): Promise<Session> => {
    const session = await ok(api.GET('/admin/auth/session'));
    setCsrfToken(session.csrf_token);
    return session;
  },
  staleTime: 5 * 60_000,
  retry: false,
};

/** The shop's settings: its time zone is the one dates are shown in. */
export const shopQuery = {
  queryKey: ['shop'] as const,
  queryFn: () => ok(api.GET('/admin/shop')),
  staleTime: 5 * 60_000,
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

/** Whether the signed-in user's role allows a permission ("orders:refund"). The server checks again. */
export function useCan(): (permission: string) => boolean {
  const { permissions } = useSession();
  return (permission) => permissions.includes(permission);
}

export function useSessionQuery() {
  return useQuery(sessionQuery);
}
