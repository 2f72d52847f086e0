import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { buildApp } from '../http/app.ts';

/**
 * The OpenAPI document the server serves at /openapi.json, made without a database: routes and
 * schemas are declared at build time, so a driver that never connects is enough.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const app = await buildApp({ db, config: { ...loadConfig({}), logLevel: 'silent' } });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
