import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { ChartColumn, Boxes, Home, Keyboard, LogOut, Menu, Percent, Search, Settings, ShoppingCart, Tag, Users, X } from 'lucide-react';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { api, ok, setCsrfToken } from '../api.ts';
import { useCan, useSession } from '../lib/session.tsx';

const CommandPalette = lazy(() => import('./command-palette.tsx'));
const ShortcutsDialog = lazy(() => import('./shortcuts-dialog.tsx'));

interface NavItem { to: string; label: string; icon?: ReactNode; permission: string; children?: NavItem[] }

/** ADMIN-APP.md §1. */
export const NAV: NavItem[] = [
  { to: '/', label: 'Home', icon: <Home aria-hidden size={18} />, permission: 'orders:read' },
  { to: '/orders', label: 'Orders', icon: <ShoppingCart aria-hidden size={18} />, permission: 'orders:read', children: [
    { to: '/draft-orders', label: 'Drafts', permission: 'orders:read' },
    { to: '/reports/margins', label: 'Margins', permission: 'orders:read' },
  ] },
  { to: '/products', label: 'Products', icon: <Tag aria-hidden size={18} />, permission: 'products:read', children: [
    { to: '/collections', label: 'Collections', permission: 'products:read' },
    { to: '/categories', label: 'Categories', permission: 'products:read' },
    { to: '/inventory', label: 'Inventory', permission: 'inventory:read' },
    { to: '/purchase-orders', label: 'Purchase orders', permission: 'inventory:read' },
    { to: '/lots', label: 'Lots', permission: 'inventory:read' },
    { to: '/suppliers', label: 'Suppliers', permission: 'inventory:read' },
    { to: '/search-synonyms', label: 'Search synonyms', permission: 'products:read' },
  ] },
  { to: '/customers', label: 'Customers', icon: <Users aria-hidden size={18} />, permission: 'customers:read', children: [
    { to: '/customer-groups', label: 'Groups', permission: 'customers:read' },
    { to: '/segments', label: 'Segments', permission: 'customers:read' },
    { to: '/marketing/dead-letters', label: 'Marketing dead letters', permission: 'customers:read' },
  ] },
  { to: '/promotions', label: 'Promotions', icon: <Percent aria-hidden size={18} />, permission: 'products:read', children: [
    { to: '/campaigns', label: 'Campaigns', permission: 'products:read' },
    { to: '/price-lists', label: 'Price lists', permission: 'products:read' },
    { to: '/gift-cards', label: 'Gift cards', permission: 'orders:read' },
  ] },
  { to: '/analytics', label: 'Analytics', icon: <ChartColumn aria-hidden size={18} />, permission: 'orders:read' },
];

export const SETTINGS_NAV: NavItem[] = [
  { to: '/settings/regions', label: 'Regions & currencies', permission: 'settings:read' },
  { to: '/settings/shipping', label: 'Shipping', permission: 'settings:read' },
  { to: '/settings/carriers', label: 'Carriers', permission: 'settings:read' },
  { to: '/settings/locations', label: 'Locations', permission: 'inventory:read' },
  { to: '/settings/users', label: 'Users & roles', permission: 'users:manage' },
  { to: '/settings/api-keys', label: 'API keys', permission: 'users:manage' },
  { to: '/settings/webhooks', label: 'Webhooks', permission: 'webhooks:manage' },
  { to: '/settings/jobs', label: 'Jobs & events', permission: 'settings:read' },
  { to: '/settings/emails', label: 'Emails', permission: 'customers:read' },
  { to: '/settings/assistant', label: 'Shopping assistant', permission: 'settings:read' },
  { to: '/settings/audit-log', label: 'Audit log', permission: 'audit:read' },
  { to: '/settings/ledger', label: 'Ledger', permission: 'audit:read' },
];

