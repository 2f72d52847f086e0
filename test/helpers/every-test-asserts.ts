import { beforeEach, expect } from 'vitest';

// A test that reaches no assertion proves nothing, however green it shows: every test must reach one
// (a helper's expect counts: shop.ok, waitFor's callers, fast-check properties).
beforeEach(() => {
  expect.hasAssertions();
});
