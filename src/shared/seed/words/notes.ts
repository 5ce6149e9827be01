// Pure (shared): short interaction notes, assembled from the person's own needs and pains.
import type { BuyingJob, InteractionKind } from '@shared/domain';
import type { Person } from '../org';
import type { Rng } from '../prng';

const JOB_TOPIC: Record<BuyingJob, readonly string[]> = {
  problem_identification: ['walked through current pain points', 'sized the problem', 'agreed the cost of doing nothing'],
  solution_exploration: ['compared approaches', 'showed the product overview', 'discussed options beyond software'],
  requirements_building: ['went through the requirements list', 'reviewed integration needs', 'scoped the pilot'],
  supplier_selection: ['positioned against the shortlist', 'answered the RFP questions', 'shared pricing options'],
  validation: ['reviewed pilot results', 'set up a reference call', 'answered security questions'],
  consensus_creation: ['prepared the internal business case', 'aligned stakeholders on next steps', 'walked through the rollout plan'],
};

const LEADS: Record<InteractionKind, readonly string[]> = {
  meeting: ['Meeting with {who}: {topic}.', 'Workshop with {who}; {topic}.'],
  call: ['Call with {who}: {topic}.', 'Quick call, {who}; {topic}.'],
  email: ['Email thread with {who}: {topic}.', 'Followed up by email with {who}.'],
  event: ['Met {who} at an industry event; {topic}.'],
  content: ['{who} downloaded a guide on {need}.'],
  web_visit: ['{who} visited pricing and case-study pages.', '{who} browsed the integrations page.'],
  support_case: ['{who} opened a support case about the current tool.'],
};

export function noteFor(rng: Rng, kind: InteractionKind, job: BuyingJob, person: Person): string {
  const lead = rng.pick(LEADS[kind]);
  const need = rng.pick(person.doc.needs.length ? person.doc.needs : ['the product']).toLowerCase();
  const text = lead.replace('{who}', person.doc.name).replace('{topic}', rng.pick(JOB_TOPIC[job])).replace('{need}', need);
  if ((kind === 'meeting' || kind === 'call') && person.doc.pains.length && rng.chance(0.4)) {
    return `${text} Raised: ${rng.pick(person.doc.pains).toLowerCase()}.`;
  }
  return text;
}
