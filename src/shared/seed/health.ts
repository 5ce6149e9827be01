// Pure (shared): the hidden "deal health" behind every closed outcome. The generator draws
// these latents first and then writes data that shows them (a champion in the buying group,
// meetings with the decision maker, sentiment, late loop-backs), so a scoring model has real
// but imperfect signal to find: outcome ~ Bernoulli(sigmoid(health + noise)).
import { type Rng, sigmoid } from './prng';

export type Segment = 'enterprise' | 'mid_market' | 'smb';
export type Competitor = 'known' | 'unknown' | 'none';

export interface DealLatents {
  champion: boolean;
  /** 0..1: how hard the champion sells internally (drives their engagement weight). */
  championStrength: number;
  /** The decision maker is in the buying group and attends interactions. */
  dmReached: boolean;
  ebReached: boolean;
  /** Share of the buying group that the seller actually engages (multi-threading). */
  engagedFrac: number;
  blocker: boolean;
  /** The seller met the blocker (objections handled) rather than being surprised late. */
  blockerMet: boolean;
  /** Standard-normal mood of the account toward the deal; shifts every interaction's sentiment. */
  mood: number;
  /** Key people loop back to requirements late in the deal (scope or security surprise). */
  lateLoopBack: boolean;
  competitor: Competitor;
}

export function drawLatents(rng: Rng, segment: Segment): DealLatents {
  // A shared "fit" factor correlates the latents, as in real deals where a good fit brings
  // both a champion and executive access; it also keeps the signal from being one feature.
  const fit = rng.normal();
  const champion = rng.chance(sigmoid(0.5 + 0.9 * fit));
  const blocker = rng.chance(segment === 'enterprise' ? 0.45 : 0.3);
  return {
    champion,
    championStrength: champion ? rng.float(0.2, 1) : 0,
    dmReached: rng.chance(sigmoid(0.3 + 0.8 * fit)),
    ebReached: rng.chance(sigmoid(0.1 + 0.6 * fit)),
    engagedFrac: Math.min(1, Math.max(0.2, 0.55 + 0.12 * fit + rng.normal(0, 0.15))),
    blocker,
    blockerMet: blocker && rng.chance(0.5),
    mood: 0.5 * fit + rng.normal(0, 0.85),
    lateLoopBack: rng.chance(sigmoid(-1.6 - 0.5 * fit)),
    competitor: rng.weighted<Competitor>(['known', 'unknown', 'none'], [0.45, 0.3, 0.25]),
  };
}

/** The learnable part of deal health (log-odds of winning). */
export function dealHealth(l: DealLatents): number {
  let h = -1.25;
  if (l.champion) h += 0.6 + 0.9 * l.championStrength;
  if (l.dmReached) h += 0.75;
  if (l.ebReached) h += 0.45;
  h += 1.6 * (l.engagedFrac - 0.55);
  h += 0.45 * l.mood;
  if (l.blocker) h += l.blockerMet ? -0.2 : -0.9;
  if (l.lateLoopBack) h -= 0.8;
  if (l.competitor === 'known') h -= 0.25;
  return h;
}

/** Draws the outcome; the extra noise stands for everything no CRM records (budget cuts, reorgs). */
export function drawWon(rng: Rng, health: number): boolean {
  return rng.chance(sigmoid(health + rng.normal(0, 0.6)));
}
