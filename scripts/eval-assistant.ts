/**
 * The assistant's part of `npm run eval`: a shop on an embedded database in memory, the demo catalog
 * and the evaluation's orders (src/modules/assistant/evaluation.ts), every question asked through the
 * HTTP layer (Fastify's inject), without a model.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config.ts';
import { useDataKeys } from '../src/crypto/data-encryption.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp } from '../src/http/app.ts';
import { seedAssistantEvaluationShop } from '../src/demo/assistant-evaluation-shop.ts';
import { evaluateAssistant, type AssistantEvaluation, type EvalRequest } from '../src/modules/assistant/evaluation.ts';
import { createAdminUser } from '../src/modules/users/admin-users.ts';

export async function runAssistantEvaluation(): Promise<AssistantEvaluation> {
  const dataKey = `eval:${randomBytes(32).toString('base64')}`;
  useDataKeys(dataKey);
  const handle = await openDatabase({ kind: 'embedded', memory: true });
  try {
    await migrateToLatest(handle.db);
    const config = { ...loadConfig({}), logLevel: 'silent' as const, dataKey, secureCookies: false, rateLimitPerMinute: 100_000, assistantLlmUrl: null };
    const app = await buildApp({ db: handle.db, config, observer: handle.observer });
    try {
      const owner = { email: 'eval@example.com', password: 'evaluation passphrase' };
      await createAdminUser(handle.db, { ...owner, name: 'Evaluation' });
      const login = await app.inject({ method: 'POST', url: '/admin/auth/login', payload: owner });
      const adminToken = login.json().token as string;
      const request: EvalRequest = async (method, url, options = {}) => {
        const token = options.token === undefined && url.startsWith('/admin') ? adminToken : options.token;
        const response = await app.inject({
          method: method as 'GET', url, payload: options.body === undefined ? undefined : JSON.stringify(options.body),
          headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
        });
        return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
      };
      return await evaluateAssistant(request, await seedAssistantEvaluationShop(handle.db, request));
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}
