import { Type } from '@sinclair/typebox';

/**
 * Scalar shapes every module's inputs and outputs are built from (ids, amounts, codes, names,
 * timestamps), in one place so modules share them without importing each other or the HTTP layer.
 */

/** A timestamp, serialized as an ISO 8601 string whether the service gave a Date or a string. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

export const Id = (prefix: string) => Type.String({ pattern: `^${prefix}_[0-9A-Za-z]{1,64}$`, description: `id (${prefix}_…)` });

/** An integer amount in the currency's minor unit (cents for USD). */
export const Amount = Type.Integer({ minimum: 0, maximum: 9_007_199_254_740_991, description: 'minor units' });

/** Schema keyword: the valid string is upper-cased before the route sees it (src/http/upper-case.ts). */
export const UPPER_CASE = 'x-upper-case';

/**
 * Schema keyword: what a value failing the schema's pattern or format should have been, in words for
 * the error message ("an ISO 4217 code such as USD" rather than a regular expression).
 */
export const EXPECTED = 'x-expected';

/** Schema keyword: the values a comma-separated list may hold, for the error's `details.allowed`. */
export const ALLOWED = 'x-allowed';

/** One value from `values` or several, comma-separated (`open,canceled`), as admin list filters take them. */
export function CommaSeparated(values: readonly string[], description: string) {
  const one = ` *(?:${values.join('|')}) *`;
  return Type.String({
    pattern: `^${one}(?:,${one})*$`, maxLength: 500, [ALLOWED]: [...values], description: `${description}: one or several, comma-separated`,
  });
}

/**
 * ISO 4217 in any case (`usd`, as Stripe and Medusa send it), upper-cased on input; services also check
 * it is an assigned code (400 invalid_currency).
 */
export const CurrencyCode = Type.String({
  pattern: '^[A-Za-z]{3}$', [UPPER_CASE]: true, [EXPECTED]: 'an ISO 4217 code such as USD', description: 'ISO 4217 (USD); any case accepted, returned upper case',
});

/** ISO 3166-1 alpha-2 in any case, upper-cased on input; services also check it is an assigned code (400 invalid_country). */
export const CountryCode = Type.String({
  pattern: '^[A-Za-z]{2}$', [UPPER_CASE]: true, [EXPECTED]: 'an ISO 3166-1 alpha-2 country code such as US or DE', description: 'ISO 3166-1 alpha-2 (DE, US); any case accepted, returned upper case',
});

/** A display name given by staff (a region's, a tax rate's, a shipping option's). */
export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$', description: 'no leading or trailing spaces', [EXPECTED]: 'text without leading or trailing spaces' });

/**
 * A tax rate as a percent: 8.875 is 8.875 %. At most 4 decimals (the service refuses more), because
 * rates are stored exactly as parts per million.
 */
export const Percent = Type.Number({ minimum: 0, maximum: 100, description: 'percent, 0–100, at most 4 decimals (8.875)' });

export const Metadata = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
  maxProperties: 50,
  description: 'Your own key/value data; not interpreted by Cartwright',
});

/** A list's page: how many, and where the previous page ended. */
export const ListQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
};
