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

  describe('inside the renderer', () => {
    const boundary = (found: string[]) => found.filter((p) => p.startsWith('boundaries/dependencies'));

    it('refuses a feature importing another feature', async () => {
      const found = await problems(
        'src/renderer/src/features/today/probe.ts',
        "import { AccountsPage } from '../accounts/AccountsPage';\nimport { BuyingGroupPage } from '@renderer/features/buying-group/BuyingGroupPage';\nexport const p = [AccountsPage, BuyingGroupPage];\n",
      );
      expect(boundary(found)).toHaveLength(2);
    });

    it('refuses a feature importing app/', async () => {
      const found = await problems(
        'src/renderer/src/features/accounts/probe.ts',
        "import { App } from '../../app/App';\nimport { createQueryClient } from '@renderer/app/query-client';\nexport const p = [App, createQueryClient];\n",
      );
      expect(boundary(found)).toHaveLength(2);
    });

    it('refuses lower layers importing upper ones', async () => {
      expect(
        boundary(
          await problems(
            'src/renderer/src/components/probe.ts',
            "import { TodayPage } from '../features/today/TodayPage';\nexport const p = TodayPage;\n",
          ),
        ),
      ).toHaveLength(1);
      expect(
        boundary(
          await problems('src/renderer/src/data/probe.ts', "import { Loading } from '../components/states';\nexport const p = Loading;\n"),
        ),
      ).toHaveLength(1);
      expect(
        boundary(await problems('src/renderer/src/lib/probe.ts', "import { call } from '../api/client';\nexport const p = call;\n")),
      ).toHaveLength(1);
    });

    it('keeps the named exception narrow: the workshop may project the journey chart, nothing else of journey', async () => {
      expect(
        await problems(
          'src/renderer/src/features/workshop/probe.ts',
          "import { JourneyChart } from '../journey/JourneyChart';\nimport { PROJECTOR_METRICS } from '../journey/journey-layout';\nexport const p = [JourneyChart, PROJECTOR_METRICS];\n",
        ),
      ).toEqual([]);
      const found = await problems(
        'src/renderer/src/features/workshop/probe.ts',
        "import { JourneyPage } from '../journey/JourneyPage';\nexport const p = JourneyPage;\n",
      );
      expect(boundary(found)).toHaveLength(1);
      const back = await problems(
        'src/renderer/src/features/journey/probe.ts',
        "import { NotesBoard } from '../workshop/NotesBoard';\nexport const p = NotesBoard;\n",
      );
      expect(boundary(back)).toHaveLength(1);
    });

    it('allows a feature its own files and the layers below', async () => {
      expect(
        await problems(
          'src/renderer/src/features/today/probe.ts',
          [
            "import { TodayCard } from './TodayCard';",
            "import { accountQuery } from '@renderer/data/accounts';",
            "import { Loading } from '@renderer/components/states';",
            "import { call } from '@renderer/api/client';",
            "import { hrefFor } from '@renderer/lib/router';",
            "import { API } from '@shared/api';",
            'export const p = [TodayCard, accountQuery, Loading, call, hrefFor, API];',
            '',
          ].join('\n'),
        ),
      ).toEqual([]);
    });
  });

  it('refuses store/sqlite/* outside src/main/store, and allows it inside', async () => {
    const outside = await problems(
      'src/main/scoring/probe.ts',
      "import { tableNameFor } from '../store/sqlite/table';\nimport { getRxStorageSQLite } from '../store/sqlite';\nexport const t = [tableNameFor, getRxStorageSQLite];\n",
    );
    expect(outside.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(2);
    expect(
      await problems('src/main/store/probe.ts', "import { tableNameFor } from './sqlite/table';\nexport const t = tableNameFor;\n"),
    ).toEqual([]);
    expect(await problems('src/main/scoring/probe.ts', "import { writeScores } from '../store';\nexport const w = writeScores;\n")).toEqual(
      [],
    );
  });

  describe('public faces', () => {
    const faces = (found: string[]) => found.filter((p) => p.startsWith('faces/index-only'));

    it('refuses reaching inside a folder that has an index.ts', async () => {
      const found = await problems(
        'src/shared/scoring/workspace/probe.ts',
        "import type { TrainingTable } from '../learn/types';\nimport { checkHeader } from '@shared/scoring/tabular/header';\nexport type T = TrainingTable;\nexport const c = checkHeader;\n",
      );
      expect(faces(found)).toHaveLength(2);
    });

    it('allows the index, and the folder its own files', async () => {
      expect(
        faces(
          await problems(
            'src/shared/scoring/workspace/probe.ts',
            "import type { TrainingTable } from '../learn';\nexport type T = TrainingTable;\n",
          ),
        ),
      ).toEqual([]);
      expect(
        faces(
          await problems(
            'src/shared/scoring/learn/probe.ts',
            "import type { TrainingTable } from './types';\nexport type T = TrainingTable;\n",
          ),
        ),
      ).toEqual([]);
    });
  });
});
