import { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { ApiError, whenUnauthorized } from './api.ts';
import { setShopTimeZone } from './lib/format.ts';
import { sessionQuery, SessionProvider, shopQuery } from './lib/session.tsx';
import { Shell } from './ui/shell.tsx';
import { pageSearch } from './ui/table.tsx';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 15_000, retry: (count, error) => !(error instanceof ApiError && error.status < 500 && error.status > 0) && count < 2 },
  },
});

/** Search params are all optional: links name only the filters they set. */
const optional = <T extends object>(validate: (search: Record<string, unknown>) => T) => validate as (search: Record<string, unknown>) => Partial<T>;

const root = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Outlet });

/** Where the browser is now, as a path under /app, for the sign-in page to return to. */
function here(): string {
  return window.location.pathname.replace(/^\/app/, '') + window.location.search;
}

const login = createRoute({
  getParentRoute: () => root,
  path: '/login',
  validateSearch: optional((search) => ({ redirect: typeof search.redirect === 'string' && search.redirect.startsWith('/') ? search.redirect : undefined })),
  component: lazyRouteComponent(() => import('./pages/login.tsx')),
});

/** Every page but sign-in: the session must be live, else sign in and come back here. */
const signedIn = createRoute({
  getParentRoute: () => root,
  id: 'signed-in',
  beforeLoad: async ({ context }) => {
    try {
      const session = await context.queryClient.ensureQueryData(sessionQuery);
      if (session.permissions.includes('settings:read')) setShopTimeZone((await context.queryClient.ensureQueryData(shopQuery)).time_zone);
      return { session };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw redirect({ to: '/login', search: { redirect: here() } });
      throw error;
    }
  },
  component: function SignedIn() {
    const { session } = signedIn.useRouteContext();
    return <SessionProvider session={session}><Shell /></SessionProvider>;
  },
});

const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const oneOf = <T extends string>(value: unknown, values: readonly T[]) => (values.includes(value as T) ? (value as T) : undefined);

