/**
 * How order numbers are shown: the configured prefix (ORDER_NUMBER_PREFIX, default `#`) and the number,
 * `#1001`. The prefix is a display setting passed down from the configuration to whatever shows an
 * order (the API's order views, emails); changing it changes how every order reads, old ones included
 * (the number itself never changes).
 */
export function formatOrderNumber(prefix: string, number: number | null): string | null {
  return number === null ? null : `${prefix}${number}`;
}

/**
 * The order number a search term means, if it is one: `1001`, `#1001`, or the number with the
 * configured prefix (`WEB-1001`). Null when the term is not a number.
 */
export function parseOrderNumber(prefix: string, term: string): number | null {
  let rest = term.trim();
  if (prefix && rest.toLowerCase().startsWith(prefix.toLowerCase())) rest = rest.slice(prefix.length);
  else if (rest.startsWith('#')) rest = rest.slice(1);
  if (!/^\d{1,9}$/.test(rest)) return null;
  return Number(rest);
}
