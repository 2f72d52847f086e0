import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, found upward from this file (which may be src/… or the dist/ bundle). */
export const packageRoot = findPackageRoot(import.meta.dirname);

function findPackageRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
