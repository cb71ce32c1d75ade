import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests never depend on the machine's zone: the engine must be right whatever TZ says.
    env: { TZ: 'Pacific/Chatham', NO_COLOR: '', FORCE_COLOR: '' },
  },
});
