// Pure (shared): next best actions for an open deal, ranked. Each rule names the gap, the person
// to act with and why. Priorities are fixed by how much the gap tends to cost a deal (a silent
// champion or no executive access loses more deals than a stale close date), then nudged by
// influence so the more decisive person comes first. An action the team marked done, or snoozed
// until a time still ahead, is left out (domain/action-state.ts), so Today ranks the deal by what
// is left to do.
import { BUYING_ROLE_LABEL, CORE_ROLES, STAGES, actionKey, isActionHeld, type BuyingRole, type NextBestAction } from '@shared/domain';
import { DAY, quietDays } from './engagement';
import type { MemberFacts, OpportunityFacts } from './facts';

/** Days in one stage after which a deal counts as stuck, per stage. */
export const STALE_STAGE_DAYS: Record<(typeof STAGES)[number], number> = {
  qualify: 30,
  discover: 45,
  propose: 45,
  negotiate: 30,
  commit: 21,
};

const ROLE_PRIORITY: Partial<Record<BuyingRole, number>> = {
  champion: 0.9,
  decision_maker: 0.85,
  economic_buyer: 0.8,
  technical_evaluator: 0.55,
  user: 0.4,
};

type Draft = Omit<NextBestAction, 'when' | 'whenWords' | 'whenSlots' | 'whenConfidence' | 'whenSamples'>;

const nameOf = (m: MemberFacts | undefined): string | null => m?.stakeholder?.name ?? null;
const influence = (m: MemberFacts): number => m.stakeholder?.influence ?? 3;

function target(kind: Draft['kind'], priority: number, title: string, reason: string, m?: MemberFacts): Draft {
  return { kind, priority, title, reason, stakeholderId: m?.stakeholder?.id ?? null, stakeholderName: nameOf(m) };
}

export function nextBestActions(f: OpportunityFacts, now: number): Draft[] {
  const out: Draft[] = [];
  const o = f.opportunity;
  for (const role of CORE_ROLES) {
    const holders = f.members.filter((m) => m.role === role);
    const label = BUYING_ROLE_LABEL[role];
    const base = ROLE_PRIORITY[role] ?? 0.3;
    if (holders.length === 0) {
      out.push(
        target(
          'cover_role',
          base * 0.9,
          `Find the ${label.toLowerCase()}`,
          `Nobody in the buying group is the ${label.toLowerCase()}; ask your contacts who it is.`,
        ),
      );
    } else if (!holders.some((m) => m.engagement.reached)) {
      const m = [...holders].sort((a, b) => influence(b) - influence(a))[0]!;
      const never = m.engagement.responsiveCount === 0;
      out.push(
        target(
          'cover_role',
          base,
          `Meet ${label.toLowerCase()} ${nameOf(m)}`,
          never ? `${label} ${nameOf(m)} has never been met.` : `${label} ${nameOf(m)} has not been met in 60 days.`,
          m,
        ),
      );
    }
  }
  for (const m of f.members.filter((x) => x.role === 'champion')) {
    const quiet = quietDays(m.engagement, f.asOf);
    if (quiet !== null)
      out.push(
        target('champion_quiet', 0.95, `Re-engage champion ${nameOf(m)}`, `Champion ${nameOf(m)} has gone quiet for ${quiet} days.`, m),
      );
  }
  const blocker = f.members.find((m) => m.role === 'blocker' && m.engagement.responsiveCount === 0);
  if (blocker)
    out.push(
      target(
        'meet_blocker',
        0.8,
        `Meet ${nameOf(blocker)} and hear the objections`,
        `${nameOf(blocker)} may block the deal and has not been met about it yet.`,
        blocker,
      ),
    );
  if (f.lateRequirementsLoop) {
    const m = f.members.find((x) => x.stakeholder?.id === f.lateLoopStakeholderId);
    out.push(
      target(
        'revalidate_requirements',
        0.75,
        `Re-validate requirements with ${nameOf(m) ?? 'the buying group'}`,
        'The buying group went back to requirements after supplier selection: scope or a new requirement has surfaced.',
        m,
      ),
    );
  }
  if (f.engagedMembers <= 1 && f.members.length > 1) {
    const next = f.members.filter((m) => !m.engagement.reached).sort((a, b) => influence(b) - influence(a))[0];
    out.push(
      target(
        'multi_thread',
        0.7,
        `Multi-thread: engage ${nameOf(next) ?? 'a second contact'}`,
        `Only ${f.engagedMembers} person engaged; one departure would stall the deal.`,
        next,
      ),
    );
  }
  if (o.status === 'open' && o.closeDate < now) {
    const d = Math.floor((now - o.closeDate) / DAY);
    out.push(
      target('close_date_passed', 0.6, 'Update the close date', `The close date passed ${d} days ago; agree a new date or close the deal.`),
    );
  }
  if (f.stage && f.daysInStage > STALE_STAGE_DAYS[f.stage]) {
    const m = f.members
      .filter((x) => x.role === 'champion' || x.role === 'decision_maker')
      .sort((a, b) => b.engagement.weight - a.engagement.weight)[0];
    out.push(
      target(
        'stale_stage',
        0.5,
        `Agree the next step${m ? ` with ${nameOf(m)}` : ''}`,
        `In ${f.stage} for ${Math.floor(f.daysInStage)} days (usual limit ${STALE_STAGE_DAYS[f.stage]}).`,
        m,
      ),
    );
  }
  const held = o.actionStates;
  return (held?.length ? out.filter((a) => !isActionHeld(held, actionKey(a), now)) : out).sort(
    (a, b) => b.priority - a.priority || a.title.localeCompare(b.title),
  );
}
