import { describe, expect, it } from 'vitest';
import { csvRecords, detectEncoding, sniffDelimiter } from './csv-source';

async function all(bytes: Uint8Array) {
  const out: [number, string[]][] = [];
  for await (const r of csvRecords(bytes)) out.push([r.line, r.record]);
  return out;
}

describe('CSV source', () => {
  it('sniffs the delimiter of the header line, ignoring quoted ones', () => {
    expect(sniffDelimiter('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"a;b",c,d')).toBe(',');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('tells UTF-8 (BOM or not) from Windows-1252', async () => {
    expect(await detectEncoding(Buffer.from('\uFEFFé', 'utf8'))).toEqual({ encoding: 'utf-8', bom: true });
    expect(await detectEncoding(Buffer.from('é', 'utf8'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(await detectEncoding(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x80]))).toEqual({ encoding: 'windows-1252', bom: false });
    const [[, [word]]] = [(await all(Buffer.from([0x61, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x80])))[1]!];
    expect(word).toBe('Café €');
  });

  it('gives each record the line it starts on, across quoted newlines, CRLF and blank lines', async () => {
    const text = 'h1,h2\r\n1,"a\r\nb"\r\n\r\n2,c\r\n3,"x\ny\nz"\n4,end';
    expect(await all(Buffer.from(text))).toEqual([
      [1, ['h1', 'h2']],
      [2, ['1', 'a\nb']],
      [5, ['2', 'c']],
      [6, ['3', 'x\ny\nz']],
      [9, ['4', 'end']],
    ]);
  });

  it('an empty file has no records; a header alone has one', async () => {
    expect(await all(new Uint8Array(0))).toEqual([]);
    expect(await all(Buffer.from('a,b\n'))).toEqual([[1, ['a', 'b']]]);
  });
});
