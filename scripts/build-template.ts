import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/db/connection.ts';
import { EMBEDDED_TEMPLATE_DIR, stampEmbeddedTemplate } from '../src/db/embedded-template.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** Writes dist/pglite-template/: a migrated, empty embedded database that first starts copy (db/embedded-template.ts). */
const work = fs.mkdtempSync(path.join(path.dirname(EMBEDDED_TEMPLATE_DIR), '.template-'));
try {
  const database = await openDatabase({ kind: 'embedded', dataDir: work });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  stampEmbeddedTemplate(path.join(work, 'pglite'));
  fs.rmSync(EMBEDDED_TEMPLATE_DIR, { recursive: true, force: true });
  fs.renameSync(path.join(work, 'pglite'), EMBEDDED_TEMPLATE_DIR);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
