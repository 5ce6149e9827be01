// Pure (shared): which CRM wrote a file and what each of its columns means. A preset per CRM
// maps header keys (headerKey: case and punctuation ignored) to our fields per object kind;
// the CRM and the kind are recognised from the headers (and the file's name as a hint), and the
// resulting column mapping is what the wizard lets people edit column by column.
import { collectionOfHeader } from './deepsales';
import { headerKey } from './values';

export const CRMS = ['salesforce', 'dynamics', 'hubspot', 'zoho', 'deepsales', 'generic'] as const;
export type Crm = (typeof CRMS)[number];
export const CRM_LABEL: Record<Crm, string> = {
  salesforce: 'Salesforce',
  dynamics: 'Dynamics 365',
  hubspot: 'HubSpot',
  zoho: 'Zoho CRM',
  deepsales: 'Deep Sales export',
  generic: 'Other CRM',
};

/** What a CRM file holds. Leads become people like contacts; users become team members. */
export const IMPORT_KINDS = ['users', 'accounts', 'contacts', 'leads', 'opportunities', 'activities'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const KIND_LABEL: Record<ImportKind, string> = {
  users: 'Users (team members)',
  accounts: 'Accounts',
  contacts: 'Contacts',
  leads: 'Leads',
  opportunities: 'Opportunities',
  activities: 'Activities',
};

/** Fields a column can feed, per kind. `externalId` is the CRM's own id of the record. */
export const TARGETS = {
  users: ['externalId', 'name', 'firstName', 'lastName', 'email', 'title'],
  accounts: ['externalId', 'name', 'industry', 'city', 'state', 'country', 'employees', 'website', 'owner'],
  contacts: [
    'externalId',
    'accountRef',
    'accountName',
    'name',
    'firstName',
    'lastName',
    'title',
    'department',
    'email',
    'phone',
    'mobile',
    'owner',
  ],
  leads: [
    'externalId',
    'accountName',
    'name',
    'firstName',
    'lastName',
    'title',
    'department',
    'email',
    'phone',
    'mobile',
    'website',
    'owner',
  ],
  opportunities: [
    'externalId',
    'name',
    'accountRef',
    'accountName',
    'amount',
    'currency',
    'stage',
    'status',
    'won',
    'closed',
    'closeDate',
    'createdAt',
    'stageChangedAt',
    'owner',
  ],
  activities: [
    'externalId',
    'subject',
    'type',
    'accountRef',
    'accountName',
    'contactRef',
    'contactName',
    'contactEmail',
    'opportunityRef',
    'opportunityName',
    'whatRef',
    'whoRef',
    'regarding',
    'at',
    'createdAt',
    'duration',
    'description',
    'direction',
    'owner',
  ],
} as const satisfies Record<ImportKind, readonly string[]>;
export type TargetOf<K extends ImportKind> = (typeof TARGETS)[K][number];
export type AnyTarget = TargetOf<ImportKind>;

export const TARGET_LABEL: Record<AnyTarget, string> = {
  externalId: 'CRM id',
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  title: 'Job title',
  industry: 'Industry',
  city: 'City',
  state: 'State / region',
  country: 'Country',
  employees: 'Employees',
  website: 'Website',
  owner: 'Owner',
  accountRef: 'Account (CRM id)',
  accountName: 'Account (name)',
  department: 'Department',
  phone: 'Phone',
  mobile: 'Mobile phone',
  amount: 'Amount',
  currency: 'Currency',
  stage: 'Stage',
  status: 'Status (open/won/lost)',
  won: 'Won (yes/no)',
  closed: 'Closed (yes/no)',
  closeDate: 'Close date',
  createdAt: 'Created',
  stageChangedAt: 'Stage changed',
  subject: 'Subject',
  type: 'Activity type',
  contactRef: 'Contact (CRM id)',
  contactName: 'Contact (name)',
  contactEmail: 'Contact (e-mail)',
  opportunityRef: 'Opportunity (CRM id)',
  opportunityName: 'Opportunity (name)',
  whatRef: 'Related record (CRM id)',
  whoRef: 'Person (CRM id)',
  regarding: 'Regarding (account or deal name)',
  at: 'Date',
  duration: 'Duration',
  description: 'Notes',
  direction: 'Direction (in/out)',
};

type Dict = Partial<Record<ImportKind, Record<string, string>>>;

/** Header → target, written as the CRMs spell them; keys are normalised with headerKey on use. */
const SALESFORCE: Dict = {
  users: { Id: 'externalId', Name: 'name', FirstName: 'firstName', LastName: 'lastName', Email: 'email', Title: 'title' },
  accounts: {
    Id: 'externalId',
    Name: 'name',
    'Account Name': 'name',
    Industry: 'industry',
    BillingCity: 'city',
    BillingState: 'state',
    BillingCountry: 'country',
    'Billing City': 'city',
    'Billing State/Province': 'state',
    'Billing Country': 'country',
    NumberOfEmployees: 'employees',
    Employees: 'employees',
    Website: 'website',
    OwnerId: 'owner',
    'Account Owner': 'owner',
    'Account ID': 'externalId',
  },
  contacts: {
    Id: 'externalId',
    'Contact ID': 'externalId',
    AccountId: 'accountRef',
    'Account ID': 'accountRef',
    'Account Name': 'accountName',
    Name: 'name',
    FirstName: 'firstName',
    LastName: 'lastName',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    Title: 'title',
    Department: 'department',
    Email: 'email',
    Phone: 'phone',
    MobilePhone: 'mobile',
    OwnerId: 'owner',
    'Contact Owner': 'owner',
  },
  leads: {
    Id: 'externalId',
    'Lead ID': 'externalId',
    Company: 'accountName',
    Name: 'name',
    FirstName: 'firstName',
    LastName: 'lastName',
    Title: 'title',
    Email: 'email',
    Phone: 'phone',
    MobilePhone: 'mobile',
    Website: 'website',
    OwnerId: 'owner',
    'Lead Owner': 'owner',
  },
  opportunities: {
    Id: 'externalId',
    'Opportunity ID': 'externalId',
    AccountId: 'accountRef',
    'Account ID': 'accountRef',
    'Account Name': 'accountName',
    Name: 'name',
    'Opportunity Name': 'name',
    Amount: 'amount',
    CurrencyIsoCode: 'currency',
    'Opportunity Currency': 'currency',
    StageName: 'stage',
    Stage: 'stage',
    IsWon: 'won',
    Won: 'won',
    IsClosed: 'closed',
    Closed: 'closed',
    CloseDate: 'closeDate',
    'Close Date': 'closeDate',
    CreatedDate: 'createdAt',
    'Created Date': 'createdAt',
    LastStageChangeDate: 'stageChangedAt',
    OwnerId: 'owner',
    'Opportunity Owner': 'owner',
  },
  activities: {
    Id: 'externalId',
    'Activity ID': 'externalId',
    Subject: 'subject',
    Type: 'type',
    TaskSubtype: 'type',
    EventSubtype: 'type',
    WhoId: 'whoRef',
    WhatId: 'whatRef',
    AccountId: 'accountRef',
    ActivityDateTime: 'at',
    StartDateTime: 'at',
    ActivityDate: 'at',
    Date: 'at',
    CreatedDate: 'createdAt',
    DurationInMinutes: 'duration',
    Description: 'description',
    OwnerId: 'owner',
    'Assigned To': 'owner',
    CallType: 'direction',
    'Company / Account': 'accountName',
    Contact: 'contactName',
    'Opportunity Name': 'opportunityName',
  },
};

const DYNAMICS: Dict = {
  users: {
    '(Do Not Modify) User': 'externalId',
    'Full Name': 'name',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Primary Email': 'email',
    Title: 'title',
  },
  accounts: {
    '(Do Not Modify) Account': 'externalId',
    'Account Name': 'name',
    Industry: 'industry',
    'Address 1: City': 'city',
    'Address 1: State/Province': 'state',
    'Address 1: Country/Region': 'country',
    'Address 1: Country': 'country',
    'Number of Employees': 'employees',
    Website: 'website',
    Owner: 'owner',
  },
  contacts: {
    '(Do Not Modify) Contact': 'externalId',
    'Full Name': 'name',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Job Title': 'title',
    Department: 'department',
    Email: 'email',
    'Business Phone': 'phone',
    'Mobile Phone': 'mobile',
    'Company Name': 'accountName',
    'Account Name': 'accountName',
    Owner: 'owner',
  },
  leads: {
    '(Do Not Modify) Lead': 'externalId',
    Name: 'name',
    'Full Name': 'name',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Job Title': 'title',
    Email: 'email',
    'Business Phone': 'phone',
    'Mobile Phone': 'mobile',
    'Company Name': 'accountName',
    Website: 'website',
    Owner: 'owner',
  },
  opportunities: {
    '(Do Not Modify) Opportunity': 'externalId',
    Topic: 'name',
    Name: 'name',
    'Potential Customer': 'accountName',
    Account: 'accountName',
    'Est. revenue': 'amount',
    'Est. Revenue': 'amount',
    Currency: 'currency',
    'Est. close date': 'closeDate',
    'Actual Close Date': 'closeDate',
    Status: 'status',
    'Status Reason': 'status',
    'Sales Stage': 'stage',
    'Pipeline Phase': 'stage',
    'Created On': 'createdAt',
    Owner: 'owner',
  },
  activities: {
    '(Do Not Modify) Activity': 'externalId',
    '(Do Not Modify) Phone Call': 'externalId',
    '(Do Not Modify) Appointment': 'externalId',
    '(Do Not Modify) Email': 'externalId',
    '(Do Not Modify) Task': 'externalId',
    Subject: 'subject',
    'Activity Type': 'type',
    Regarding: 'regarding',
    'Actual Start': 'at',
    'Start Time': 'at',
    'Scheduled Start': 'at',
    'Due Date': 'at',
    'Date Sent': 'at',
    'Created On': 'createdAt',
    Duration: 'duration',
    'Actual Duration': 'duration',
    Description: 'description',
    Direction: 'direction',
    Owner: 'owner',
    'Owner (Owning User)': 'owner',
  },
};

const HUBSPOT: Dict = {
  users: { 'User ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email' },
  accounts: {
    'Record ID': 'externalId',
    'Company ID': 'externalId',
    'Company name': 'name',
    Name: 'name',
    Industry: 'industry',
    City: 'city',
    'State/Region': 'state',
    'Country/Region': 'country',
    'Number of Employees': 'employees',
    'Website URL': 'website',
    'Company Domain Name': 'website',
    'Company owner': 'owner',
  },
  contacts: {
    'Record ID': 'externalId',
    'Contact ID': 'externalId',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    Email: 'email',
    'Phone Number': 'phone',
    'Mobile Phone Number': 'mobile',
    'Job Title': 'title',
    'Associated Company': 'accountName',
    'Company Name': 'accountName',
    'Associated Company IDs': 'accountRef',
    'Associated Company IDs (Primary)': 'accountRef',
    'Primary Associated Company ID': 'accountRef',
    'Contact owner': 'owner',
  },
  opportunities: {
    'Record ID': 'externalId',
    'Deal ID': 'externalId',
    'Deal Name': 'name',
    Amount: 'amount',
    'Deal Stage': 'stage',
    'Close Date': 'closeDate',
    'Create Date': 'createdAt',
    'Deal owner': 'owner',
    'Associated Company': 'accountName',
    'Associated Company IDs': 'accountRef',
    'Associated Company IDs (Primary)': 'accountRef',
    Currency: 'currency',
    'Deal currency code': 'currency',
    'Is Closed Won': 'won',
    'Is closed': 'closed',
    'Date entered current stage': 'stageChangedAt',
  },
  activities: {
    'Record ID': 'externalId',
    'Activity ID': 'externalId',
    'Activity type': 'type',
    'Engagement type': 'type',
    'Activity date': 'at',
    'Create date': 'createdAt',
    'Call title': 'subject',
    'Meeting name': 'subject',
    'Task Title': 'subject',
    'Email subject': 'subject',
    Subject: 'subject',
    'Call notes': 'description',
    'Meeting description': 'description',
    'Email body': 'description',
    Body: 'description',
    Notes: 'description',
    'Associated Company IDs': 'accountRef',
    'Associated Contact IDs': 'contactRef',
    'Associated Deal IDs': 'opportunityRef',
    'Associated Company': 'accountName',
    'Associated Contact': 'contactName',
    'Associated Deal': 'opportunityName',
    'Activity assigned to': 'owner',
    'Assigned to': 'owner',
    'HubSpot owner': 'owner',
    'Call duration (HH:mm:ss)': 'duration',
    'Call duration': 'duration',
    'Call direction': 'direction',
  },
};

const ZOHO: Dict = {
  users: { 'User ID': 'externalId', 'Full Name': 'name', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email' },
  accounts: {
    ACCOUNTID: 'externalId',
    'Record Id': 'externalId',
    'Account Name': 'name',
    Industry: 'industry',
    'Billing City': 'city',
    'Billing State': 'state',
    'Billing Country': 'country',
    Employees: 'employees',
    Website: 'website',
    'Account Owner': 'owner',
  },
  contacts: {
    CONTACTID: 'externalId',
    'Record Id': 'externalId',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Full Name': 'name',
    Title: 'title',
    Department: 'department',
    Email: 'email',
    Phone: 'phone',
    Mobile: 'mobile',
    'Account Name': 'accountName',
    ACCOUNTID: 'accountRef',
    'Contact Owner': 'owner',
  },
  leads: {
    LEADID: 'externalId',
    'Record Id': 'externalId',
    Company: 'accountName',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Full Name': 'name',
    Designation: 'title',
    Email: 'email',
    Phone: 'phone',
    Mobile: 'mobile',
    Website: 'website',
    'Lead Owner': 'owner',
  },
  opportunities: {
    POTENTIALID: 'externalId',
    DEALID: 'externalId',
    'Record Id': 'externalId',
    'Potential Name': 'name',
    'Deal Name': 'name',
    'Account Name': 'accountName',
    ACCOUNTID: 'accountRef',
    Amount: 'amount',
    Currency: 'currency',
    Stage: 'stage',
    'Closing Date': 'closeDate',
    'Created Time': 'createdAt',
    'Potential Owner': 'owner',
    'Deal Owner': 'owner',
  },
  activities: {
    ACTIVITYID: 'externalId',
    TASKID: 'externalId',
    EVENTID: 'externalId',
    CALLID: 'externalId',
    'Record Id': 'externalId',
    Subject: 'subject',
    'Event Title': 'subject',
    'Activity Type': 'type',
    'Call Type': 'direction',
    'Start DateTime': 'at',
    'Call Start Time': 'at',
    'Due Date': 'at',
    'Created Time': 'createdAt',
    'Related To': 'regarding',
    SEID: 'whatRef',
    'Contact Name': 'contactName',
    CONTACTID: 'contactRef',
    'Activity Owner': 'owner',
    'Task Owner': 'owner',
    'Call Owner': 'owner',
    Host: 'owner',
    'Call Duration (in minutes)': 'duration',
    Description: 'description',
  },
};

const PRESETS: Record<Exclude<Crm, 'deepsales' | 'generic'>, Dict> = {
  salesforce: SALESFORCE,
  dynamics: DYNAMICS,
  hubspot: HUBSPOT,
  zoho: ZOHO,
};

function keyed(dict: Dict): Partial<Record<ImportKind, Map<string, AnyTarget>>> {
  const out: Partial<Record<ImportKind, Map<string, AnyTarget>>> = {};
  for (const [kind, map] of Object.entries(dict) as [ImportKind, Record<string, string>][]) {
    out[kind] = new Map(Object.entries(map).map(([h, t]) => [headerKey(h), t as AnyTarget]));
  }
  return out;
}
const KEYED = Object.fromEntries(Object.entries(PRESETS).map(([crm, d]) => [crm, keyed(d)])) as Record<
  Exclude<Crm, 'deepsales' | 'generic'>,
  Partial<Record<ImportKind, Map<string, AnyTarget>>>
>;

/** Generic: every CRM's words for a kind, first spelling wins. */
const GENERIC: Partial<Record<ImportKind, Map<string, AnyTarget>>> = {};
for (const kind of IMPORT_KINDS) {
  const merged = new Map<string, AnyTarget>();
  for (const crm of ['salesforce', 'hubspot', 'zoho', 'dynamics'] as const) {
    for (const [k, t] of KEYED[crm][kind] ?? []) if (!merged.has(k)) merged.set(k, t);
  }
  GENERIC[kind] = merged;
}

export function presetFor(crm: Crm, kind: ImportKind): Map<string, AnyTarget> {
  if (crm === 'deepsales' || crm === 'generic') return GENERIC[kind] ?? new Map();
  return KEYED[crm][kind] ?? new Map();
}

/** Signals only one CRM writes. */
function crmScore(crm: Exclude<Crm, 'deepsales' | 'generic'>, headers: string[]): number {
  const keys = headers.map(headerKey);
  let score = 0;
  for (const dict of Object.values(KEYED[crm])) for (const k of keys) if (dict.has(k)) score += 1;
  const raw = headers.map((h) => h.trim());
  switch (crm) {
    case 'salesforce':
      score +=
        raw.filter((h) =>
          /^(Id|AccountId|OwnerId|StageName|WhoId|WhatId|IsDeleted|CreatedById|IsWon|IsClosed|CloseDate|ActivityDate)$/.test(h),
        ).length * 3;
      break;
    case 'dynamics':
      score += raw.filter((h) => /^\(Do Not Modify\)/i.test(h) || /^Address \d: /.test(h) || /^Est\. /.test(h)).length * 3;
      break;
    case 'hubspot':
      score +=
        raw.filter((h) =>
          /^(Record ID|Associated .+ IDs?( \(Primary\))?|Deal Stage|Contact owner|Company owner|Deal owner|Activity date|Create Date|Pipeline)$/i.test(
            h,
          ),
        ).length * 3;
      break;
    case 'zoho':
      score +=
        raw.filter(
          (h) =>
            /^[A-Z]+ID$/.test(h) ||
            /^(Potential|Deal|Contact|Account|Lead|Task|Call|Activity) Owner$/.test(h) ||
            /^(Created|Modified) Time$/.test(h),
        ).length * 3;
      break;
  }
  return score;
}

/** Our own export (export.csv) writes one collection's schema field names, `id` and `updatedAt` among them. */
export function isDeepSalesExport(headers: string[]): boolean {
  return collectionOfHeader(headers) !== null;
}

export function detectCrm(headers: string[]): Crm {
  if (isDeepSalesExport(headers)) return 'deepsales';
  let best: Crm = 'generic';
  let bestScore = 2;
  for (const crm of ['salesforce', 'dynamics', 'hubspot', 'zoho'] as const) {
    const s = crmScore(crm, headers);
    if (s > bestScore) {
      best = crm;
      bestScore = s;
    }
  }
  return best;
}

const NAME_HINTS: [RegExp, ImportKind][] = [
  [/user|owner|member|team/i, 'users'],
  [/lead/i, 'leads'],
  [/contact|people|person/i, 'contacts'],
  [/opportunit|deal|potential/i, 'opportunities'],
  [/task|event|call|meeting|appointment|email|activit|engagement|phonecall|note/i, 'activities'],
  [/account|compan|organi[sz]ation/i, 'accounts'],
];

/** Targets whose presence says "this file is that kind". */
const SIGNATURE: Record<ImportKind, AnyTarget[]> = {
  users: [],
  accounts: ['industry', 'employees', 'city', 'state', 'country'],
  contacts: ['firstName', 'lastName', 'email', 'accountRef'],
  leads: [],
  opportunities: ['stage', 'closeDate', 'amount', 'won'],
  activities: ['subject', 'whoRef', 'whatRef', 'regarding', 'at', 'type', 'contactRef'],
};

/** The kind a file holds: its headers' fit to each kind's preset, the file name breaking ties. */
export function detectKind(headers: string[], crm: Crm, fileName = ''): ImportKind {
  const hinted = NAME_HINTS.find(([re]) => re.test(fileName.replace(/\.[^.]+$/, '')))?.[1];
  let best: ImportKind = hinted ?? 'accounts';
  let bestScore = -1;
  const keys = headers.map(headerKey);
  for (const kind of IMPORT_KINDS) {
    const preset = presetFor(crm, kind);
    const hits = new Set(keys.map((k) => preset.get(k)).filter((t): t is AnyTarget => t !== undefined));
    let score = hits.size + SIGNATURE[kind].filter((t) => hits.has(t)).length * 2;
    if (kind === hinted) score += 4;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

/** Column index → target (or null: ignored). The first column feeding a target wins. */
export type ColumnMapping = (AnyTarget | null)[];

export function autoMapping(headers: string[], crm: Crm, kind: ImportKind): ColumnMapping {
  const preset = presetFor(crm, kind);
  const used = new Set<AnyTarget>();
  // Two passes so an exact CRM spelling beats a generic one for the same target.
  return headers.map((h) => {
    const t = preset.get(headerKey(h)) ?? null;
    if (!t || used.has(t)) return null;
    used.add(t);
    return t;
  });
}
