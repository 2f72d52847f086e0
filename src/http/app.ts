import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { adminProductRoutes } from '../modules/catalog/routes.admin.ts';
import { adminProductCsvRoutes } from '../modules/catalog/routes.admin.csv.ts';
import { adminTaxonomyRoutes } from '../modules/catalog/routes.admin.taxonomy.ts';
import { storeCatalogRoutes } from '../modules/catalog/routes.store.ts';
import { StoreResponseCache } from '../modules/catalog/store-cache.ts';
import { adminInventoryRoutes } from '../modules/inventory/routes.admin.ts';
import { adminRegionRoutes } from '../modules/regions/routes.admin.ts';
import { adminShippingOptionRoutes } from '../modules/shipping/routes.admin.ts';
import { adminTaxRateRoutes } from '../modules/tax/routes.admin.ts';
import { adminLoginRoutes, adminSessionRoutes } from '../modules/users/routes.admin.ts';
import { storeCartRoutes } from '../modules/cart/routes.store.ts';
import { storeCheckoutRoutes } from '../modules/checkout/routes.store.ts';
import { storeOrderRoutes } from '../modules/orders/routes.store.ts';
import { adminOrderRoutes } from '../modules/orders/routes.admin.ts';
import { storeReturnRoutes } from '../modules/orders/routes.store.returns.ts';
import { adminWebhookRoutes } from '../modules/webhooks/routes.admin.ts';
import { adminJobRoutes } from '../modules/jobs/routes.admin.ts';
import { storePaymentWebhookRoutes } from '../modules/payments/routes.store.webhooks.ts';
import { storeCustomerRoutes } from '../modules/customers/routes.store.ts';
import { adminCustomerRoutes } from '../modules/customers/routes.admin.ts';
import { adminStaffRoutes } from '../modules/users/routes.admin.staff.ts';
import { adminNotificationRoutes } from '../modules/notifications/routes.admin.ts';
import { builtInPaymentProviders, type PaymentProviders } from '../modules/payments/providers.ts';
import { authenticateAdminRequest, requireAdmin } from './admin-auth.ts';
import { registerIdempotency } from './idempotency.ts';
import type { AppContext } from './context.ts';
import { registerErrorHandler, send } from './error-handler.ts';
import { healthRoutes } from './health.ts';
import { ErrorResponse } from './schemas.ts';
import { validatorCompiler } from './validation.ts';

export interface BuildAppOptions {
  db: Db;
  config: Config;
  /** Defaults to the built-in providers (manual, test_card). */
  paymentProviders?: PaymentProviders;
  /** Overrides the logger (tests capture logs through a stream). */
  logger?: FastifyServerOptions['loggerInstance'];
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * Request ids: a random per-process prefix and a counter. Unique across processes and restarts, and
 * free to make (a random id per request cost more CPU than serving a cached catalog page).
 */
function requestIdGenerator(): () => string {
  const prefix = `req_${randomBytes(6).toString('base64url')}`;
  let counter = 0;
  return () => `${prefix}${(counter++).toString(36)}`;
}

/** Log fields that must never reach a log line: credentials and tokens. */
export const redactedLogPaths = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/** Builds the HTTP application: Store API, Admin API, health, OpenAPI. Listening is the caller's job. */
export async function buildApp({ db, config, logger, paymentProviders = builtInPaymentProviders() }: BuildAppOptions): Promise<FastifyInstance> {
  const nextRequestId = requestIdGenerator();
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: { level: config.logLevel, redact: redactedLogPaths } }),
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : nextRequestId();
    },
    // Keep-alive sockets must not hold a graceful shutdown open.
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandler(app);
  app.addSchema(ErrorResponse);
  app.decorateRequest('admin', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cartwright API',
        version: '0.1.0',
        description: 'Store API (`/store`, for storefronts) and Admin API (`/admin`, for staff and integrations). '
          + 'Money is an integer in the currency’s minor unit. Errors: `{ error: { code, message, details } }`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Admin session token from POST /admin/auth/login' } } },
    },
    // Admin operations say how to authenticate and which permission they need (x-permission).
    transform: ({ schema, url, route }) => {
      if (!url.startsWith('/admin') || url.startsWith('/admin/auth/login')) return { schema, url } as never;
      const permission = (route.config as { permission?: string } | undefined)?.permission ?? null;
      return { schema: { ...schema, security: [{ bearer: [] }], 'x-permission': permission }, url } as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const storeCache = new StoreResponseCache(db, config.catalogCacheEntries);
  app.addHook('onClose', async () => storeCache.close());
  const context: AppContext = { db, config, storeCache, paymentProviders };
  registerIdempotency(app, db);

  await app.register(healthRoutes, context);
  await app.register(storeCatalogRoutes, { ...context, prefix: '/store' });
  await app.register(storeCartRoutes, { ...context, prefix: '/store' });
  await app.register(storeCheckoutRoutes, { ...context, prefix: '/store' });
  await app.register(storeOrderRoutes, { ...context, prefix: '/store' });
  await app.register(storeReturnRoutes, { ...context, prefix: '/store' });
  await app.register(storeCustomerRoutes, { ...context, prefix: '/store' });
  await app.register(storePaymentWebhookRoutes, { ...context, prefix: '/store' });
  await app.register(async (admin) => {
    const authorize = requireAdmin(db);
    await admin.register(adminLoginRoutes, context);
    await admin.register(async (secured) => {
      secured.addHook('onRequest', authorize);
      await secured.register(adminSessionRoutes, context);
      await secured.register(adminProductRoutes, context);
      await secured.register(adminProductCsvRoutes, context);
      await secured.register(adminTaxonomyRoutes, context);
      await secured.register(adminInventoryRoutes, context);
      await secured.register(adminRegionRoutes, context);
      await secured.register(adminTaxRateRoutes, context);
      await secured.register(adminShippingOptionRoutes, context);
      await secured.register(adminOrderRoutes, context);
      await secured.register(adminCustomerRoutes, context);
      await secured.register(adminStaffRoutes, context);
      await secured.register(adminWebhookRoutes, context);
      await secured.register(adminJobRoutes, context);
      await secured.register(adminNotificationRoutes, context);
    });
    // Unknown Admin API paths ask for a token first, so they reveal nothing to strangers.
    admin.setNotFoundHandler({ preHandler: authenticateAdminRequest(db) }, (request, reply) =>
      send(reply, 'route_not_found', { method: request.method, url: request.url.split('?')[0] }));
  }, { prefix: '/admin' });

  return app;
}
