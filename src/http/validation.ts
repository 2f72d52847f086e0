import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { addUpperCaseKeyword } from './upper-case.ts';

// ajv-formats is CommonJS: its function is also exported as `.default`.
const addFormats = addFormatsModule.default;

// verbose: an error carries its schema, so the error handler can say what would be accepted.
const common: Options = { allErrors: false, useDefaults: true, removeAdditional: false, strict: false, verbose: true };

/**
 * Bodies are validated strictly: no type coercion (`"5"` is not a number) and unknown properties are
 * refused where a schema says `additionalProperties: false`. Query strings and path parameters arrive as
 * text, so there numbers and booleans are coerced and a single value becomes a one-element array.
 */
const bodyAjv = new Ajv({ ...common, coerceTypes: false });
const textAjv = new Ajv({ ...common, coerceTypes: 'array' });
addFormats(bodyAjv);
addFormats(textAjv);
addUpperCaseKeyword(bodyAjv);
addUpperCaseKeyword(textAjv);

/** NUL, or half of a surrogate pair: text PostgreSQL cannot store (nor UTF-8 encode faithfully). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The JSON pointer of the first string (value or key) that cannot be stored as text, or null. */
function unstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}/${key.replace(/[\u0000\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (UNSTORABLE.test(key)) return at;
    const found = unstorableText(item, at);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Compiles with Ajv, and refuses first any text the database could not store (a 400 naming the
 * field, where it would otherwise fail deep in a query as a 500).
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  const validate = ajv.compile(schema as object);
  const checked = Object.assign((data: unknown, context?: never) => {
    const where = unstorableText(data, '');
    if (where !== null) {
      checked.errors = [{ instancePath: where, keyword: 'text', message: 'must be valid Unicode text, without NUL characters', params: {} }];
      return false;
    }
    const valid = validate(data, context);
    checked.errors = validate.errors;
    return valid;
  }, { schemaEnv: validate.schemaEnv, errors: null as unknown });
  return checked as unknown as ReturnType<FastifySchemaCompiler<unknown>>;
};
