// Builds what `npm start` runs and serves, skipping each part that is up to date (so `npm start` stays quick):
// - dist/cartwright.mjs: the server, bundled with esbuild (dependencies stay external). Running the
//   bundle with plain node, rather than through tsx's loader thread, saves ~80 MB per server process;
//   with dist/embedded-worker.js, the embedded database's thread, copied beside it;
// - dist/client.mjs: the typed API client (`cartwright/client`);
// - dist/pglite-template/: a migrated empty embedded database that a first start copies instead of
//   running PGlite's initdb (src/db/embedded-template.ts);
// - dist/app/: the admin web app (Vite); each asset gets a .gz beside it, which the server sends as is.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);

/** The newest modification time under the given files and folders (0 when none exist); tests are not built, so skipped. */
function newest(paths) {
  let time = 0;
  for (const p of paths) {
    if (!fs.existsSync(p) || p.endsWith('.test.ts')) continue;
    const stat = fs.statSync(p);
    time = Math.max(time, stat.isDirectory() ? newest(fs.readdirSync(p).map((name) => path.join(p, name))) : stat.mtimeMs);
  }
  return time;
}
const age = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);
const force = process.argv.includes('--force');

if (force || age('dist/cartwright.mjs') < newest(['src']) || age('dist/client.mjs') < newest(['src/client'])) {
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };
  await Promise.all([
    build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cartwright.mjs' }),
    build({ ...common, entryPoints: ['src/client/index.ts'], outfile: 'dist/client.mjs' }),
  ]);
  fs.copyFileSync('src/db/embedded-worker.js', 'dist/embedded-worker.js');
}

const template = 'dist/pglite-template';
const stampFile = `${template}/cartwright-template.json`;
const stamp = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, 'utf8')).pglite : null;
const pglite = JSON.parse(fs.readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')).version;
if (force || age(stampFile) < newest(['src/db/migrations']) || stamp !== pglite) {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-template.ts'], { stdio: 'inherit' });
}

const appIndex = 'dist/app/index.html';
const appSources = ['admin', 'src/client', 'package-lock.json'];
if (force || process.argv.includes('--app') || age(appIndex) < newest(appSources)) {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.warn('The admin app is not built: Vite is not installed (npm install --include=dev). /app will say so.');
  }
  if (vite) {
    await vite.build({ configFile: 'admin/vite.config.ts', logLevel: 'warn' });
    for (const file of fs.readdirSync('dist/app/assets')) {
      if (/\.(js|css|svg)$/.test(file)) {
        const full = path.join('dist/app/assets', file);
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(fs.readFileSync(full), { level: 9 }));
      }
    }
  }
}
