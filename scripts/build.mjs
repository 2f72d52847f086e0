// Builds what `npm start` runs and serves:
// - dist/cartwright.mjs: the server, bundled with esbuild (dependencies stay external). Running the
//   bundle with plain node, rather than through tsx's loader thread, saves ~80 MB per server process.
// - dist/client.mjs: the typed API client (`cartwright/client`).
// - dist/app/: the admin web app (Vite), rebuilt only when a source is newer than the last build, so
//   `npm start` stays fast; each asset gets a .gz beside it, which the server sends as is.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cartwright.mjs' }),
  build({ ...common, entryPoints: ['src/client/index.ts'], outfile: 'dist/client.mjs' }),
]);

/** The newest modification time under the given files and folders (0 when none exist). */
function newest(paths) {
  let time = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const stat = fs.statSync(p);
    time = Math.max(time, stat.isDirectory() ? newest(fs.readdirSync(p).map((name) => path.join(p, name))) : stat.mtimeMs);
  }
  return time;
}

const appIndex = 'dist/app/index.html';
const appSources = ['admin', 'src/client', 'package-lock.json'];
if (process.argv.includes('--app') || !fs.existsSync(appIndex) || fs.statSync(appIndex).mtimeMs < newest(appSources)) {
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
