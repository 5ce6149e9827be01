// Runs in Node (main process, scoring worker): which compiled better-sqlite3 to load. Tests and
// the web preview use the Node build in node_modules; the desktop app sets
// DS_SQLITE_NATIVE_BINDING to the copy built for Electron's ABI (scripts/rebuild-electron.ts),
// so one checkout serves both without rebuilding node_modules back and forth.
export const NATIVE_BINDING_ENV = 'DS_SQLITE_NATIVE_BINDING';

export function nativeBindingOption(): { nativeBinding?: string } {
  const binding = process.env[NATIVE_BINDING_ENV];
  return binding ? { nativeBinding: binding } : {};
}
