// Build of the desktop app: main (Node), preload (sandboxed bridge) and renderer (browser).
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { rendererConfig } from './vite.renderer.config';
import { metaContentSecurityPolicy } from './src/main/security/csp';

/**
 * The desktop renderer's built index.html carries the strict CSP as a <meta> too: it is loaded
 * from a file, and the session's header (session-guards.ts) may not reach file responses. Build
 * only: the dev server's React refresh preamble is an inline script.
 */
function cspMeta(): Plugin {
  return {
    name: 'deep-sales-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}" />`),
    },
  };
}

export default defineConfig({
  main: {
    // Path aliases have one definition: tsconfig.base.json `paths` (tsx reads it through tsconfig.json).
    resolve: { tsconfigPaths: true },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: path.resolve(import.meta.dirname, 'src/main/index.ts') } },
      // Native and large Node packages stay outside the bundle and load from node_modules.
      externalizeDeps: true,
    },
  },
  preload: {
    resolve: { tsconfigPaths: true },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: path.resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot require() chunks; it must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig(path.resolve(import.meta.dirname, 'out/renderer')),
    plugins: [...(rendererConfig('').plugins ?? []), cspMeta()],
    build: {
      ...rendererConfig('').build,
      outDir: path.resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: path.resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});
