import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not carry wxt.config.ts's vite plugins over, so Preact is added again.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Property tests are bounded by their run counts; the time limit only catches a hang. 5 s
    // (vitest's default) failed a 10,000-run property on a loaded 2-core machine.
    testTimeout: 60_000,
  },
});
