import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../package-root.ts';

/**
 * A migrated, empty embedded database (PGlite's data folder), made when the project is built
 * (`npm install`, `npm run build`): a new data directory starts as a copy of it instead of running
 * PGlite's initdb, the slowest part of a first start. It is used only if the installed PGlite made it;
 * migrations added since are applied at start as on any database.
 */
export const EMBEDDED_TEMPLATE_DIR = path.join(packageRoot, 'dist', 'pglite-template');

const STAMP = 'cartwright-template.json';

function installedPgliteVersion(): string {
  // Its package.json is not among its exports: found upward from its entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Marks PGlite's data folder `folder` as the template made by the installed PGlite. */
export function stampEmbeddedTemplate(folder: string): void {
  fs.writeFileSync(path.join(folder, STAMP), JSON.stringify({ pglite: installedPgliteVersion() }));
}

/**
 * Copies the template into `folder` (PGlite's data folder of a new data directory) when there is one
 * this PGlite made. Returns whether it did; without it PGlite runs initdb.
 */
export function copyEmbeddedTemplate(folder: string, template = EMBEDDED_TEMPLATE_DIR): boolean {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(template, STAMP), 'utf8')) as { pglite?: string };
    if (stamp.pglite !== installedPgliteVersion()) return false;
  } catch {
    return false;
  }
  // Into a sibling first, then renamed: a copy cut short never looks like a database.
  const partial = `${folder}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(template, partial, { recursive: true, filter: (source) => path.basename(source) !== STAMP });
  fs.renameSync(partial, folder);
  return true;
}
