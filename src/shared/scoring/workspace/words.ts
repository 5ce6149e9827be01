// Pure (shared): a factor of the score in plain words, specific to the deal ("Champion Ivan Tech
// has gone quiet for 24 days", "Economic buyer never met") rather than the feature's name.
import { BUYING_JOBS, BUYING_JOB_LABEL, BUYING_ROLE_LABEL, STAGES, type BuyingRole } from '@shared/domain';
import { DAY, quietDays, REACHED_WINDOW_DAYS } from './engagement';
import type { MemberFacts, OpportunityFacts } from './facts';
import { FEATURE_LABEL, FIXED_FEATURES, type FixedFeature } from './features';

const days = (ms: number): number => Math.max(0, Math.floor(ms / DAY));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function member(f: OpportunityFacts, role: BuyingRole): MemberFacts | undefined {
  // The most engaged holder of the role speaks for it.
  return f.members.filter((m) => m.role === role).sort((a, b) => b.engagement.weight - a.engagement.weight)[0];
}

function roleWords(f: OpportunityFacts, role: BuyingRole): string {
  const label = BUYING_ROLE_LABEL[role];
  const m = member(f, role);
  if (!m) return `No ${label.toLowerCase()} in the buying group`;
  const name = m.stakeholder?.name ?? 'someone';
  const e = m.engagement;
  if (e.reached) return `${label} ${name} met ${ago(days(f.asOf - e.lastResponsive))}`;
  if (e.responsiveCount === 0) return `${label} ${name} never met`;
  return `${label} ${name} not met in the last ${REACHED_WINDOW_DAYS} days`;
}

function championWords(f: OpportunityFacts): string {
  const m = member(f, 'champion');
  if (!m) return 'No champion in the buying group';
  const name = m.stakeholder?.name ?? 'someone';
  const quiet = quietDays(m.engagement, f.asOf);
  if (quiet !== null) return `Champion ${name} has gone quiet for ${quiet} days`;
  if (m.engagement.responsiveCount === 0) return `Champion ${name} has not engaged yet`;
  return `Champion ${name} is engaged (last reply ${ago(days(f.asOf - m.engagement.lastResponsive))})`;
}

/** "today", "1 day ago", "12 days ago": a meeting logged an hour ago was not "0 days ago". */
const ago = (d: number): string => (d === 0 ? 'today' : `${plural(d, 'day')} ago`);

const ROLE_OF: Partial<Record<FixedFeature, BuyingRole>> = {
  dm_reached: 'decision_maker',
  eb_reached: 'economic_buyer',
  tech_reached: 'technical_evaluator',
  user_reached: 'user',
};

export function factorWords(feature: string, contribution: number, f: OpportunityFacts): string {
  if (feature.startsWith('crm:')) {
    const key = feature.slice(4);
    const entry = Object.entries(f.opportunity.crm ?? {}).find(([k]) => k.toLowerCase().replace(/[^a-z0-9]/g, '') === key);
    return `${entry?.[0] ?? key}: ${entry?.[1] ?? 'not set'}`;
  }
  if (!(FIXED_FEATURES as readonly string[]).includes(feature)) return feature;
  const name = feature as FixedFeature;
  const role = ROLE_OF[name];
  if (role) return roleWords(f, role);
  const up = contribution > 0;
  switch (name) {
    case 'champion_reached':
    case 'champion_strength':
      return championWords(f);
    case 'engaged_members':
      return f.engagedMembers <= 1
        ? `Single-threaded: only ${plural(f.engagedMembers, 'person')} engaged in the last ${REACHED_WINDOW_DAYS} days`
        : `${f.engagedMembers} of ${f.members.length} people in the buying group engaged`;
    case 'mean_sentiment':
      return Number.isNaN(f.meanSentiment)
        ? 'No sentiment recorded yet'
        : `Sentiment has been ${f.meanSentiment >= 0.5 ? 'positive' : f.meanSentiment <= -0.5 ? 'negative' : 'mixed'} (${f.meanSentiment.toFixed(1)} on −2..+2)`;
    case 'opponent_share':
      return `${plural(f.members.filter((m) => m.stakeholder && ['opponent', 'skeptic'].includes(m.stakeholder.stance)).length, 'opponent or skeptic', 'opponents or skeptics')} in the buying group`;
    case 'supporter_share':
      return `${plural(f.members.filter((m) => m.stakeholder && ['champion', 'supporter'].includes(m.stakeholder.stance)).length, 'supporter')} in the buying group`;
    case 'blocker_unmet':
    case 'blocker_present': {
      const b = member(f, 'blocker');
      if (!b) return 'No known blocker';
      return f.blockerMet
        ? `Blocker ${b.stakeholder?.name ?? ''} has been met and heard`.replace('  ', ' ')
        : `Blocker ${b.stakeholder?.name ?? ''} not yet met`.replace('  ', ' ');
    }
    case 'late_requirements_loop': {
      const who = f.members.find((m) => m.stakeholder?.id === f.lateLoopStakeholderId)?.stakeholder?.name;
      return f.lateRequirementsLoop
        ? `${who ?? 'The buying group'} looped back to requirements late in the deal`
        : 'No late loop back to requirements';
    }
    case 'loop_backs':
      return `${plural(f.loopBacks, 'loop-back')} in the buying journey`;
    case 'furthest_job':
      return f.furthestJob < 0
        ? 'No buying-journey steps recorded'
        : `Buying group has reached ${BUYING_JOB_LABEL[BUYING_JOBS[f.furthestJob]!].toLowerCase()}`;
    case 'days_since_touch':
      return Number.isNaN(f.daysSinceTouch)
        ? 'No contact recorded'
        : up
          ? `Last contact ${plural(Math.floor(f.daysSinceTouch), 'day')} ago`
          : `No contact for ${Math.floor(f.daysSinceTouch)} days`;
    case 'stage':
      return f.stage ? `In the ${f.stage} stage` : 'Stage unknown at this point';
    case 'days_in_stage':
      return Number.isNaN(f.daysInStage)
        ? 'Time in stage unknown'
        : `${plural(Math.floor(f.daysInStage), 'day')} in ${f.stage ?? 'this'} stage`;
    case 'log_amount':
      return `Deal size ${Math.round(f.opportunity.amount).toLocaleString('en-US')} ${f.opportunity.currency}`;
    case 'age_days':
      return `Deal open for ${plural(Math.floor(f.ageDays), 'day')}`;
    case 'member_count':
      return `Buying group of ${plural(f.members.length, 'person', 'people')}`;
    case 'engagement_total':
      return `Overall engagement is ${up ? 'strong' : 'weak'}`;
    case 'responsive_share':
      return Number.isNaN(f.responsiveShare) ? 'No interactions yet' : `${Math.round(100 * f.responsiveShare)}% of engagement is two-way`;
    default:
      return FEATURE_LABEL[name];
  }
}

export const STAGE_WORDS = Object.fromEntries(STAGES.map((s) => [s, s[0]!.toUpperCase() + s.slice(1)]));
