// The admin app's JavaScript budgets (ADMIN-APP.md §7), on the built app (dist/app): the code a
// first visit loads (entry and its static imports) ≤ 300 KB gzipped, and each page's own code (its
// chunk and what it imports beyond the first load) ≤ 100 KB gzipped. Exits 1 above either budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const INITIAL_BUDGET = 300 * 1024;
const PAGE_BUDGET = 100 * 1024;
const dir = 'dist/app';
const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8'));
const gz = new Map();
const gzSize = (file) => {
  if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length);
  return gz.get(file);
};
/** The chunk and everything it imports statically (what loading it pulls in). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
const files = (keys) => [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initialKeys = closure(entry);
const initial = files(initialKeys).reduce((sum, file) => sum + gzSize(file), 0);
const css = (manifest[entry].css ?? []).reduce((sum, file) => sum + gzSize(file), 0);
let failed = initial > INITIAL_BUDGET;
console.log(`initial JS ${kb(initial)} gzipped (budget ${kb(INITIAL_BUDGET)}), CSS ${kb(css)}`);

const pages = Object.keys(manifest).filter((key) => manifest[key].isDynamicEntry).sort();
const rows = pages.map((key) => {
  const own = [...closure(key)].filter((k) => !initialKeys.has(k));
  const size = files(own).reduce((sum, file) => sum + gzSize(file), 0);
  if (size > PAGE_BUDGET) failed = true;
  return [key.replace(/^src\//, ''), size];
});
for (const [name, size] of rows) console.log(`  ${size > PAGE_BUDGET ? 'OVER' : '    '} ${kb(size).padStart(9)}  ${name}`);
console.log(`largest page ${kb(Math.max(...rows.map(([, s]) => s)))} gzipped (budget ${kb(PAGE_BUDGET)} each, ${rows.length} lazily loaded chunks)`);
if (failed) {
  console.error('Over the admin app’s JavaScript budget (docs/performance.md).');
  process.exit(1);
}
