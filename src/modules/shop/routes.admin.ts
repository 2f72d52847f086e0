import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, readErrorResponses } from '../../http/schemas.ts';
import { getShopSettings, updateShopSettings } from './shop-settings.ts';

const tags = ['admin: shop'];
const ShopSettings = Type.Object({
  name: Type.String(),
  time_zone: Type.String(),
});
const ShopSettingsUpdate = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA name (Europe/Paris): where analytics\' days start' })),
}, { additionalProperties: false, minProperties: 1 });

/** The shop's own settings. */
export const adminShopRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/shop', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'The shop\'s settings', response: { 200: ShopSettings, ...readErrorResponses } },
  }, async () => getShopSettings(db));
  app.patch('/shop', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Change the shop\'s settings (time_zone: an IANA name)', body: ShopSettingsUpdate, response: { 200: ShopSettings, ...errorResponses } },
  }, async (request) => updateShopSettings(db, request.body));
};
