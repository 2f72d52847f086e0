/** Calls a running `cartwright start` process over real HTTP, signed in as the owner ADMIN_EMAIL made. */
export const REMOTE_ADMIN = { email: 'owner@remote.test', password: 'remote owner password' };

export interface Remote {
  url: string;
  call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Expects `status` (200 by default) and returns the body. */
  ok<T = any>(method: string, path: string, body?: unknown, status?: number): Promise<T>;
}

export async function signIn(url: string): Promise<Remote> {
  const send = async (method: string, path: string, body: unknown, token?: string) => {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, text };
  };
  const login = await send('POST', '/admin/auth/login', REMOTE_ADMIN);
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  const token = login.body.token as string;
  return {
    url,
    call: async (method, path, body) => send(method, path, body, token),
    async ok(method, path, body, status = 200) {
      const res = await send(method, path, body, token);
      if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${res.text}`);
      return res.body;
    },
  };
}

/** Every page of an Admin API list. */
export async function listAll<T = any>(remote: Remote, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { data: T[]; next_cursor: string | null } = await remote.ok('GET', `${path}${sep}limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}
