import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import postcssPresetMantine from 'postcss-preset-mantine';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web console. `npm run build:web` builds into dist/web, which the API serves at `/`
 * (apps/api/src/web-console.ts). In development run the API on :3000 and `npx vite -c apps/web/vite.config.ts`:
 * /api, /docs and /health are proxied to it.
 */
export default defineConfig({
  root,
  base: '/',
  // Vite 8 transforms TSX with oxc; the automatic runtime needs no `import React`.
  oxc: { jsx: { runtime: 'automatic' } },
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    reportCompressedSize: false,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/docs': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
    },
  },
});
