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
    // `npx vite --config apps/web/vite.config.ts` against an API on :3000.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
