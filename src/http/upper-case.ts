import type { Ajv } from 'ajv';
import { UPPER_CASE } from '../shapes.ts';

/**
 * The `x-upper-case` keyword: a valid string is replaced by its upper-case form before the route sees
 * it, so codes sent as `usd` or `us` (as Stripe and Medusa send them) are stored and returned as `USD`.
 */
export function addUpperCaseKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: UPPER_CASE,
    modifying: true,
    schemaType: 'boolean',
    validate: (on: boolean, data: unknown, _schema: unknown, where?: { parentData: Record<string | number, unknown>; parentDataProperty: string | number }) => {
      if (on && typeof data === 'string' && where) where.parentData[where.parentDataProperty] = data.toUpperCase();
      return true;
    },
  });
}
