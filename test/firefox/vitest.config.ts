import { defineConfig } from 'vitest/config';

// The built Firefox extension in Debian's firefox-esr (npm run build first); one browser for the whole file.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    globals: true,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
