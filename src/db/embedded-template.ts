import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../package-root.ts';

/**
 * A migrated, empty embedded database as a tarball, made when the project is built (`npm install`,
 * `npm run build`): a new data directory starts from it instead of running PGlite's initdb, the
 * slowest part of a first start. It is used only if the installed PGlite made it; migrations added
 * since are applied at start as on any database.
 */
export const EMBEDDED_TEMPLATE_FILE = path.join(packageRoot, 'dist', 'pglite-template.tar');

const stampFile = (file: string) => `${file}.json`;

function installedPgliteVersion(): string {
  // Its package.json is not among its exports: found upward from its entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

export function saveEmbeddedTemplate(file: string, dump: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, dump);
  fs.writeFileSync(stampFile(file), JSON.stringify({ pglite: installedPgliteVersion() }));
}

/** The template, if there is one this PGlite can open. */
export function readEmbeddedTemplate(file = EMBEDDED_TEMPLATE_FILE): Blob | undefined {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile(file), 'utf8')) as { pglite?: string };
    if (stamp.pglite !== installedPgliteVersion()) return undefined;
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return undefined;
  }
}
