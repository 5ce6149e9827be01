// Renderer (pure): the stakeholder form's values, their mapping to StakeholderInput, and
// validation with the same zod schema the host uses, with errors worded per field.
import { StakeholderInput } from '@shared/api';
import type { BuyingRole, Stakeholder, Stance } from '@shared/domain';

/** What the form holds: text as typed, lists one item per line. */
export interface StakeholderFormValues {
  name: string;
  title: string;
  department: string;
  email: string;
  buyingRoles: BuyingRole[];
  stance: Stance;
  influence: string;
  needs: string;
  pains: string;
  timezone: string;
}
export type FieldName = keyof StakeholderFormValues;
export type FieldErrors = Partial<Record<FieldName, string>>;

/**
 * What the form does not show. An edit sends `existing` as its base, so the host saves only what
 * the user changed (merged with whatever another device changed meanwhile); a create sends the
 * id the form made when it opened, so saving twice (a retry) never makes two people.
 */
export interface StakeholderBase {
  accountId: string;
  existing?: Stakeholder | undefined;
  newId?: string | undefined;
}

export function emptyValues(): StakeholderFormValues {
  return {
    name: '',
    title: '',
    department: '',
    email: '',
    buyingRoles: [],
    stance: 'unknown',
    influence: '3',
    needs: '',
    pains: '',
    timezone: '',
  };
}

export function valuesFrom(s: Stakeholder): StakeholderFormValues {
  return {
    name: s.name,
    title: s.title,
    department: s.department,
    email: s.email ?? '',
    buyingRoles: [...s.buyingRoles],
    stance: s.stance,
    influence: String(s.influence),
    needs: s.needs.join('\n'),
    pains: s.pains.join('\n'),
    timezone: s.timezone ?? '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

export function toCandidate(values: StakeholderFormValues, base: StakeholderBase): Record<string, unknown> {
  const { updatedAt: _updatedAt, keptConflicts: _kept, ...carried } = base.existing ?? ({} as Partial<Stakeholder>);
  return {
    ...carried,
    ...(base.existing ? { base: carried } : base.newId ? { id: base.newId } : {}),
    accountId: base.accountId,
    name: values.name.trim(),
    title: values.title.trim(),
    department: values.department.trim(),
    email: optional(values.email),
    buyingRoles: values.buyingRoles,
    stance: values.stance,
    influence: values.influence.trim() === '' ? Number.NaN : Number(values.influence),
    needs: lines(values.needs),
    pains: lines(values.pains),
    timezone: optional(values.timezone),
  };
}

const FIELDS = new Set<string>([
  'name',
  'title',
  'department',
  'email',
  'buyingRoles',
  'stance',
  'influence',
  'needs',
  'pains',
  'timezone',
]);

interface IssueLike {
  code?: string;
  path: readonly (string | number | symbol)[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function words(issue: IssueLike): string {
  const [field, line] = issue.path;
  const prefix = typeof line === 'number' ? `Line ${line + 1}: ` : '';
  switch (issue.code) {
    case 'too_small':
      return field === 'name' ? 'Enter a name.' : field === 'influence' ? 'Choose 1 to 5.' : `${prefix}This is too short.`;
    case 'too_big':
      return field === 'influence' ? 'Choose 1 to 5.' : `${prefix}Keep this under ${String(issue.maximum)} characters.`;
    case 'invalid_type':
      return field === 'influence' ? 'Choose 1 to 5.' : `${prefix}This is required.`;
    case 'invalid_value':
      return 'Choose one of the options.';
    default:
      return prefix + issue.message;
  }
}

/** Field errors from zod issues, or from the host's DS_API_INVALID_INPUT details ({path, message}[]). */
export function fieldErrors(issues: readonly IssueLike[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (FIELDS.has(field)) fields[field as FieldName] ??= words(issue);
    else other.push(issue.message);
  }
  return { fields, other };
}

export type Validation = { ok: true; input: StakeholderInput } | { ok: false; errors: FieldErrors; other: string[] };

export function validate(values: StakeholderFormValues, base: StakeholderBase): Validation {
  const parsed = StakeholderInput.safeParse(toCandidate(values, base));
  if (parsed.success) return { ok: true, input: parsed.data };
  const { fields, other } = fieldErrors(parsed.error.issues);
  return { ok: false, errors: fields, other };
}
