// Pure (shared): a contact or lead row → a stakeholder of the account it names (a lead's
// company is found by name or by its website's or e-mail's domain).
import { RowFailure, type KindBuilder } from './core';

export const people: KindBuilder = {
  naturalKey: (raw, name) => [raw.email ?? (name ? `${name}|${raw.accountName ?? raw.accountRef ?? ''}` : undefined)],
  plan(ctx, { plan, raw, name, id, source }) {
    if (!name) throw new RowFailure('DS_IMPORT_MISSING', 'The person has no name.');
    const accountId = ctx.account(raw, plan.crm, plan.kind === 'leads' ? (raw.website ?? raw.email) : raw.email);
    const fields: Record<string, unknown> = {
      accountId,
      name,
      title: raw.title ?? '',
      department: raw.department ?? '',
      ...(raw.email ? { email: raw.email } : {}),
      ...((raw.phone ?? raw.mobile) ? { phone: raw.phone ?? raw.mobile } : {}),
    };
    const defaults = { buyingRoles: [], stance: 'unknown', influence: 3, needs: [], pains: [] };
    return { fields, defaults, link: { id, name, email: raw.email, accountId, source } };
  },
};
