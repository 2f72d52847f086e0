import { beforeEach, expect } from 'vitest';
import { useDataKeys } from '../../src/crypto/data-encryption.ts';
import { startFileErrorRecord } from './error-record.ts';
import { TEST_DATA_KEY } from './test-shop.ts';

// Runs before each test file, in the worker whose modules the files share (isolate: false): what a
// file before it changed in the process (the data keys, the error record's flag) starts afresh.
useDataKeys(TEST_DATA_KEY);
startFileErrorRecord();

// A test that reaches no assertion proves nothing, however green it shows: every test must reach one
// (a helper's expect counts: shop.ok, waitFor's callers, fast-check properties).
beforeEach(() => {
  expect.hasAssertions();
});
