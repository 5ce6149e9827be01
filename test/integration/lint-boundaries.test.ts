// Proves the layer rules of ARCHITECTURE.md are enforced by lint, by linting wrong-way imports
// as if they lived in each layer.
import { ESLint } from 'eslint';
import path from 'node:path';

const eslint = new ESLint({ cwd: path.resolve('.') });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it('refuses Node built-ins and main code in the renderer', async () => {
    const found = await problems(
      'src/renderer/src/probe.ts',
      "import fs from 'fs';\nimport { readFileSync } from 'node:fs';\nimport { createHost } from '../../main/host';\nexport const x = [fs, readFileSync, createHost];\n",
    );
    expect(found.filter((p) => p.startsWith('boundaries/dependencies'))).toHaveLength(3);
  });

  it('refuses Node, DOM and other layers in shared', async () => {
    const found = await problems(
      'src/shared/probe.ts',
      "import path from 'node:path';\nimport { createStore } from '../main/store';\nexport const y = [path, createStore, document];\n",
    );
    expect(found.filter((p) => p.startsWith('boundaries/dependencies'))).toHaveLength(2);
    expect(found.some((p) => p.startsWith('no-restricted-globals'))).toBe(true);
  });

  it('refuses renderer code in main and server', async () => {
    for (const file of ['src/main/probe.ts', 'src/server/probe.ts']) {
      // main.tsx is the renderer's entry and always exists.
      const found = await problems(file, "import { x } from '../renderer/src/main.tsx';\nexport const z = x;\n");
      expect(found.some((p) => p.startsWith('boundaries/dependencies'))).toBe(true);
    }
  });

  it('allows the intended directions', async () => {
    expect(await problems('src/renderer/src/probe.ts', "import { API } from '../../shared/api';\nexport const a = API;\n")).toEqual([]);
    expect(
      await problems('src/main/probe.ts', "import fs from 'node:fs';\nimport { API } from '../shared/api';\nexport const a = [fs, API];\n"),
    ).toEqual([]);
  });

  it('refuses store/sqlite/* outside src/main/store, and allows it inside', async () => {
    const outside = await problems('src/main/scoring/probe.ts', "import { tableNameFor } from '../store/sqlite/table';\nimport { getRxStorageSQLite } from '../store/sqlite';\nexport const t = [tableNameFor, getRxStorageSQLite];\n");
    expect(outside.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(2);
    expect(await problems('src/main/store/probe.ts', "import { tableNameFor } from './sqlite/table';\nexport const t = tableNameFor;\n")).toEqual([]);
    expect(await problems('src/main/scoring/probe.ts', "import { writeScores } from '../store';\nexport const w = writeScores;\n")).toEqual([]);
  });
});
