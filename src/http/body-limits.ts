import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * How far a JSON body may nest and how wide one of its objects may be. No request of the API comes
 * near either (the deepest, a product with variants and prices, nests 5 levels); a body beyond them is
 * refused before anything walks it — the checks below do not recurse, so no depth can overflow the stack.
 */
export const MAX_BODY_DEPTH = 32;
export const MAX_OBJECT_KEYS = 1000;

export interface BodyLimitBreach {
  limit: 'max_depth' | 'max_keys';
  max: number;
  /**
   * The field to fix: the body's own field the limit was crossed under (`body.email` for
   * `{ "email": [[[…]]] }` or `{ "email": { 5,000 keys } }`), or `body` for the top level itself.
   */
  field: string;
}

/** A parsed JSON value's containers: plain objects and arrays (a raw Buffer body is not one). */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function child(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;
}

/**
 * The first place `body` nests deeper than MAX_BODY_DEPTH or has an object with more than
 * MAX_OBJECT_KEYS keys, or null. Iterative (an explicit stack): safe on any depth.
 */
export function bodyLimitBreach(body: unknown): BodyLimitBreach | null {
  if (!isContainer(body)) return null;
  // `path` names the body's own field; the frames below it keep that name.
  const stack: { value: Record<string, unknown> | unknown[]; depth: number; path: string }[] = [{ value: body, depth: 1, path: 'body' }];
  const below = (depth: number, path: string, key: string | number) => (depth === 1 ? child(path, key) : path);
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (depth > MAX_BODY_DEPTH) return { limit: 'max_depth', max: MAX_BODY_DEPTH, field: path };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item = value[i];
        if (isContainer(item)) stack.push({ value: item, depth: depth + 1, path: below(depth, path, i) });
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_OBJECT_KEYS) return { limit: 'max_keys', max: MAX_OBJECT_KEYS, field: path };
    for (let i = keys.length - 1; i >= 0; i--) {
      const item = value[keys[i]];
      if (isContainer(item)) stack.push({ value: item, depth: depth + 1, path: below(depth, path, keys[i]) });
    }
  }
  return null;
}

/**
 * A preValidation hook for every route: a parsed JSON body beyond the limits is a 400 invalid_request
 * naming the limit, before validation (or anything else) walks it.
 */
export async function refuseOversizedBody(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const breach = bodyLimitBreach(request.body);
  if (!breach) return;
  const message = breach.limit === 'max_depth'
    ? `${breach.field} nests deeper than ${breach.max} levels: a JSON body may nest at most ${breach.max} levels.`
    : `${breach.field} has more than ${breach.max} keys: a JSON object in a body may have at most ${breach.max} keys.`;
  throw new AppError('invalid_request', { field: breach.field, rule: breach.limit, limit: breach.limit, max: breach.max }, message);
}
