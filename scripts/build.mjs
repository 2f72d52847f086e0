// Builds what `cartwright` runs, skipping each part that is up to date (so `npm start` stays quick):
// - dist/cartwright.mjs, the TypeScript sources bundled (dependencies stay external). Running the bundle
//   with plain node, rather than through tsx's loader thread, saves ~80 MB of memory per server process;
// - dist/embedded-worker.js, the embedded database's thread, copied beside the bundle;
// - dist/pglite-template.tar, a migrated empty embedded database that a first start loads instead of
//   running PGlite's initdb (src/db/embedded-template.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const at = (...parts) => path.join(root, ...parts);

function newest(dir) {
  let time = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs);
  }
  return time;
}
const age = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);

if (age(at('dist/cartwright.mjs')) < newest(at('src'))) {
  await build({
    entryPoints: [at('src/cli/main.ts')],
    outfile: at('dist/cartwright.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  fs.copyFileSync(at('src/db/embedded-worker.js'), at('dist/embedded-worker.js'));
}

const template = at('dist/pglite-template.tar');
const pgliteStamp = fs.existsSync(`${template}.json`) ? JSON.parse(fs.readFileSync(`${template}.json`, 'utf8')).pglite : null;
const pglite = JSON.parse(fs.readFileSync(at('node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
if (age(template) < newest(at('src/db/migrations')) || pgliteStamp !== pglite) {
  execFileSync(process.execPath, ['--import', 'tsx', at('scripts/build-template.ts')], { cwd: root, stdio: 'inherit' });
}
