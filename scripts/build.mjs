// Bundles the TypeScript sources into dist/cartwright.mjs (dependencies stay external). Running the bundle
// with plain node, rather than through tsx's loader thread, saves ~80 MB of memory per server process.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cartwright.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
