// Pure (shared): each buying-group member's path through the six buying jobs. Paths follow the
// deal's progress but are not linear: about three in ten loop back (new requirements, a
// security review, a reorganisation), and deals with a late loop-back latent show it here.
import { type AccountId, BUYING_JOBS, type BuyingJob, type JourneyMove, type JourneyStep, type JourneyStepId } from '../domain';
import type { Deal, GroupMember } from './deal';
import type { Rng } from './prng';

export interface Journey {
  member: GroupMember;
  steps: JourneyStep[];
}

const PHASE_ENDS = [0.15, 0.35, 0.55, 0.75, 0.9];
const LOOP_NOTES = [
  'Security review reopened requirements',
  'New stakeholder questioned the scope',
  'Budget cut forced a rethink',
  'Pilot results raised new requirements',
  'Reorganisation changed the decision process',
  'Competitor demo reset the shortlist',
];
const FORWARD_NOTES = [
  'Agreed next step in meeting',
  'Shared business case internally',
  'Confirmed requirements list',
  'Shortlisted us with one competitor',
  'Reference call done',
  'Aligned with leadership',
];

/** Job index the ideal journey is in at fraction x (0..1) of the whole buying process. */
export function phaseIndex(x: number): number {
  let i = 0;
  while (i < PHASE_ENDS.length && x >= (PHASE_ENDS[i] as number)) i++;
  return i;
}

/** The job a journey is in at time t (its first job before it starts). */
export function jobAt(steps: readonly JourneyStep[], t: number): BuyingJob {
  let job = (steps[0] as JourneyStep).job;
  for (const s of steps) {
    if (s.at > t) break;
    job = s.job;
  }
  return job;
}

export function buildJourneys(rng: Rng, deal: Deal, accountId: AccountId, nextId: () => JourneyStepId): Journey[] {
  const span = Math.max(1, deal.end - deal.start);
  const at = (x: number) => Math.round(deal.start + x * span);
  const late = deal.plan.latents.lateLoopBack;
  return deal.group.map((member) => {
    const steps: JourneyStep[] = [];
    const push = (x: number, job: number, move: JourneyMove, note?: string) => {
      steps.push({
        id: nextId(),
        accountId,
        opportunityId: deal.doc.id,
        stakeholderId: member.person.doc.id,
        job: BUYING_JOBS[job] as BuyingJob,
        at: at(x),
        move,
        ...(note ? { note } : {}),
        updatedAt: at(x),
      });
    };
    const joinX = Math.min(0.95, member.joinFrac);
    let cur = Math.max(0, phaseIndex(deal.reach * joinX) - (rng.chance(0.3) ? 1 : 0));
    push(joinX, cur, 'start');
    if (!member.engaged) return { member, steps };
    const k = rng.int(2, 6);
    const xs = Array.from({ length: k }, () => rng.float(joinX, 1)).sort((a, b) => a - b);
    const key = member.role === 'champion' || member.role === 'decision_maker' || member.role === 'economic_buyer';
    const lateLoop = late && key ? k - 1 - Math.floor(rng.next() * Math.min(2, k)) : -1;
    const loopAt = lateLoop >= 0 ? lateLoop : rng.chance(0.62) ? rng.int(1, k - 1) : -1;
    xs.forEach((x, i) => {
      if (i === loopAt && cur > 0) {
        cur = lateLoop >= 0 ? Math.min(cur - 1, 2) : Math.max(0, cur - rng.int(1, 2));
        push(x, cur, 'loop_back', rng.pick(LOOP_NOTES));
        return;
      }
      const target = phaseIndex(deal.reach * x);
      if (target > cur) push(x, ++cur, 'forward', rng.chance(0.25) ? rng.pick(FORWARD_NOTES) : undefined);
      else if (rng.chance(0.35)) push(x, cur, 'stay');
    });
    // Catch up with the deal's final phase so won deals end in consensus for the people who matter.
    const final = phaseIndex(deal.reach * 0.999);
    let x = (steps[steps.length - 1] as JourneyStep).at;
    while (cur < final && (key || rng.chance(0.6))) {
      x = x + (deal.end - x) * rng.float(0.2, 0.5);
      cur++;
      steps.push({
        ...(steps[steps.length - 1] as JourneyStep),
        id: nextId(),
        job: BUYING_JOBS[cur] as BuyingJob,
        at: Math.round(x),
        move: 'forward',
        updatedAt: Math.round(x),
      });
      delete steps[steps.length - 1]?.note;
    }
    return { member, steps };
  });
}
