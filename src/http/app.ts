import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { DatabaseObserver } from '../db/database-observer.ts';
import type { ReplicaRouter } from '../db/read-replica.ts';
import { adminProductRoutes } from '../modules/catalog/routes.admin.ts';
import { adminProductCsvRoutes } from '../modules/catalog/routes.admin.csv.ts';
import { adminSearchRoutes } from '../modules/catalog/routes.admin.search.ts';
import { adminTaxonomyRoutes } from '../modules/catalog/routes.admin.taxonomy.ts';
import { storeCatalogRoutes } from '../modules/catalog/routes.store.ts';
import { StoreResponseCache } from '../modules/catalog/store-cache.ts';
import { displayedShortfall } from '../modules/catalog/stock-display.ts';
import { adminInventoryRoutes } from '../modules/inventory/routes.admin.ts';
import { adminRegionRoutes } from '../modules/regions/routes.admin.ts';
import { storeRegionRoutes } from '../modules/regions/routes.store.ts';
import { adminShippingOptionRoutes } from '../modules/shipping/routes.admin.ts';
import { builtInCarriers, type Carriers } from '../modules/shipping/carriers.ts';
import { adminLabelRoutes } from '../modules/shipments/routes.admin.ts';
import { storeCarrierWebhookRoutes } from '../modules/shipments/routes.store.webhooks.ts';
import { adminTaxRateRoutes } from '../modules/tax/routes.admin.ts';
import { adminLoginRoutes, adminSessionRoutes } from '../modules/users/routes.admin.ts';
import { storeCartRoutes } from '../modules/cart/routes.store.ts';
import { storeCheckoutRoutes } from '../modules/checkout/routes.store.ts';
import { storeOrderRoutes } from '../modules/orders/routes.store.ts';
import { adminOrderRoutes } from '../modules/orders/routes.admin.ts';
import { storeReturnRoutes } from '../modules/orders/routes.store.returns.ts';
import { adminWebhookRoutes } from '../modules/webhooks/routes.admin.ts';
import { adminJobRoutes } from '../modules/jobs/routes.admin.ts';
import { adminEventRoutes } from '../modules/events/routes.admin.ts';
import { adminLedgerRoutes } from '../modules/ledger/routes.admin.ts';
import { storePaymentWebhookRoutes } from '../modules/payments/routes.store.webhooks.ts';
import { storeCustomerRoutes } from '../modules/customers/routes.store.ts';
import { adminCustomerRoutes } from '../modules/customers/routes.admin.ts';
import { adminMarketingRoutes } from '../modules/marketing/routes.admin.ts';
import { adminDeadLetterRoutes } from '../modules/marketing/routes.admin.dead-letters.ts';
import { adminSegmentRoutes } from '../modules/marketing/routes.admin.segments.ts';
import { storeMarketingRoutes } from '../modules/marketing/routes.store.ts';
import { adminStaffRoutes } from '../modules/users/routes.admin.staff.ts';
import { adminNotificationRoutes } from '../modules/notifications/routes.admin.ts';
import { adminCampaignRoutes } from '../modules/promotions/routes.admin.campaigns.ts';
import { adminGiftCardRoutes } from '../modules/gift-cards/routes.admin.ts';
import { storeGiftCardRoutes } from '../modules/gift-cards/routes.store.ts';
import { adminPromotionRoutes } from '../modules/promotions/routes.admin.ts';
import { adminPriceListRoutes } from '../modules/pricing/routes.admin.ts';
import { adminPurchasingRoutes } from '../modules/purchasing/routes.admin.ts';
import { storeProvenanceRoutes } from '../modules/purchasing/routes.store.ts';
import { storePromotionRoutes } from '../modules/promotions/routes.store.ts';
import { storeRecommendationRoutes } from '../modules/insights/routes.store.ts';
import { adminAssistantRoutes } from '../modules/assistant/routes.admin.ts';
import { storeAssistantRoutes } from '../modules/assistant/routes.store.ts';
import { adminInsightRoutes } from '../modules/insights/routes.admin.ts';
import { adminShopRoutes } from '../modules/shop/routes.admin.ts';
import { builtInPaymentProviders, type PaymentProviders } from '../modules/payments/providers.ts';
import { authenticateAdminRequest, requireAdmin } from './admin-auth.ts';
import { adminAppRoutes } from './admin-app.ts';
import { registerAudit } from './audit.ts';
import { mcpRoutes } from '../modules/mcp/routes.mcp.ts';
import { registerIdempotency } from './idempotency.ts';
import type { AppContext } from './context.ts';
import { registerErrorHandler, send } from './error-handler.ts';
import { AppError } from '../errors.ts';
import { healthRoutes } from './health.ts';
import { registerMetrics } from './metrics.ts';
import { registerTracing } from './tracing-hooks.ts';
import { activeTraceIds, tracingEnabled } from '../telemetry/tracing.ts';
import { compactOpenApi } from './openapi.ts';
import { docsPageOptions } from './docs-page.ts';
import { CUSTOMER_COOKIE, REQUIRES_CUSTOMER } from './customer-auth.ts';
import { registerJsonBodyParser } from './json-body.ts';
import { ErrorResponse } from './schemas.ts';
import { validatorCompiler } from './validation.ts';
import { refuseOversizedBody } from './body-limits.ts';
import { requestLogger } from './request-logger.ts';
import { answerGuestHitsFirst, headersSetBy } from './store-cache-replies.ts';

