import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = process.env['SWITCHBOARD_API_URL'] ?? 'http://localhost:3978';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Fluent UI v9 alone is about 600 kB minified (180 kB gzipped); TeamsJS is split off.
    chunkSizeWarningLimit: 900,
  },
  server: {
    // The web app imports the shared contract from ../contracts.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/app-config.json': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/app-config.json': { target: apiTarget, changeOrigin: true },
    },
  },
});
