import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, readErrorResponses } from '../../http/schemas.ts';
import { getAssistantSettings, updateAssistantSettings } from './settings.ts';
import { AssistantSettings, AssistantSettingsUpdate } from './shapes.ts';

const tags = ['admin: shop'];

/** What the shopping assistant answers policy questions with, set by staff who manage the shop's settings. */
export const adminAssistantRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get('/assistant/settings', {
    config: { permission: 'settings:read' },
    schema: { tags, summary: 'The shopping assistant\'s settings: its policy texts', response: { 200: AssistantSettings, ...readErrorResponses } },
  }, async () => getAssistantSettings(db));
  app.patch('/assistant/settings', {
    config: { permission: 'settings:write' },
    schema: { tags, summary: 'Set the assistant\'s policy texts (shipping, returns, payments, warranty, contact)', body: AssistantSettingsUpdate, response: { 200: AssistantSettings, ...errorResponses } },
  }, async (request) => updateAssistantSettings(db, request.body));
};
