import type { IncomingMessage } from 'node:http';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/** Set by `npm run dev` (scripts/dev.ts) to the headless engine's origin, http://127.0.0.1:PORT. */
const devEngine = process.env.MINATO_DEV_ENGINE;

/** The names the dev server (bound to 127.0.0.1) is reached by from this machine's own browser. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The request comes from a page this dev server served: its Origin names the loopback host it was sent to. vite checks
 * Host for pages but not for proxied WebSocket upgrades, so a DNS-rebound page (evil.example resolving to 127.0.0.1)
 * sends a matching Host and Origin of its own name: only a loopback name counts.
 */
function isOwnPage(request: IncomingMessage): boolean {
  const { origin, host } = request.headers;
  try {
    const page = origin === undefined ? undefined : new URL(origin);
    return page !== undefined && page.protocol === 'http:' && page.host === host && LOOPBACK.has(page.hostname);
  } catch {
    return false;
  }
}

/**
 * The page talks to the engine at /ws as in headless mode: the token check (`GET /ws` with a bearer) and the
 * WebSocket go through this proxy, and the engine still checks the token, the Host (rewritten to its own) and the
 * Origin. The Origin is rewritten only for this dev server's own page; any other page keeps its foreign Origin and
 * the engine refuses it, as it would without the proxy.
 */
function engineProxy(engineOrigin: string): Record<string, ProxyOptions> {
  return {
    '^/ws$': {
      target: engineOrigin,
      ws: true,
      changeOrigin: true,
      configure: (proxy) => {
        proxy.on('proxyReqWs', (proxyReq, request: IncomingMessage) => {
          if (isOwnPage(request)) proxyReq.setHeader('origin', engineOrigin);
        });
      },
    },
  };
}

// The renderer builds to static files: served by headless mode, or by Electron's app:// scheme (relative asset URLs
// work under both). `npm run dev` serves it with hot reload instead.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  server: devEngine ? { proxy: engineProxy(devEngine) } : {},
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
