// Pure (shared): the document a planned row becomes, and its one validation. A created record is
// the plan's defaults and fields with the import's source; a re-imported one is the merge of ours
// with the CRM's (reconcile.ts). Either is checked once, with the domain's own schema, just
// before it is written — the check every other write goes through.
import type { ZodError } from 'zod';
import { Account, Interaction, Opportunity, Stakeholder, TeamMember } from '../../domain';
import { canonicalJson } from '../../sync';
import type { Collection, Planned } from './core';

const SCHEMA = {
  teammembers: TeamMember,
  accounts: Account,
  stakeholders: Stakeholder,
  opportunities: Opportunity,
  interactions: Interaction,
} as const;

/** A record the import creates: the base of a later re-import is the CRM's fields of this one. */
export function createdDoc(planned: Planned, now: number): Record<string, unknown> {
  return {
    ...planned.defaults,
    ...planned.fields,
    id: planned.id,
    updatedAt: now,
    source: { ...planned.source, importedAt: now, fields: canonicalJson(planned.fields) },
  };
}

function zodWords(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
    .join('; ');
}

export type Checked = { ok: true; doc: Record<string, unknown> } | { ok: false; message: string };

/** The document as the schema reads it, or why the row does not make a valid record. */
export function checkDoc(collection: Collection, doc: Record<string, unknown>): Checked {
  const parsed = SCHEMA[collection].safeParse(doc);
  if (parsed.success) return { ok: true, doc: parsed.data as Record<string, unknown> };
  return { ok: false, message: `The row does not make a valid record: ${zodWords(parsed.error)}.` };
}
