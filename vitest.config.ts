import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: on CI's two cores that is one file at a
    // time, each waiting on fsync, sockets and child processes. Two forks fill that time.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
