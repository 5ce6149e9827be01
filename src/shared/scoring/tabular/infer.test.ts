import { encodeRecord, encodeWithSchema } from './encode';
import { buildTrainingTable } from './infer';
import { trailingZeros } from './values';

const header = ['Region', 'Amount', 'Size', 'Result'];
function rows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    ['North', 'South', 'East'][i % 3]!,
    String((i % 7) * 1000 + (i % 2) * 37),
    String(1 + (i % 5)),
    i % 4 === 0 ? 'Won' : 'Loss',
  ]);
}
const opts = { target: 'Result', positive: 'Won' };
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('buildTrainingTable', () => {
  it('types columns, encodes labels and adds a trailing-zeros feature for many-valued integers', () => {
    const data = rows(200).map((r, i) => [r[0]!, String(i * 500 + (i % 3)), r[2]!, r[3]!]);
    const { table, schema, report } = buildTrainingTable(header, data, opts);
    expect(schema.features.map((f) => [f.name, f.kind])).toEqual([
      ['Region', 'categorical'],
      ['Amount', 'numeric'],
      ['Amount (trailing zeros)', 'numeric'],
      ['Size', 'numeric'],
    ]);
    expect(report).toMatchObject({ total: 200, used: 200, wrongColumnCount: 0, unparseableNumber: 0 });
    expect(table.labels.reduce((s, v) => s + v, 0)).toBe(50);
  });

  it('fails with coded errors: missing target, one class, empty, wrong delimiter', () => {
    expect(codeOf(() => buildTrainingTable(header, rows(20), { target: 'Outcome', positive: 'Won' }))).toBe('DS_CSV_MISSING_TARGET');
    expect(codeOf(() => buildTrainingTable(header, rows(20), { target: 'Result', positive: 'Yes' }))).toBe('DS_CSV_ONE_CLASS');
    expect(
      codeOf(() =>
        buildTrainingTable(
          header,
          rows(20).map((r) => [...r.slice(0, 3), 'Loss']),
          opts,
        ),
      ),
    ).toBe('DS_CSV_ONE_CLASS');
    expect(codeOf(() => buildTrainingTable(header, [], opts))).toBe('DS_CSV_EMPTY');
    expect(codeOf(() => buildTrainingTable([], [], opts))).toBe('DS_CSV_EMPTY');
    expect(codeOf(() => buildTrainingTable(['Region;Amount;Result'], [['North;5;Won']], opts))).toBe('DS_CSV_DELIMITER');
    expect(codeOf(() => buildTrainingTable(['Region\tAmount\tResult'], [['North\t5\tWon']], opts))).toBe('DS_CSV_DELIMITER');
  });

  it('skips and counts 5% malformed rows, and refuses more than 20%', () => {
    const data = rows(400);
    for (let i = 0; i < 10; i++) data[i * 40] = ['North', '12'];
    for (let i = 0; i < 10; i++) data[i * 40 + 1]![1] = 'twelve';
    const { table, report } = buildTrainingTable(header, data, opts);
    expect(report).toMatchObject({ total: 400, used: 380, wrongColumnCount: 10, unparseableNumber: 10 });
    expect(table.labels.length).toBe(380);
    expect(report.warnings.join('\n')).toMatch(/skipped 10 row\(s\) with a non-numeric value in numeric column "Amount"/);
    const worse = rows(100).map((r, i) => (i % 4 === 0 ? r.slice(0, 2) : r));
    expect(codeOf(() => buildTrainingTable(header, worse, opts))).toBe('DS_CSV_TOO_MANY_BAD_ROWS');
  });

  it('treats empty cells as missing and zero-padded codes and text as categorical', () => {
    const data = rows(60).map((r, i) => [r[0]!, i % 10 === 0 ? '' : r[1]!, `0${r[2]!}`, r[3]!]);
    const { table, schema } = buildTrainingTable(header, data, opts);
    expect(schema.features.find((f) => f.source === 'Size')!.kind).toBe('categorical');
    const amount = table.features.find((f) => f.name === 'Amount')!;
    expect(amount.kind === 'numeric' && Number.isNaN(amount.values[0]!)).toBe(true);
  });

  it('drops identifier-like and constant columns with a warning', () => {
    const h = ['Id', 'Const', 'Region', 'Result'];
    const data = rows(120).map((r, i) => [`opp-${i}`, 'x', r[0]!, r[3]!]);
    const { schema, report } = buildTrainingTable(h, data, opts);
    expect(schema.features.map((f) => f.name)).toEqual(['Region']);
    expect(report.warnings.some((w) => w.includes('"Id"') && w.includes('identifier'))).toBe(true);
  });

  it('encodes unseen categories and absent columns as missing at predict time', () => {
    const { schema } = buildTrainingTable(header, rows(60), opts);
    const row = encodeRecord(schema, { Region: 'Atlantis', Amount: '2000' });
    expect(row[0]).toBe(-1);
    expect(row[1]).toBe(2000);
    expect(Number.isNaN(row[row.length - 1]!)).toBe(true);
    const test = encodeWithSchema(schema, header, [['Atlantis', '5', '2', 'Won']]);
    expect(test.table.features[0]!.kind === 'categorical' && test.table.features[0]!.codes[0]).toBe(-1);
    expect(codeOf(() => encodeWithSchema(schema, ['Region', 'Result'], []))).toBe('DS_CSV_MISSING_COLUMN');
  });
});

describe('trailingZeros', () => {
  it('counts decimal trailing zeros of integers', () => {
    expect([151914, 50000, 1000000, 0, 12.5, -300, NaN].map(trailingZeros)).toEqual([0, 4, 6, 0, 0, 2, NaN]);
  });
});