function isActive(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function Sidebar({ onNavigate }: { onNavigate: () => void }) {
  const can = useCan();
  const pathname = useRouterState({ select: (s) => s.location.pathname.replace(/^\/app/, '') || '/' });
  const link = (item: NavItem, sub = false) => (
    <Link to={item.to} onClick={onNavigate} className={`nav-link ${sub ? 'nav-sub' : ''}`} aria-current={isActive(pathname, item.to) && (sub || !item.children?.some((c) => isActive(pathname, c.to))) ? 'page' : undefined}>
      {item.icon}
      {item.label}
    </Link>
  );
  const settings = SETTINGS_NAV.filter((item) => can(item.permission));
  return (
    <nav aria-label="Main" className="flex h-full flex-col gap-1 p-3">
      <ul className="flex flex-col gap-0.5">
        {NAV.filter((item) => can(item.permission)).map((item) => (
          <li key={item.to}>
            {link(item)}
            {item.children && (isActive(pathname, item.to) || item.children.some((c) => isActive(pathname, c.to))) && (
              <ul className="mt-0.5 flex flex-col gap-0.5">
                {item.children.filter((c) => can(c.permission)).map((child) => <li key={child.to}>{link(child, true)}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {settings.length > 0 && (
        <div className="mt-auto border-t border-[var(--border)] pt-2">
          <Link to={settings[0].to} onClick={onNavigate} className="nav-link" aria-current={pathname.startsWith('/settings') ? 'page' : undefined}>
            <Settings aria-hidden size={18} />
            Settings
          </Link>
        </div>
      )}
    </nav>
  );
}

/** The signed-in frame: skip link, header, sidebar (a menu below 768 px), one main, the command palette. */
export function Shell() {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const signOut = useMutation({
    mutationFn: () => ok(api.POST('/admin/auth/logout')),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      navigate({ to: '/login', search: {} });
    },
  });

  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useGoShortcuts(() => setPaletteOpen(true), () => setShortcutsOpen(true));

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">Skip to content</a>
      <header className="flex h-14 items-center gap-2 border-b border-[var(--border)] bg-[var(--surface)] px-3">
        <button type="button" className="icon-button md:hidden" aria-label={menuOpen ? 'Close menu' : 'Open menu'} aria-expanded={menuOpen} aria-controls="sidebar" onClick={() => setMenuOpen(!menuOpen)}>
          {menuOpen ? <X aria-hidden size={20} /> : <Menu aria-hidden size={20} />}
        </button>
        <Link to="/" className="flex items-center gap-2 font-semibold text-[var(--text)] no-underline">
          <Boxes aria-hidden size={20} className="text-[var(--accent)]" />
          Cartwright
        </Link>
        <button type="button" className="button ml-2 w-full max-w-sm justify-start text-[var(--muted)]" onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K Meta+K">
          <Search aria-hidden size={16} />
          <span className="truncate">Search</span>
          <kbd className="ml-auto hidden text-xs sm:inline">Ctrl K</kbd>
        </button>
        <div className="ml-auto flex items-center gap-2">
          <button type="button" className="icon-button max-sm:hidden" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" aria-keyshortcuts="Shift+?" onClick={() => setShortcutsOpen(true)}>
            <Keyboard aria-hidden size={18} />
          </button>
          <span className="hidden text-sm text-[var(--muted)] sm:inline">{session.user?.name ?? session.user?.email}</span>
          <button type="button" className="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            <LogOut aria-hidden size={16} />
            Sign out
          </button>
        </div>
      </header>
      <div className="flex flex-1">
        <aside id="sidebar" className={`${menuOpen ? 'block' : 'hidden'} fixed inset-x-0 top-14 bottom-0 z-30 w-full bg-[var(--surface)] md:static md:block md:w-60 md:shrink-0 md:border-r md:border-[var(--border)]`}>
          <Sidebar onNavigate={() => setMenuOpen(false)} />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 pb-10 md:px-6">
          <Outlet />
        </main>
      </div>
      {paletteOpen && (
        <Suspense fallback={null}>
          <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
        </Suspense>
      )}
      {shortcutsOpen && <Suspense fallback={null}><ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} /></Suspense>}
    </div>
  );
}

/** ⌘K / Ctrl-K opens the palette; `g` then o/p/c/h goes to orders, products, customers, home; `?` lists them all. Ignored while typing. */
function useGoShortcuts(openPalette: () => void, openShortcuts: () => void) {
  const navigate = useNavigate();
  useEffect(() => {
    let pendingG = 0;
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openPalette();
        return;
      }
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      if (event.key === 'g') {
        pendingG = Date.now();
        return;
      }
      if (event.key === '?') {
        openShortcuts();
        return;
      }
      const destinations: Record<string, string> = { o: '/orders', p: '/products', c: '/customers', h: '/' };
      if (Date.now() - pendingG < 1000 && destinations[event.key]) {
        pendingG = 0;
        navigate({ to: destinations[event.key] });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, openPalette, openShortcuts]);
}
