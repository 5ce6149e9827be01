import { describe, expect, it } from 'vitest';
import { base64Parts, planOf, stageRows, unmappedStages, withColumn } from './wizard-model';

describe('import wizard model', () => {
  it('a column takes a target from whichever column fed it before', () => {
    expect(withColumn(['externalId', 'name', null], 2, 'name')).toEqual(['externalId', null, 'name']);
    expect(withColumn(['externalId', 'name'], 0, null)).toEqual([null, 'name']);
  });

  it('stages map by the wizard first, then by the known pipelines; unknown ones are listed', () => {
    const rows = stageRows(['Closed Won', 'Pending Board Vote', 'Negotiation/Review'], { 'Negotiation/Review': 'commit' });
    expect(rows).toEqual([
      { name: 'Closed Won', target: 'won', guessed: true },
      { name: 'Pending Board Vote', target: null, guessed: false },
      { name: 'Negotiation/Review', target: 'commit', guessed: false },
    ]);
    expect(unmappedStages(['Closed Won', 'Pending Board Vote'], {})).toEqual(['Pending Board Vote']);
  });

  it('files are cut into base64 parts that join back to the same bytes', () => {
    const bytes = new Uint8Array(2500).map((_, i) => (i * 7) % 256);
    const parts = base64Parts(bytes, 1000);
    expect(parts).toHaveLength(3);
    const joined = parts.flatMap((p) => [...atob(p)].map((c) => c.charCodeAt(0)));
    expect(joined).toEqual([...bytes]);
    expect(base64Parts(new Uint8Array(0))).toEqual(['']);
  });

  it('the plan carries the choices as they are', () => {
    expect(
      planOf({ fileIds: ['imp_abcdefgh'], overrides: { imp_abcdefgh: { kind: 'accounts' } }, stageMap: {}, ownerMap: { Maya: 'tm_1' } }),
    ).toEqual({ fileIds: ['imp_abcdefgh'], overrides: { imp_abcdefgh: { kind: 'accounts' } }, stageMap: {}, ownerMap: { Maya: 'tm_1' } });
  });
});
