import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/** Component tests (jsdom): `npm run test:web`. Only the fetch boundary is ever mocked. */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./test/setup.ts'],
      css: false,
      maxWorkers: 2,
      testTimeout: 30000,
      restoreMocks: true,
    },
  }),
);
