/**
 * When a failed delivery is tried again: exponential backoff with jitter. After `n` failed attempts
 * the next comes base·2^(n−1) later (capped at 2 hours), scaled by a random 50–100 % so endpoints
 * that failed together (an outage) are not all retried in the same instant. With the default 30 s
 * base: ~30 s, 1 min, 2 min, 4 min … 2 h, 2 h …, until the retry window (WEBHOOK_MAX_AGE_HOURS, 24 h)
 * closes and the delivery is dead-lettered (docs/webhooks.md has the table).
 */
export const MAX_RETRY_DELAY_MS = 2 * 60 * 60_000;

export function retryDelayMs(failedAttempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(failedAttempts - 1, 0), MAX_RETRY_DELAY_MS);
  return Math.round(exponential * (0.5 + random() / 2));
}
