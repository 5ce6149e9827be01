// Pure (shared): one open deal's score payload — probability, the factors behind it (exact
// logit decomposition plus the top three for and against in words) and next best actions.
import { nextBestActions } from './actions';
import type { BestTime } from './best-time';
import type { OpportunityFacts } from './facts';
import { featureInfos, type FeatureSpace } from './features';
import { scoreRow, type RowScore, type WorkspaceModel } from './model';
import { bandOf, SCORE_PAYLOAD_VERSION, type Contribution, type FactorWords, type OpportunityScorePayload } from '@shared/domain';
import type { PriorParams } from './prior';
import { factorWords } from './words';

const TOP = 3;

function valueOf(kind: 'numeric' | 'categorical', levels: readonly string[] | undefined, v: number): number | string | null {
  if (kind === 'categorical') return v >= 0 && levels && v < levels.length ? levels[v]! : null;
  return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null;
}

/**
 * Features that factorWords describes with the same sentence (champion reached / strength, blocker
 * present / not met): one factor in the top lists. Every other feature has words of its own.
 */
const SAME_WORDS: Readonly<Record<string, string>> = { champion_strength: 'champion_reached', blocker_present: 'blocker_unmet' };

/**
 * Top factors one way, merged as above. Only the factors that make the top get their words: a
 * deal has ~25 nonzero contributions and wording each (names looked up, sentences built) was a
 * tenth of a full rescore.
 */
function topWords(contribs: Contribution[], facts: OpportunityFacts, sign: 1 | -1): FactorWords[] {
  const merged = new Map<string, { feature: string; contribution: number }>();
  for (const c of contribs) {
    if (Math.sign(c.contribution) !== sign) continue;
    const group = SAME_WORDS[c.feature] ?? c.feature;
    const m = merged.get(group);
    if (m) m.contribution += c.contribution;
    else merged.set(group, { feature: c.feature, contribution: c.contribution });
  }
  return [...merged.values()]
    .filter((f) => Math.abs(f.contribution) >= 0.01)
    .sort((a, b) => sign * (b.contribution - a.contribution))
    .slice(0, TOP)
    .map((f) => ({ feature: f.feature, contribution: f.contribution, words: factorWords(f.feature, f.contribution, facts) }));
}

// A full rescore builds the payloads of thousands of deals in one space: describe it once.
const INFOS = new WeakMap<FeatureSpace, ReturnType<typeof featureInfos>>();
function infosOf(space: FeatureSpace): ReturnType<typeof featureInfos> {
  let infos = INFOS.get(space);
  if (!infos) INFOS.set(space, (infos = featureInfos(space)));
  return infos;
}

export interface OpportunityScoreInput {
  facts: OpportunityFacts;
  row: Float64Array;
  space: FeatureSpace;
  prior: PriorParams;
  model: WorkspaceModel | null;
  now: number;
  bestTimeOf: (stakeholderId: string) => BestTime | null;
  /** This row's score when the caller scored a block of rows at once (scoreRows); else scored here. */
  score?: RowScore;
}

export function opportunityPayload(input: OpportunityScoreInput): OpportunityScorePayload {
  const { facts, row, space, prior, model, now } = input;
  const s = input.score ?? scoreRow(row, space, prior, model);
  const infos = infosOf(space);
  const contributions: Contribution[] = [];
  infos.forEach((info, j) => {
    const c = s.contributions[j]!;
    if (c !== 0) contributions.push({ feature: info.name, value: valueOf(info.kind, info.levels, row[j]!), contribution: c });
  });
  const actions = nextBestActions(facts, now).map((a) => {
    const t = a.stakeholderId ? input.bestTimeOf(a.stakeholderId) : null;
    return {
      ...a,
      when: t ? t.nextSlotAt : null,
      whenWords: t ? t.window : null,
      whenSlots: t ? t.slots : [],
      whenConfidence: t ? t.confidence : null,
      whenSamples: t ? t.samples : null,
    };
  });
  const o = facts.opportunity;
  return {
    kind: 'opportunity',
    version: SCORE_PAYLOAD_VERSION,
    opportunityId: o.id,
    accountId: o.accountId,
    asOf: facts.asOf,
    probability: s.probability,
    logit: s.logit,
    band: bandOf(s.probability),
    source: s.source,
    closedDeals: s.closedDeals,
    modelWeight: s.weight,
    explanation: { base: s.base, calibration: s.calibration, contributions },
    for: topWords(contributions, facts, 1),
    against: topWords(contributions, facts, -1),
    actions,
  };
}

/** base + calibration + Σ contributions: what the payload's logit must equal. */
export function explainedLogit(p: OpportunityScorePayload): number {
  return p.explanation.base + p.explanation.calibration + p.explanation.contributions.reduce((a, c) => a + c.contribution, 0);
}
