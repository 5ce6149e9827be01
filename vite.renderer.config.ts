// Build config of the renderer, shared by electron-vite (desktop) and the web preview, so both
// ship the same bundle.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

export const rendererRoot = path.resolve(import.meta.dirname, 'src/renderer');

export function rendererConfig(outDir: string): UserConfig {
  return {
    root: rendererRoot,
    base: './',
    plugins: [react()],
    // Path aliases (@shared/*, @renderer/*, …) have one definition: tsconfig.base.json `paths`.
    resolve: { tsconfigPaths: true },
    // Minified in both: electron-vite leaves its builds unminified unless told, which shipped the
    // desktop a renderer 2.4× the preview's (index 778 kB vs 320 kB) to parse on every launch.
    build: { outDir, emptyOutDir: true, sourcemap: false, minify: true, chunkSizeWarningLimit: 2000 },
    logLevel: 'warn',
  };
}
