import type { AdminUser } from './admin-users.ts';

/** Who is calling the Admin API: a signed-in staff member, or an integration's API key. */
export interface AdminActor {
  /** `system`: the shop's own in-process reads (the audit log's before and after), never a caller. */
  kind: 'user' | 'api_key' | 'system';
  /** The user's id (usr_…) or the key's (key_…): what audit and movement logs record. */
  id: string;
  /** The staff member signed in (for a key: null). */
  user: AdminUser | null;
  sessionId: string | null;
  permissions: ReadonlySet<string>;
}
