import { describe, expect, it } from 'vitest';
import { importHistoryCsv } from './import-history';

describe('history import shares the CRM import reading and mapping', () => {
  it('reads a CRM export with "$22,700.00" amounts and CRM stage names', () => {
    const rows = ['Deal Name,Amount,Stage,Region,Result'];
    for (let i = 0; i < 40; i++) {
      rows.push(
        `Deal ${i},"$${(1000 + i * 100).toLocaleString('en-US')}.00",${i % 2 ? 'Needs Analysis' : 'Negotiation/Review'},${i % 3 ? 'North' : 'South'},${i % 4 ? 'Lost' : 'Won'}`,
      );
    }
    const r = importHistoryCsv(rows.join('\r\n'), 'Result', 'Won');
    expect(r.imported).toBe(40);
    expect(r.records[0]).toMatchObject({ amount: 1000, stage: 'negotiate', won: true });
    expect(r.records[1]).toMatchObject({ amount: 1100, stage: 'discover', won: false });
    expect(r.records[1]!.crm['Region']).toBe('North');
  });
});
