import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Every test must reach an assertion; .only fails the run (and global-setup refuses .skip and .todo).
    setupFiles: ['test/helpers/each-file.ts'],
    allowOnly: false,
    // Each test file gets its own database; PGlite costs ~0.5 s and a few hundred MB per instance,
    // so two workers (this machine has two cores) is the sweet spot.
    pool: 'forks',
    maxWorkers: 2,
    // The files of a worker share its modules: importing the app once per worker rather than once per
    // file spares about 2 s of CPU per file. Module state that is per shop (the data keys, the error
    // record's per-file flag) is set again by each file (test/helpers/each-file.ts, createTestShop).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
