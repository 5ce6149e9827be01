import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTrainingTable } from '@shared/scoring/tabular/infer';
import { parseCsvText, readCsvFile } from './read-csv';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('readCsvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-csv-'));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads header and rows, keeping short and long rows for the tabular layer to count', () => {
    const csv = readCsvFile(write('ok.csv', '\uFEFFa,b,y\n1,x,Won\n2,"y, z",Loss\n3\n4,x,Won,extra\n'));
    expect(csv.header).toEqual(['a', 'b', 'y']);
    expect(csv.rows).toHaveLength(4);
    expect(csv.rows[1]).toEqual(['2', 'y, z', 'Loss']);
  });

  it('reports coded errors for missing and empty files', () => {
    expect(codeOf(() => readCsvFile(join(dir, 'nope.csv')))).toBe('DS_CSV_READ');
    expect(codeOf(() => readCsvFile(write('empty.csv', '')))).toBe('DS_CSV_EMPTY');
    expect(codeOf(() => readCsvFile(write('blank.csv', '\n\n')))).toBe('DS_CSV_EMPTY');
  });

  it('detects a semicolon-separated file end to end', () => {
    const csv = parseCsvText('a;b;y\n1;2;Won\n3;4;Loss\n');
    expect(codeOf(() => buildTrainingTable(csv.header, csv.rows, { target: 'y', positive: 'Won' }))).toBe('DS_CSV_DELIMITER');
    const ok = parseCsvText('a;b;y\n1;2;Won\n3;4;Loss\n', { delimiter: ';' });
    expect(ok.header).toEqual(['a', 'b', 'y']);
  });

  it('skips 5% malformed rows end to end and counts them', () => {
    const lines = ['region,amount,result'];
    for (let i = 0; i < 200; i++) {
      if (i % 20 === 0) lines.push(i % 40 === 0 ? `north,${i}` : `north,abc,Won`);
      else lines.push(`${i % 3 ? 'north' : 'south'},${i * 10},${i % 4 ? 'Loss' : 'Won'}`);
    }
    const csv = parseCsvText(lines.join('\n'));
    const { report, table } = buildTrainingTable(csv.header, csv.rows, { target: 'result', positive: 'Won' });
    expect(report).toMatchObject({ total: 200, used: 190, wrongColumnCount: 5, unparseableNumber: 5 });
    expect(table.labels.length).toBe(190);
  });
});
