import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = process.env['SWITCHBOARD_API_URL'] ?? 'http://localhost:3978';
// Teams and Outlook load tabs and add-ins over HTTPS only: the Toolkit's trusted development
// certificate (teamsapp.local.yml writes these two paths) turns the dev server into that origin.
const certFile = process.env['SSL_CRT_FILE'];
const keyFile = process.env['SSL_KEY_FILE'];
const https = certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined;

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
    https,
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