const dashboard = createRoute({
  getParentRoute: () => signedIn,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/dashboard.tsx')),
});
const orders = createRoute({
  getParentRoute: () => signedIn,
  path: '/orders',
  validateSearch: optional((s) => ({
    ...pageSearch(s), q: str(s.q), status: str(s.status), payment_status: str(s.payment_status), fulfillment_status: str(s.fulfillment_status),
  })),
  component: lazyRouteComponent(() => import('./pages/orders.tsx')),
});
const order = createRoute({
  getParentRoute: () => signedIn,
  path: '/orders/$id',
  validateSearch: optional((s) => ({ action: str(s.action), target: str(s.target) })),
  component: lazyRouteComponent(() => import('./pages/order-detail.tsx')),
});
const orderFulfill = createRoute({
  getParentRoute: () => signedIn,
  path: '/orders/$id/fulfill',
  component: lazyRouteComponent(() => import('./pages/order-fulfill.tsx')),
});
const orderReturn = createRoute({
  getParentRoute: () => signedIn,
  path: '/orders/$id/return',
  component: lazyRouteComponent(() => import('./pages/order-return.tsx')),
});
const orderEdit = createRoute({
  getParentRoute: () => signedIn,
  path: '/orders/$id/edit',
  component: lazyRouteComponent(() => import('./pages/order-edit.tsx')),
});
const draftOrders = createRoute({
  getParentRoute: () => signedIn,
  path: '/draft-orders',
  validateSearch: optional(pageSearch),
  component: lazyRouteComponent(() => import('./pages/draft-orders.tsx')),
});
const draftOrderNew = createRoute({
  getParentRoute: () => signedIn,
  path: '/draft-orders/new',
  component: lazyRouteComponent(() => import('./pages/draft-order-new.tsx')),
});
const products = createRoute({
  getParentRoute: () => signedIn,
  path: '/products',
  validateSearch: optional((s) => ({ ...pageSearch(s), q: str(s.q), status: str(s.status), tag: str(s.tag) })),
  component: lazyRouteComponent(() => import('./pages/products.tsx')),
});
const productNew = createRoute({
  getParentRoute: () => signedIn,
  path: '/products/new',
  component: lazyRouteComponent(() => import('./pages/product-editor.tsx')),
});
const productImport = createRoute({
  getParentRoute: () => signedIn,
  path: '/products/import',
  component: lazyRouteComponent(() => import('./pages/product-import.tsx')),
});
const product = createRoute({
  getParentRoute: () => signedIn,
  path: '/products/$id',
  component: lazyRouteComponent(() => import('./pages/product-editor.tsx')),
});
const promotions = createRoute({
  getParentRoute: () => signedIn,
  path: '/promotions',
  validateSearch: optional((s) => ({ ...pageSearch(s), q: str(s.q) })),
  component: lazyRouteComponent(() => import('./pages/promotions.tsx')),
});
const promotionNew = createRoute({
  getParentRoute: () => signedIn,
  path: '/promotions/new',
  component: lazyRouteComponent(() => import('./pages/promotion-editor.tsx')),
});
const promotion = createRoute({
  getParentRoute: () => signedIn,
  path: '/promotions/$id',
  component: lazyRouteComponent(() => import('./pages/promotion-editor.tsx')),
});
const priceLists = createRoute({
  getParentRoute: () => signedIn,
  path: '/price-lists',
  validateSearch: optional((s) => ({ ...pageSearch(s), status: str(s.status) })),
  component: lazyRouteComponent(() => import('./pages/price-lists.tsx')),
});
const priceListNew = createRoute({
  getParentRoute: () => signedIn,
  path: '/price-lists/new',
  component: lazyRouteComponent(() => import('./pages/price-list-editor.tsx')),
});
const priceList = createRoute({
  getParentRoute: () => signedIn,
  path: '/price-lists/$id',
  component: lazyRouteComponent(() => import('./pages/price-list-editor.tsx')),
});
const giftCards = createRoute({
  getParentRoute: () => signedIn,
  path: '/gift-cards',
  validateSearch: optional(pageSearch),
  component: lazyRouteComponent(() => import('./pages/gift-cards.tsx')),
});
const giftCard = createRoute({
  getParentRoute: () => signedIn,
  path: '/gift-cards/$id',
  component: lazyRouteComponent(() => import('./pages/gift-card-detail.tsx')),
});
const campaigns = createRoute({
  getParentRoute: () => signedIn,
  path: '/campaigns',
  component: lazyRouteComponent(() => import('./pages/campaigns.tsx')),
});
const segments = createRoute({
  getParentRoute: () => signedIn,
  path: '/segments',
  component: lazyRouteComponent(() => import('./pages/segments.tsx')),
});
const marketingDeadLetters = createRoute({
  getParentRoute: () => signedIn,
  path: '/marketing/dead-letters',
  component: lazyRouteComponent(() => import('./pages/marketing-dead-letters.tsx')),
});
const collections = createRoute({
  getParentRoute: () => signedIn,
  path: '/collections',
  component: lazyRouteComponent(() => import('./pages/collections.tsx')),
});
const categories = createRoute({
  getParentRoute: () => signedIn,
  path: '/categories',
  component: lazyRouteComponent(() => import('./pages/categories.tsx')),
});
const inventory = createRoute({
  getParentRoute: () => signedIn,
  path: '/inventory',
  validateSearch: optional((s) => ({ ...pageSearch(s), sku: str(s.sku), location_id: str(s.location_id), low_stock: s.low_stock === true || s.low_stock === 'true' ? true : undefined })),
  component: lazyRouteComponent(() => import('./pages/inventory.tsx')),
});
const inventoryMovements = createRoute({
  getParentRoute: () => signedIn,
  path: '/inventory/movements',
  validateSearch: optional((s) => ({ ...pageSearch(s), variant_id: str(s.variant_id), location_id: str(s.location_id), field: str(s.field) })),
  component: lazyRouteComponent(() => import('./pages/inventory-movements.tsx')),
});
const suppliers = createRoute({
  getParentRoute: () => signedIn,
  path: '/suppliers',
  component: lazyRouteComponent(() => import('./pages/suppliers.tsx')),
});
const purchaseOrders = createRoute({
  getParentRoute: () => signedIn,
  path: '/purchase-orders',
  component: lazyRouteComponent(() => import('./pages/purchase-orders.tsx')),
});
const purchaseOrderNew = createRoute({
  getParentRoute: () => signedIn,
  path: '/purchase-orders/new',
  component: lazyRouteComponent(() => import('./pages/purchase-order-new.tsx')),
});
const purchaseOrder = createRoute({
  getParentRoute: () => signedIn,
  path: '/purchase-orders/$id',
  component: lazyRouteComponent(() => import('./pages/purchase-order-detail.tsx')),
});
const lots = createRoute({
  getParentRoute: () => signedIn,
  path: '/lots',
  component: lazyRouteComponent(() => import('./pages/lots.tsx')),
});
const lot = createRoute({
  getParentRoute: () => signedIn,
  path: '/lots/$id',
  component: lazyRouteComponent(() => import('./pages/lot-detail.tsx')),
});
const margins = createRoute({
  getParentRoute: () => signedIn,
  path: '/reports/margins',
  validateSearch: optional((s) => ({
    ...pageSearch(s), currency_code: str(s.currency_code), group_by: s.group_by === 'order' ? 'order' as const : undefined, from: str(s.from), to: str(s.to),
  })),
  component: lazyRouteComponent(() => import('./pages/margins.tsx')),
});
const forecast = createRoute({
  getParentRoute: () => signedIn,
  path: '/forecasts/$variantId',
  component: lazyRouteComponent(() => import('./pages/forecast.tsx')),
});
const analytics = createRoute({
  getParentRoute: () => signedIn,
  path: '/analytics',
  validateSearch: optional((s) => ({
    from: str(s.from), to: str(s.to), currency: str(s.currency),
    granularity: oneOf(s.granularity, ['day', 'week', 'month'] as const),
    group_by: oneOf(s.group_by, ['product', 'variant', 'collection'] as const),
  })),
  component: lazyRouteComponent(() => import('./pages/analytics.tsx')),
});
const searchSynonyms = createRoute({
  getParentRoute: () => signedIn,
  path: '/search-synonyms',
  component: lazyRouteComponent(() => import('./pages/search-synonyms.tsx')),
});
const customers = createRoute({
  getParentRoute: () => signedIn,
  path: '/customers',
  validateSearch: optional((s) => ({ ...pageSearch(s), email: str(s.email) })),
  component: lazyRouteComponent(() => import('./pages/customers.tsx')),
});
const customer = createRoute({
  getParentRoute: () => signedIn,
  path: '/customers/$id',
  component: lazyRouteComponent(() => import('./pages/customer-detail.tsx')),
});
const customerGroups = createRoute({
  getParentRoute: () => signedIn,
  path: '/customer-groups',
  component: lazyRouteComponent(() => import('./pages/customer-groups.tsx')),
});
const regions = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/regions',
  component: lazyRouteComponent(() => import('./pages/settings-regions.tsx')),
});
const regionNew = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/regions/new',
  component: lazyRouteComponent(() => import('./pages/settings-region.tsx')),
});
const region = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/regions/$id',
  component: lazyRouteComponent(() => import('./pages/settings-region.tsx')),
});
const shipping = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/shipping',
  component: lazyRouteComponent(() => import('./pages/settings-shipping.tsx')),
});
const shippingOptionNew = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/shipping/new',
  component: lazyRouteComponent(() => import('./pages/settings-shipping-option.tsx')),
});
const shippingOption = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/shipping/$id',
  component: lazyRouteComponent(() => import('./pages/settings-shipping-option.tsx')),
});
const carriers = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/carriers',
  component: lazyRouteComponent(() => import('./pages/settings-carriers.tsx')),
});
const locations = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/locations',
  component: lazyRouteComponent(() => import('./pages/settings-locations.tsx')),
});
const users = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/users',
  component: lazyRouteComponent(() => import('./pages/settings-users.tsx')),
});
const apiKeys = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/api-keys',
  component: lazyRouteComponent(() => import('./pages/settings-api-keys.tsx')),
});
const webhooks = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/webhooks',
  component: lazyRouteComponent(() => import('./pages/settings-webhooks.tsx')),
});
const webhook = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/webhooks/$id',
  component: lazyRouteComponent(() => import('./pages/settings-webhook.tsx')),
});
const jobs = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/jobs',
  component: lazyRouteComponent(() => import('./pages/settings-jobs.tsx')),
});
const ledger = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/ledger',
  component: lazyRouteComponent(() => import('./pages/settings-ledger.tsx')),
});
const emails = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/emails',
  component: lazyRouteComponent(() => import('./pages/settings-emails.tsx')),
});
const assistant = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/assistant',
  component: lazyRouteComponent(() => import('./pages/settings-assistant.tsx')),
});
const auditLog = createRoute({
  getParentRoute: () => signedIn,
  path: '/settings/audit-log',
  validateSearch: optional((s) => ({ ...pageSearch(s), resource_type: str(s.resource_type) })),
  component: lazyRouteComponent(() => import('./pages/settings-audit-log.tsx')),
});

const routeTree = root.addChildren([login, signedIn.addChildren([
  dashboard, orders, order, orderFulfill, orderReturn, orderEdit, draftOrders, draftOrderNew, products, productNew, productImport, product, collections, categories, inventory, inventoryMovements, forecast, searchSynonyms, purchaseOrders, purchaseOrderNew, purchaseOrder, lots, lot, margins, suppliers, customers, customer, customerGroups, promotions, promotionNew, promotion, campaigns, priceLists, priceListNew, priceList, giftCards, giftCard, segments, marketingDeadLetters, analytics, regions, regionNew, region, shipping, shippingOptionNew, shippingOption, carriers, locations, users, apiKeys, webhooks, webhook, jobs, ledger, emails, assistant, auditLog,
])]);

export const router = createRouter({
  routeTree,
  basepath: '/app',
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register { router: typeof router }
}

// A session that ends while the app is open (expired, revoked, signed out in another tab): back to
// sign-in, then to the page that was open.
whenUnauthorized(() => {
  if (router.state.location.pathname.endsWith('/login')) return;
  queryClient.removeQueries({ queryKey: sessionQuery.queryKey });
  void router.navigate({ to: '/login', search: { redirect: here() } });
});
