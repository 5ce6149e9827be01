// Integration (child processes): `npm run import` ends with one JSON line of counts per kind and
// reports row errors with file and line; `npm run export` then `npm run import` into an empty
// folder gives the same counts; `npm run serve` refuses a file as its workspace in plain words.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SF = path.join(ROOT, 'test/fixtures/crm/salesforce');

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  const lines = r.stdout.trim().split('\n');
  return { status: r.status, stderr: r.stderr, last: lines[lines.length - 1] ?? '' };
}

describe('import and export on the command line', () => {
  it('imports, re-imports without changes, exports and imports the export into an empty workspace', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ds-cli-'));
    const ws = path.join(tmp, 'ws');
    const files = readdirSync(SF).map((f) => path.join(SF, f));
    const first = run('import.ts', ['--data', ws, ...files]);
    expect(first.status).toBe(0);
    const counts = JSON.parse(first.last) as Record<string, { created: number; failed: number }>;
    expect(counts['accounts']).toMatchObject({ created: 3, failed: 0 });
    expect(counts['activities']).toMatchObject({ created: 3, failed: 1 });
    expect(first.stderr).toContain('Task.csv:5: DS_IMPORT_UNLINKED');
    const second = JSON.parse(run('import.ts', ['--data', ws, ...files]).last) as Record<string, { created: number; updated: number }>;
    for (const c of Object.values(second)) expect([c.created, c.updated]).toEqual([0, 0]);

    const out = path.join(tmp, 'csv');
    const exported = run('export.ts', ['--data', ws, '--out', out]);
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.last)).toMatchObject({ accounts: 3, stakeholders: 3, opportunities: 3, interactions: 3 });
    const back = run('import.ts', ['--data', path.join(tmp, 'ws2'), ...readdirSync(out).map((f) => path.join(out, f))]);
    expect(JSON.parse(back.last)).toMatchObject({
      accounts: { created: 3 },
      contacts: { created: 3 },
      opportunities: { created: 3 },
      activities: { created: 3 },
    });
  }, 600_000);

  it('refuses a file or a foreign folder as a workspace with a code and plain words', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'ds-cli-'));
    const file = path.join(tmp, 'workspace.ndjson');
    writeFileSync(file, '{}\n');
    const r = run('serve.ts', ['--data', file, '--no-build', '--port', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('DS_WORKSPACE_NOT_A_FOLDER');
    expect(r.stderr).not.toContain('ENOTDIR');
    const i = run('import.ts', ['--data', file, path.join(SF, 'Account.csv')]);
    expect(i.status).toBe(1);
    expect(i.stderr).toContain('DS_WORKSPACE_NOT_A_FOLDER');
  }, 300_000);
});
