import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * Every error code a route answers in the tests, so the OpenAPI document can list, per operation, the
 * codes it really returns (src/http/route-errors.ts), and the run fails when a route answers one its
 * document does not list (global-setup.ts compares them after the last test).
 */
const directory = process.env.CARTWRIGHT_ERROR_RECORD;
let varying = false;

/**
 * For a test file whose error codes differ from run to run (random operations, races): what it sees
 * is added to the lists by `npm run docs:route-errors`, but a code it alone sees does not fail the
 * run, so a new seed cannot turn CI red.
 */
export function errorCodesVaryByRun(): void {
  varying = true;
}

/**
 * Before each test file (test/helpers/each-file.ts): test files share their worker's modules
 * (vitest's isolate: false), so one file's errorCodesVaryByRun must not carry over to the next.
 */
export function startFileErrorRecord(): void {
  varying = false;
}

/** `/store/carts/cart_1/line-items/cali_2` answered by `/store/carts/:id/line-items/:line_id`. */
function routePattern(app: FastifyInstance, method: string, url: string): string | null {
  const pathname = url.split('?')[0];
  const route = app.findRoute({ method: method as never, url: pathname });
  if (!route) return null;
  const params = Object.entries((route.params ?? {}) as Record<string, string>);
  if (params.some(([name]) => name === '*')) return null;
  const segments = pathname.split('/');
  for (const [name, value] of params) {
    const at = segments.findIndex((segment) => !segment.startsWith(':') && decodeURIComponent(segment) === value);
    if (at < 0) return null;
    segments[at] = `:${name}`;
  }
  return segments.join('/');
}

export function recordErrorReply(app: FastifyInstance, method: string, url: string, body: unknown): void {
  if (!directory) return;
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (typeof code !== 'string') return;
  const pattern = routePattern(app, method, url);
  if (pattern) fs.appendFileSync(path.join(directory, `${process.pid}.tsv`), `${method.toUpperCase()} ${pattern}\t${code}\t${varying ? 'varies' : 'always'}\n`);
}

/** What the test processes recorded: operation (`POST /store/carts/:id`) → codes (without the varying ones, unless asked). */
export function readErrorRecords(from: string, { withVarying = true } = {}): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  for (const file of fs.readdirSync(from)) {
    for (const line of fs.readFileSync(path.join(from, file), 'utf8').split('\n')) {
      const [operation, code, kind] = line.split('\t');
      if (!code || (kind === 'varies' && !withVarying)) continue;
      if (!seen.has(operation)) seen.set(operation, new Set());
      seen.get(operation)!.add(code);
    }
  }
  return seen;
}

const GENERATED = path.resolve(import.meta.dirname, '../../src/http/route-errors.ts');

/** Rewrites src/http/route-errors.ts with the codes it lists plus the ones seen. */
export function writeRouteErrors(listed: Readonly<Record<string, readonly string[]>>, seen: Map<string, Set<string>>): void {
  const merged = new Map(Object.entries(listed).map(([operation, codes]) => [operation, new Set(codes)]));
  for (const [operation, codes] of seen) merged.set(operation, new Set([...(merged.get(operation) ?? []), ...codes]));
  const lines = [...merged].sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, codes]) => `  '${operation}': [${[...codes].sort().map((code) => `'${code}'`).join(', ')}],`);
  fs.writeFileSync(GENERATED, `${fs.readFileSync(GENERATED, 'utf8').split('export const routeErrors')[0]}export const routeErrors: Readonly<Record<string, readonly string[]>> = {\n${lines.join('\n')}\n};\n`);
}

/** The codes seen that the operation's list lacks, as `POST /store/carts/:id: cart_not_found`. */
export function unlistedErrors(listed: Readonly<Record<string, readonly string[]>>, seen: Map<string, Set<string>>): string[] {
  return [...seen].flatMap(([operation, codes]) => [...codes].filter((code) => !listed[operation]?.includes(code)).map((code) => `${operation}: ${code}`));
}
