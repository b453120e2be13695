import { defineConfig } from 'vitest/config';

// `npm run test:stress`: the heavy reliability tests (1,000-interaction load, 50+ crash trials, re-identifying
// gateway faults). One file at a time: they measure time, and must not compete with each other for the CPU.
export default defineConfig({
  test: {
    include: ['tests/stress/**/*.stress.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
