import { openDatabase } from '../src/db/connection.ts';
import { EMBEDDED_TEMPLATE_FILE, saveEmbeddedTemplate } from '../src/db/embedded-template.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** Writes dist/pglite-template.tar: a migrated, empty embedded database that first starts load (db/embedded-template.ts). */
const database = await openDatabase({ kind: 'embedded', memory: true });
try {
  await migrateToLatest(database.db);
  saveEmbeddedTemplate(EMBEDDED_TEMPLATE_FILE, new Uint8Array(await (await database.dumpDataDir!()).arrayBuffer()));
} finally {
  await database.close();
}
