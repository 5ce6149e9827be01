// Pure (shared): the stages a generated deal went through, oldest first, ending in its current
// stage at stageChangedAt. B2B buyers loop back (a new stakeholder reopens requirements, a
// competitor forces a second proposal), troubled and lost deals more often than won ones.
// Drawn from the deal's own sub-stream, so adding history changed no other generated value.
import { STAGES, type Stage, type StageChange } from '../domain';
import { hashSeed, Rng } from './prng';
import type { DealPlan } from './plan';

const LOOP_CHANCE = { won: 0.15, lost: 0.45, open: 0.25 } as const;

function seedOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = hashSeed(h, id.charCodeAt(i));
  return h;
}

/** Stage indexes from qualify to `last`, with at most one loop back of one or two stages. */
function stagePath(rng: Rng, last: number, loopChance: number): number[] {
  const path = Array.from({ length: last + 1 }, (_, i) => i);
  if (last >= 2 && rng.chance(loopChance)) {
    const from = rng.int(2, last); // the stage where the buyers went back
    const to = Math.max(1, from - rng.int(1, 2));
    const back = Array.from({ length: from - to }, (_, i) => to + i + 1);
    path.splice(from + 1, 0, to, ...back);
  }
  return path;
}

export function stageHistoryFor(id: string, plan: DealPlan, stage: Stage, stageChangedAt: number): StageChange[] {
  const rng = new Rng(seedOf(id));
  const last = STAGES.indexOf(stage);
  const path = stagePath(rng, last, LOOP_CHANCE[plan.status]);
  const span = Math.max(0, stageChangedAt - plan.createdAt);
  // Entry times: createdAt first, stageChangedAt last, never falling in between.
  const cuts = Array.from({ length: path.length - 2 }, () => rng.float(0.05, 0.95)).sort((a, b) => a - b);
  const times = [plan.createdAt, ...cuts.map((c) => plan.createdAt + Math.round(span * c)), stageChangedAt];
  return path.map((s, i) => ({
    stage: STAGES[s]!,
    at: i === path.length - 1 ? stageChangedAt : Math.min(times[i]!, stageChangedAt),
  }));
}
