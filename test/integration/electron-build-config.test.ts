// The desktop build's configuration, checked without Electron: what ships where, and the
// preload in the one shape a sandboxed window can load.
import config from '../../electron.vite.config';
import { mainWindowOptions } from '../../src/main/electron/window-options';

type Built = { build?: { outDir?: string; rollupOptions?: { input?: unknown; output?: { format?: string; entryFileNames?: string } } } };

describe('electron-vite build config', () => {
  const resolved = config as unknown as { main: Built; preload: Built; renderer: Built & { root?: string } };

  it('builds main, preload and renderer into out/', () => {
    expect(resolved.main.build?.outDir).toBe('out/main');
    expect(resolved.preload.build?.outDir).toBe('out/preload');
    expect(resolved.renderer.build?.outDir).toMatch(/out[\\/]renderer$/);
    expect(String(resolved.renderer.root)).toMatch(/src[\\/]renderer$/);
  });

  it('emits the preload as one CommonJS file, which a sandboxed preload requires', () => {
    expect(resolved.preload.build?.rollupOptions?.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
  });

  it('points the window at the preload it builds', () => {
    const file = resolved.preload.build?.rollupOptions?.output?.entryFileNames?.replace('[name]', 'index');
    expect(mainWindowOptions(`/app/out/preload/${file}`).webPreferences.preload).toBe('/app/out/preload/index.cjs');
  });
});
