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
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
    logLevel: 'warn',
  };
}