export interface BuildAppOptions {
  db: Db;
  /** Where replica-safe Store reads go (AppContext.readDb); defaults to `db`. */
  readDb?: Db;
  /** Where those reads went and the replica's lag, for /metrics (a replica is configured). */
  replica?: ReplicaRouter;
  config: Config;
  /** Defaults to the built-in providers (manual, test_card). */
  paymentProviders?: PaymentProviders;
  /** Defaults to the built-in carriers (manual, test_carrier; EasyPost when configured). */
  carriers?: Carriers;
  /** The database's pool use and statement times, for /metrics. */
  observer?: DatabaseObserver;
  /** Overrides the logger (tests capture logs through a stream). */
  logger?: FastifyServerOptions['loggerInstance'];
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/**
 * Request ids: a random per-process prefix and a counter. Unique across processes and restarts, and
 * free to make (a random id per request cost more CPU than serving a cached catalog page).
 */
function requestIdGenerator(): () => string {
  const prefix = `req_${randomBytes(6).toString('base64url')}`;
  let counter = 0;
  return () => `${prefix}${(counter++).toString(36)}`;
}

/** Log fields that must never reach a log line: credentials, tokens, card data and personal data. */
export const redactedLogPaths = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-order-token"]', 'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...['password', 'token', 'access_token', 'card_number', 'secret', 'email', 'phone', 'first_name', 'last_name', 'address_1', 'address_2']
    .flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** Query parameters whose values stay out of the logs (`/admin/customers?email=…`). */
const SENSITIVE_QUERY = /email|token|password|secret|phone|name|address|card/i;

/** The URL as logged: the values of sensitive query parameters replaced. */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url.slice(at + 1).split('&').map((pair) => {
    const [name] = pair.split('=', 1);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed name is logged as sent
    }
    return SENSITIVE_QUERY.test(decoded) && pair.includes('=') ? `${name}=[redacted]` : pair;
  });
  return `${url.slice(0, at)}?${query.join('&')}`;
}

/** The logger's settings: its level and what it redacts (tests build a logger from them to read its lines). */
export function logOptions(level: Config['logLevel']) {
  return {
    level,
    // A line logged inside a traced request carries its trace_id and span_id.
    mixin: activeTraceIds,
    redact: { paths: redactedLogPaths, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) => ({
        method: req.method, url: loggedUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort,
      }),
    },
  };
}

