import { defineConfig } from 'vitest/config';

// The built Firefox extension in Debian's firefox-esr (npm run build first); one browser per file, one file at a time.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
