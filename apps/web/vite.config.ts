import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 transforms TSX with Oxc itself; React's automatic JSX runtime needs no plugin.
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // No public source maps: the server refuses *.map anyway, and none is built to be found.
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    // The example article is imported from the repository's one copy in test/fixtures.
    fs: { allow: [root, fileURLToPath(new URL('../../test/fixtures', import.meta.url))] },
    // `npx vite --config apps/web/vite.config.ts` against an API on :3000.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
