/**
 * What staff and API keys may do. Every Admin API route declares one permission (a test fails for a
 * route that does not); `authenticated` means any signed-in actor (their own session).
 */
export const PERMISSIONS = [
  'products:read', 'products:write',
  'inventory:read', 'inventory:write',
  'orders:read', 'orders:write', 'orders:fulfill', 'orders:refund',
  'customers:read', 'customers:write',
  'settings:read', 'settings:write',
  'users:manage',
  'audit:read',
  'webhooks:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type RoutePermission = Permission | 'authenticated';

const all = [...PERMISSIONS];
const reads = all.filter((p) => p.endsWith(':read'));

/** The roles every shop has. Custom roles (`/admin/roles`) add to these; these cannot change. */
export const BUILT_IN_ROLES: Record<string, { name: string; permissions: Permission[] }> = {
  owner: { name: 'Owner', permissions: all },
  admin: { name: 'Administrator', permissions: all.filter((p) => p !== 'users:manage') },
  catalog_manager: { name: 'Catalog manager', permissions: ['products:read', 'products:write', 'inventory:read', 'inventory:write', 'settings:read'] },
  fulfillment: { name: 'Fulfillment', permissions: ['orders:read', 'orders:fulfill', 'inventory:read', 'inventory:write', 'products:read'] },
  support: { name: 'Support', permissions: ['orders:read', 'customers:read', 'customers:write', 'products:read'] },
  read_only: { name: 'Read only', permissions: reads },
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
