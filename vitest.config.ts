import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Every test must reach an assertion; .only fails the run (and global-setup refuses .skip and .todo).
    setupFiles: ['test/helpers/every-test-asserts.ts'],
    allowOnly: false,
    // Each test file gets its own database; PGlite costs ~0.5 s and a few hundred MB per instance,
    // so two workers (this machine has two cores) is the sweet spot.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
