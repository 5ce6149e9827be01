// Pure (shared): an account row (and a CRM user row, the team member it stands for).
import { RowFailure, type KindBuilder } from './core';
import { parseNumber } from '../values';

function segmentOf(employees: number): 'enterprise' | 'mid_market' | 'smb' {
  return employees >= 1000 ? 'enterprise' : employees >= 100 ? 'mid_market' : 'smb';
}

export const accounts: KindBuilder = {
  naturalKey: (raw) => [raw.name],
  plan(ctx, { plan, raw, id, source }) {
    if (!raw.name) throw new RowFailure('DS_IMPORT_MISSING', 'The account has no name.');
    const employees = raw.employees !== undefined ? parseNumber(raw.employees) : null;
    if (raw.employees !== undefined && (employees === null || employees < 0))
      throw new RowFailure('DS_IMPORT_BAD_NUMBER', `"${raw.employees}" is not a number of employees.`);
    const fields: Record<string, unknown> = {
      name: raw.name,
      industry: raw.industry ?? '',
      region: [raw.state ?? raw.city, raw.country].filter(Boolean).join(', '),
      ...(employees !== null ? { employees: Math.round(employees), segment: segmentOf(employees) } : {}),
      ...(raw.website ? { website: raw.website } : {}),
      ...(raw.owner ? { ownerId: ctx.owner(raw.owner, plan.crm) } : {}),
    };
    return { fields, defaults: { segment: 'smb' }, link: { id, name: raw.name, website: raw.website, source } };
  },
};

export const users: KindBuilder = {
  naturalKey: (raw, name) => [raw.email ?? name],
  plan(_ctx, { raw, name, id, source }) {
    const email = raw.email ?? '';
    const fields = { name: name ?? email, email };
    return { fields, defaults: { role: 'seller', timezone: 'UTC' }, link: { id, name: fields.name, email, source } };
  },
};
