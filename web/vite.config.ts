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
    // Fluent UI v9 alone is about 600 kB minified (180 kB gzipped); TeamsJS and MSAL are split off.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      input: {
        // The Teams tab and the browser page.
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        // Outlook's side panel (the add-in's task pane).
        taskpane: fileURLToPath(new URL('taskpane.html', import.meta.url)),
        // Where Entra returns sign-in answers to MSAL (a registered SPA redirect URI).
        'auth-redirect': fileURLToPath(new URL('auth-redirect.html', import.meta.url)),
      },
    },
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