/** Builds the HTTP application: Store API, Admin API, health, OpenAPI. Listening is the caller's job. */
export async function buildApp({ db, readDb = db, replica, config, logger, observer, paymentProviders = builtInPaymentProviders(config), carriers = builtInCarriers(config) }: BuildAppOptions): Promise<FastifyInstance> {
  const nextRequestId = requestIdGenerator();
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: logOptions(config.logLevel) }),
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    childLoggerFactory: requestLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : nextRequestId();
    },
    // Keep-alive sockets must not hold a graceful shutdown open.
    forceCloseConnections: 'idle',
    // A number of hops: the nearest that many addresses are proxies (X-Forwarded-For read from the right).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Bodies nested too deep or too wide are refused before validation walks them (body-limits.ts).
  app.addHook('preValidation', refuseOversizedBody);
  // A refusal for want of stock tells a storefront no more than its product pages do (STORE_STOCK_DISPLAY).
  // Registered before the idempotency hooks, so a replayed refusal is the one the buyer saw.
  if (config.storeStockDisplay !== 'exact') {
    app.addHook('onSend', (request, reply, payload, done) => {
      if (reply.statusCode !== 409 || !request.url.startsWith('/store/') || typeof payload !== 'string' || !payload.includes('"insufficient_inventory"')) return done(null, payload);
      const body = JSON.parse(payload) as { error: { code: string; details: Record<string, unknown> } };
      if (body.error?.code !== 'insufficient_inventory') return done(null, payload);
      done(null, JSON.stringify({ error: { ...body.error, details: displayedShortfall(body.error.details, config) } }));
    });
  }
  registerErrorHandler(app);
  registerJsonBodyParser(app);
  app.addSchema(ErrorResponse);
  app.decorateRequest('admin', null);
  app.decorateRequest('customer', null);
  // Security headers (HSTS, nosniff, frame denial, referrer policy…). The API serves JSON, so no CSP
  // here; the /docs page sets its own. helmet's middleware is built once: @fastify/helmet built it
  // anew on every request, which cost a cached catalog page more than its answer.
  const securityHeaders = helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-site' } });
  const storeCache = new StoreResponseCache(db, config.catalogCacheEntries);
  app.addHook('onClose', async () => storeCache.close());
  // First of all hooks, a guest's cached page with the headers the hooks below set for a request that
  // names no origin (CORS: Vary and credentials when origins are listed). A traced request goes the
  // whole way, so that its span starts first.
  if (!tracingEnabled()) {
    answerGuestHitsFirst(app, storeCache, {
      ...headersSetBy(securityHeaders),
      ...(config.corsOrigins.length ? { vary: 'Origin', 'access-control-allow-credentials': 'true' } : {}),
    });
  }
  await app.register(cookie);
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  // Browsers may call from the origins listed in CORS_ORIGINS, and no others.
  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true });
  // Limits are set per route (sign-in, registration, password reset) and per API key.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError('too_many_attempts', { retry_after_seconds: Math.ceil(context.ttl / 1000) }),
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // Before any route, so their hooks see every route.
  registerMetrics(app, { db, config, observer, replica });
  registerTracing(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cartwright API',
        version: '0.1.0',
        description: 'Store API (`/store`, for storefronts) and Admin API (`/admin`, for staff and integrations). '
          + 'Money is an integer in the currency’s minor unit. Errors: `{ error: { code, message, details } }`.',
      },
      // Most operations are the Admin API's: its authentication is the default, and every other
      // operation says its own (none for the public Store API), so 150 operations need not repeat it.
      security: [{ bearer: [] }, { apiKey: [] }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Admin session token from POST /admin/auth/login' },
          apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'ck_…', description: 'An API key made in the admin app, sent as `Authorization: Bearer ck_…`; its scopes limit what it may do' },
          customerBearer: { type: 'http', scheme: 'bearer', description: 'Customer session token from POST /store/auth/login' },
          customerCookie: { type: 'apiKey', in: 'cookie', name: CUSTOMER_COOKIE, description: 'The customer session cookie POST /store/auth/login sets for browsers' },
        },
      },
    },
    // Shared schemas by name (components) rather than copied into every operation.
    transformObject: (documentObject) => compactOpenApi((documentObject as { openapiObject: Record<string, unknown> }).openapiObject) as never,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    // Admin operations take the document's authentication and say which permission they need
    // (x-permission). Customer routes say they need the customer session (a bearer token or the
    // cookie); every other operation, that it needs nothing.
    transform: ({ schema, url, route }) => {
      if (url.startsWith('/store')) {
        const hooks = [route.onRequest ?? []].flat() as unknown as Record<symbol, unknown>[];
        if (!hooks.some((hook) => hook[REQUIRES_CUSTOMER])) return { schema: { ...schema, security: [] }, url } as never;
        return { schema: { ...schema, security: [{ customerBearer: [] }, { customerCookie: [] }] }, url } as never;
      }
      if (!url.startsWith('/admin') || url.startsWith('/admin/auth/login')) return { schema: { ...schema, security: [] }, url } as never;
      const permission = (route.config as { permission?: string } | undefined)?.permission ?? null;
      return { schema: { ...schema, 'x-permission': permission }, url } as never;
    },
  });
  await app.register(swaggerUi, docsPageOptions);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const context: AppContext = { db, readDb, config, storeCache, paymentProviders, carriers };
  registerIdempotency(app, db);

  await app.register(healthRoutes, context);
  await app.register(mcpRoutes, context);
  await adminAppRoutes(app);
  await app.register(storeCatalogRoutes, { ...context, prefix: '/store' });
  await app.register(storeRegionRoutes, { ...context, prefix: '/store' });
  await app.register(storeCartRoutes, { ...context, prefix: '/store' });
  await app.register(storePromotionRoutes, { ...context, prefix: '/store' });
  await app.register(storeGiftCardRoutes, { ...context, prefix: '/store' });
  await app.register(storeProvenanceRoutes, { ...context, prefix: '/store' });
  await app.register(storeCheckoutRoutes, { ...context, prefix: '/store' });
  await app.register(storeOrderRoutes, { ...context, prefix: '/store' });
  await app.register(storeReturnRoutes, { ...context, prefix: '/store' });
  await app.register(storeCustomerRoutes, { ...context, prefix: '/store' });
  await app.register(storeRecommendationRoutes, { ...context, prefix: '/store' });
  await app.register(storeAssistantRoutes, { ...context, prefix: '/store' });
  await app.register(storeMarketingRoutes, { ...context, prefix: '/store' });
  await app.register(storePaymentWebhookRoutes, { ...context, prefix: '/store' });
  await app.register(storeCarrierWebhookRoutes, { ...context, prefix: '/store' });
  await app.register(async (admin) => {
    const authorize = requireAdmin(db);
    await admin.register(adminLoginRoutes, context);
    await admin.register(async (secured) => {
      secured.addHook('onRequest', authorize);
      // Each API key has its own budget of requests per minute; staff sessions are not limited.
      secured.addHook('onRequest', secured.rateLimit({
        max: config.apiKeyRateLimitPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (request) => request.admin?.id ?? request.ip,
        allowList: (request) => request.admin?.kind !== 'api_key',
      }));
      registerAudit(secured, app, db);
      await secured.register(adminSessionRoutes, context);
      await secured.register(adminProductRoutes, context);
      await secured.register(adminProductCsvRoutes, context);
      await secured.register(adminTaxonomyRoutes, context);
      await secured.register(adminSearchRoutes, context);
      await secured.register(adminInventoryRoutes, context);
      await secured.register(adminRegionRoutes, context);
      await secured.register(adminTaxRateRoutes, context);
      await secured.register(adminShippingOptionRoutes, context);
      await secured.register(adminLabelRoutes, context);
      await secured.register(adminPromotionRoutes, context);
      await secured.register(adminCampaignRoutes, context);
      await secured.register(adminPriceListRoutes, context);
      await secured.register(adminGiftCardRoutes, context);
      await secured.register(adminPurchasingRoutes, context);
      await secured.register(adminOrderRoutes, context);
      await secured.register(adminCustomerRoutes, context);
      await secured.register(adminMarketingRoutes, context);
      await secured.register(adminSegmentRoutes, context);
      await secured.register(adminDeadLetterRoutes, context);
      await secured.register(adminStaffRoutes, context);
      await secured.register(adminWebhookRoutes, context);
      await secured.register(adminJobRoutes, context);
      await secured.register(adminEventRoutes, context);
      await secured.register(adminLedgerRoutes, context);
      await secured.register(adminNotificationRoutes, context);
      await secured.register(adminInsightRoutes, context);
      await secured.register(adminShopRoutes, context);
      await secured.register(adminAssistantRoutes, context);
    });
    // Unknown Admin API paths ask for a token first, so they reveal nothing to strangers.
    admin.setNotFoundHandler({ preHandler: authenticateAdminRequest(db) }, (request, reply) =>
      send(reply, 'route_not_found', { method: request.method, url: request.url.split('?')[0] }));
  }, { prefix: '/admin' });

  return app;
}
