import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-selling.ts';
import * as m0003 from './0003-access.ts';

/**
 * The migration set, in order. A released migration is never edited: add a new file and list it here.
 * Each is a list of single SQL statements (PGlite's extended protocol runs one statement per query).
 */
export const migrations: Record<string, { statements: string[] }> = {
  '0001-foundation': m0001,
  '0002-selling': m0002,
  '0003-access': m0003,
};
