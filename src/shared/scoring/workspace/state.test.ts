import { generateWorkspace } from '@shared/seed';
import { ScoringEngine } from './engine';

const NOW = Date.UTC(2026, 10, 1);

describe('WorkspaceState.trim', () => {
  const ws = generateWorkspace({ size: 'XS', seed: 3 });
  const half = <T>(xs: readonly T[]) => [xs.slice(0, xs.length >> 1), xs.slice(xs.length >> 1)] as const;
  const [firstInteractions, laterInteractions] = half(ws.interactions);
  const [firstSteps, laterSteps] = half(ws.journeysteps);

  /** Half the interactions and steps, as a first read would leave them; trimmed or not. */
  function firstRead(trim: boolean): ScoringEngine {
    const e = new ScoringEngine(() => NOW);
    e.apply('accounts', ws.accounts as never);
    e.apply('stakeholders', ws.stakeholders as never);
    e.apply('opportunities', ws.opportunities as never);
    e.apply('interactions', firstInteractions as never);
    e.apply('journeysteps', firstSteps as never);
    if (trim) e.state.trim();
    return e;
  }

  /** Edits after the read: rewrites, deletions, then the other half (past an eighth: the columns and tables grow again). */
  function edit(e: ScoringEngine): void {
    const rewritten = firstInteractions.filter((_, k) => k % 5 === 0).map((d) => ({ ...d, at: d.at - 3_600_000, sentiment: 1 }));
    e.apply('interactions', rewritten as never);
    e.remove(
      'interactions',
      firstInteractions.filter((_, k) => k % 7 === 1),
    );
    e.remove(
      'journeysteps',
      firstSteps.filter((_, k) => k % 3 === 0),
    );
    e.apply('journeysteps', firstSteps.filter((_, k) => k % 6 === 0).map((d) => ({ ...d, at: d.at + 60_000 })) as never);
    e.apply('interactions', laterInteractions as never);
    e.apply('journeysteps', laterSteps as never);
    e.remove(
      'interactions',
      laterInteractions.filter((_, k) => k % 4 === 0),
    );
  }

  it('cuts the columns and id tables to what they hold plus an eighth', () => {
    const before = firstRead(false).state.columnBytes;
    const after = firstRead(true).state.columnBytes;
    const tableBytes = (n: number) => 12 * Math.ceil((n * 1.125) / 0.7);
    // 1,200 interactions: doubling left 2,048 column entries and a 2,048-entry id table (→ 1,350 and 1,929).
    expect(after.interactionColumns).toBeLessThan(before.interactionColumns);
    expect(after.interactionIds).toBeLessThan(before.interactionIds);
    expect(after.interactionIds).toBe(tableBytes(firstInteractions.length));
    // 1,402 steps: the columns shrink; their 2,048-entry table is already fuller than a trim leaves it, so it stays.
    expect(after.stepColumns).toBeLessThan(before.stepColumns);
    expect(after.stepIds).toBe(Math.min(before.stepIds, tableBytes(firstSteps.length)));
  });

  it('gives the same state and scores as an untrimmed one through later writes, rewrites and deletions', () => {
    const plain = firstRead(false);
    const trimmed = firstRead(true);
    edit(plain);
    edit(trimmed);
    // The trimmed columns grew back past their slack.
    expect(trimmed.state.size).toBeGreaterThan(1.125 * firstInteractions.length);
    for (const d of ws.interactions) expect(trimmed.state.interactionIdx.get(d.id)).toBe(plain.state.interactionIdx.get(d.id));
    const columns = ['at', 'dir', 'kind', 'sentiment', 'job', 'opp', 'live', 'attStart', 'attCount'] as const;
    for (const c of columns)
      expect([...trimmed.state[c].subarray(0, plain.state.size)]).toEqual([...plain.state[c].subarray(0, plain.state.size)]);
    expect([...trimmed.state.attPool.subarray(0, plain.state.attUsed)]).toEqual([...plain.state.attPool.subarray(0, plain.state.attUsed)]);
    for (let o = 0; o < plain.state.opportunities.length; o++)
      expect(trimmed.state.stepsUpTo(o, NOW)).toEqual(plain.state.stepsUpTo(o, NOW));
    expect(trimmed.rescoreAll().upserts).toEqual(plain.rescoreAll().upserts);
  });
});
