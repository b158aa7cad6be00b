import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact({ prefreshEnabled: false, devToolsEnabled: false })],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    globals: true,
    testTimeout: 20_000,
    reporters: ['default', './test/support/vitest-summary-reporter.ts'],
  },
});
