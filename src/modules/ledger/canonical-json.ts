/**
 * The one byte string a fact hashes to (docs/ledger.md): JSON with object keys sorted by UTF-16 code
 * unit (JavaScript's default sort, as RFC 8785 does), no whitespace, strings escaped as JSON.stringify
 * escapes them, and numbers only as integers (money is minor units, counts are whole). A non-integer
 * would hash differently in another language's float printer, so it is refused rather than guessed.
 * `undefined` members are left out, as JSON.stringify leaves them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new TypeError(`canonical JSON holds integers only, got ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const record = value as Record<string, unknown>;
      const members = Object.keys(record).filter((k) => record[k] !== undefined).sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
