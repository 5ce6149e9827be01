// Pure (shared): CRM stage names → our stage and status. Every CRM names its pipeline its own
// way ("Closed Won", "closedwon", "4-Close", "Negotiation/Review"); the words below cover the
// four CRMs' default pipelines. A stage they do not cover stays unmapped and is asked for in
// the wizard's stage step (or `--stage NAME=TARGET` on the command line), never guessed.
import { STAGES, type OpportunityStatus, type Stage } from '../domain';

/** What a CRM stage becomes: one of our open stages, or won, or lost. */
export const STAGE_TARGETS = [...STAGES, 'won', 'lost'] as const;
export type StageTarget = (typeof STAGE_TARGETS)[number];

const RULES: [RegExp, StageTarget][] = [
  [/closed?\s*[-_]?\s*won|^won$|^closed - won|^gewonnen$/, 'won'],
  [/closed?\s*[-_]?\s*lost|^lost$|lost to competition|^canceled$|^cancelled$|^verloren$|^disqualified$|^out sold$/, 'lost'],
  [/negotiat|review|^4\s*-?\s*close|^close$|contract ?sent|decision ?maker ?bought ?in/, 'negotiate'],
  [/commit|verbal|ready to close|closing|contract|^purchase/, 'commit'],
  [/propos|quote|pricing|^3\s*-?\s*propose|presentation ?scheduled|value proposition|perception analysis/, 'propose'],
  [
    /discover|needs? analysis|develop|^2\s*-?\s*develop|id\.? decision makers|identify decision makers|qualified ?to ?buy|solution/,
    'discover',
  ],
  [/qualif|prospect|^1\s*-?\s*qualify|lead|appointment ?scheduled|new|research|^open$/, 'qualify'],
];

/** Our mapping of a CRM stage name, or null when none of the known pipelines names it. */
export function autoStage(name: string): StageTarget | null {
  const t = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  for (const [re, target] of RULES) if (re.test(t)) return target;
  return null;
}

/** Status words (Dynamics "Status", Salesforce IsWon/IsClosed) → status, null when silent. */
export function statusWord(raw: string): OpportunityStatus | null {
  const t = raw.trim().toLowerCase();
  if (/^(won|closed won|true won)$/.test(t)) return 'won';
  if (/^(lost|closed lost|canceled|cancelled|out-sold|outsold)$/.test(t)) return 'lost';
  if (/^(open|in progress|on hold|active)$/.test(t)) return 'open';
  return null;
}

export interface StageOutcome {
  stage: Stage;
  status: OpportunityStatus;
}

/**
 * Stage and status from a mapped target. A won deal stands at "commit" (it went all the way);
 * a lost one keeps the stage it stood at before when known, else "qualify" (CRMs overwrite the
 * stage with "Closed Lost", so where it was lost is gone from the export).
 */
export function outcomeOf(target: StageTarget, previous?: Stage): StageOutcome {
  if (target === 'won') return { stage: 'commit', status: 'won' };
  if (target === 'lost') return { stage: previous ?? 'qualify', status: 'lost' };
  return { stage: target, status: 'open' };
}
