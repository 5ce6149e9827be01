// Pure (shared): job titles with the buying role they usually play, and what people in each
// role need and suffer from, so a CFO reads as an economic buyer and an IT director evaluates.
import type { BuyingRole } from '@shared/domain';

export interface Position {
  title: string;
  department: string;
  /** 0 = chief executive, 1 = C-level, 2 = VP/director, 3 = manager, 4 = individual contributor. */
  level: 0 | 1 | 2 | 3 | 4;
  role: BuyingRole;
}

const p = (title: string, department: string, level: Position['level'], role: BuyingRole): Position => ({ title, department, level, role });

/** Every account has these, in this order, so even a 6-person account covers the core roles. */
export const CORE_POSITIONS: readonly Position[] = [
  p('Chief Executive Officer', 'Executive', 0, 'decision_maker'),
  p('Chief Financial Officer', 'Finance', 1, 'economic_buyer'),
  p('Chief Information Officer', 'IT', 1, 'decision_maker'),
  p('IT Director', 'IT', 2, 'technical_evaluator'),
  p('Procurement Manager', 'Procurement', 3, 'procurement'),
  p('Operations Manager', 'Operations', 3, 'user'),
];

/** Further positions, drawn by weight to fill larger accounts (repeats allowed below level 2). */
export const EXTRA_POSITIONS: readonly { pos: Position; weight: number }[] = [
  { pos: p('Chief Operating Officer', 'Operations', 1, 'decision_maker'), weight: 3 },
  { pos: p('Chief Revenue Officer', 'Sales', 1, 'decision_maker'), weight: 2 },
  { pos: p('Chief Marketing Officer', 'Marketing', 1, 'influencer'), weight: 1.5 },
  { pos: p('General Counsel', 'Legal', 1, 'legal'), weight: 2 },
  { pos: p('VP Finance', 'Finance', 2, 'economic_buyer'), weight: 2 },
  { pos: p('Head of Information Security', 'IT', 2, 'technical_evaluator'), weight: 2.5 },
  { pos: p('VP Operations', 'Operations', 2, 'decision_maker'), weight: 2.5 },
  { pos: p('VP Sales', 'Sales', 2, 'influencer'), weight: 2 },
  { pos: p('Head of Procurement', 'Procurement', 2, 'procurement'), weight: 1.5 },
  { pos: p('Director of Customer Service', 'Customer Service', 2, 'influencer'), weight: 1.5 },
  { pos: p('Legal Counsel', 'Legal', 3, 'legal'), weight: 2 },
  { pos: p('Enterprise Architect', 'IT', 3, 'technical_evaluator'), weight: 3 },
  { pos: p('IT Manager', 'IT', 3, 'technical_evaluator'), weight: 3 },
  { pos: p('Sales Operations Manager', 'Sales', 3, 'user'), weight: 3 },
  { pos: p('Marketing Manager', 'Marketing', 3, 'influencer'), weight: 2 },
  { pos: p('Financial Controller', 'Finance', 3, 'influencer'), weight: 2 },
  { pos: p('HR Business Partner', 'HR', 3, 'influencer'), weight: 1 },
  { pos: p('Customer Support Manager', 'Customer Service', 3, 'user'), weight: 2 },
  { pos: p('Business Analyst', 'Operations', 4, 'user'), weight: 4 },
  { pos: p('Solutions Architect', 'IT', 4, 'technical_evaluator'), weight: 3 },
  { pos: p('Systems Administrator', 'IT', 4, 'user'), weight: 2.5 },
  { pos: p('Sales Operations Analyst', 'Sales', 4, 'user'), weight: 3 },
  { pos: p('Buyer', 'Procurement', 4, 'procurement'), weight: 1.5 },
  { pos: p('Financial Analyst', 'Finance', 4, 'user'), weight: 2 },
  { pos: p('Team Lead', 'Operations', 4, 'user'), weight: 4 },
  { pos: p('Executive Assistant', 'Executive', 4, 'gatekeeper'), weight: 2 },
  { pos: p('Support Specialist', 'Customer Service', 4, 'user'), weight: 2 },
];

/** Which C-level a department rolls up to when it has no more senior person of its own. */
export const DEPARTMENT_HEAD: Record<string, string> = {
  Finance: 'Finance',
  Procurement: 'Finance',
  IT: 'IT',
  Operations: 'Operations',
  'Customer Service': 'Operations',
  Sales: 'Sales',
  Marketing: 'Sales',
  Legal: 'Executive',
  HR: 'Executive',
  Executive: 'Executive',
};

export const NEEDS: Record<BuyingRole, readonly string[]> = {
  decision_maker: [
    'Clear ROI within 12 months',
    'One view of the business across regions',
    'Low-risk rollout plan',
    'Executive sponsor on the vendor side',
    'Alignment with the three-year strategy',
    'Measurable adoption targets',
  ],
  economic_buyer: [
    'Predictable total cost of ownership',
    'Payback inside the fiscal year',
    'Phased payment terms',
    'Budget consolidation of legacy tools',
    'Benchmarks from peer companies',
  ],
  champion: ['Internal success story to present', 'Quick win for the team', 'Support preparing the business case'],
  blocker: ['Keep the current tool stack', 'No extra workload for the team'],
  influencer: ['Better reporting for the department', 'Fewer handoffs between teams', 'Proof from similar customers'],
  technical_evaluator: [
    'SSO and SCIM provisioning',
    'Open, documented API',
    'Data residency in region',
    'SOC 2 Type II report',
    'Integration with the existing ERP',
    'Sandbox for a proof of concept',
  ],
  user: [
    'Fewer manual spreadsheets',
    'Mobile access in the field',
    'Faster approvals',
    'Simple onboarding',
    'Offline mode for site visits',
  ],
  procurement: ['Three competitive quotes', 'Standard contract terms', 'Vendor security questionnaire answered', 'Volume discount tiers'],
  legal: ['DPA with standard contractual clauses', 'Liability cap aligned with policy', 'Clear exit and data-return terms'],
  gatekeeper: ['Short, well-prepared meetings', 'Agenda sent a day ahead'],
};

export const PAINS: Record<BuyingRole, readonly string[]> = {
  decision_maker: [
    'Missed growth targets last two quarters',
    'Board pressure on margins',
    'Slow decisions across silos',
    'Competitors moving faster',
  ],
  economic_buyer: [
    'Overlapping licences across departments',
    'Cost overruns on the last IT project',
    'Forecasts that miss by 20%',
    'Audit findings on spend control',
  ],
  champion: ['Team stuck on manual work', 'Previous initiative stalled without sponsorship'],
  blocker: ['Burned by a failed rollout', 'Fears loss of control over the process'],
  influencer: ['Data scattered across tools', 'Reports take days to assemble', 'Hand-offs lose context'],
  technical_evaluator: [
    'Integration backlog of six months',
    'Shadow IT spreading',
    'Security review queue',
    'Legacy system near end of support',
  ],
  user: ['Duplicate data entry', 'Hard to find the latest version', 'Approvals stuck in email', 'Clunky legacy UI'],
  procurement: ['Too many small vendors', 'Contracts renewing unnoticed', 'Non-standard payment terms'],
  legal: ['Unclear data-processing terms', 'Slow contract review cycles'],
  gatekeeper: ['Calendar overloaded with vendor requests'],
};
