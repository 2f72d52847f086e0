import type { TestShop } from './test-shop.ts';

/**
 * How many SQL statements the shop's database ran while `run` ran (a BEGIN or COMMIT carried with a
 * statement counts), by the database observer that /metrics reads: tests of statement counts assert
 * numbers, never timings.
 */
export async function countStatements<T>(shop: TestShop, run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const stop = shop.database.handle.observer.onStatement((_seconds, count) => (statements += count));
  try {
    return { result: await run(), statements };
  } finally {
    stop();
  }
}
