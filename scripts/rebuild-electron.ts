// Plain Node: builds the SQLite module (better-sqlite3-multiple-ciphers) for Electron's ABI into
// out/native, a copy beside the Node build in node_modules — so `npm start` gets an Electron binding while `npm test` keeps
// loading the Node one. Never run from postinstall (ARCHITECTURE: the native ABI trap).
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { rebuild } from '@electron/rebuild';

const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const buildPath = path.resolve('out/native');
// The package src/main/store/sqlite/database.ts loads.
const MODULE = 'better-sqlite3-multiple-ciphers';
const target = path.join(buildPath, 'node_modules', MODULE);

rmSync(buildPath, { recursive: true, force: true });
mkdirSync(path.dirname(target), { recursive: true });
cpSync(path.resolve('node_modules', MODULE), target, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
});
writeFileSync(path.join(buildPath, 'package.json'), JSON.stringify({ name: 'native', private: true, dependencies: { [MODULE]: '*' } }));

await rebuild({ buildPath, electronVersion, onlyModules: [MODULE], force: true, mode: 'sequential' });
const binding = path.join(target, 'build/Release/better_sqlite3.node');
if (!existsSync(binding)) {
  console.error(`DS_REBUILD_FAILED: no binding at ${binding}`);
  process.exit(1);
}
console.log(`${MODULE} built for Electron ${electronVersion}: ${path.relative('.', binding)}`);
