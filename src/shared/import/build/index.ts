// Pure (shared): one CSV row → the plan of the document we store, through the file's column
// mapping, the value parsers, the link index and the stage and owner mappings. The rules of each
// kind of record live in its own file (accounts.ts, contacts.ts, opportunities.ts,
// activities.ts); what they share — lookups, dates, owners, failures — in core.ts; the document
// a plan becomes and its validation in document.ts.
import { importedId } from '../ids';
import type { ImportKind } from '../presets';
import { accounts, users } from './accounts';
import { activities } from './activities';
import { people } from './contacts';
import {
  COLLECTION_OF,
  OBJECT,
  PREFIX,
  RowContext,
  RowFailure,
  fieldsOf,
  personName,
  type Built,
  type FilePlan,
  type KindBuilder,
  type Raw,
  type RowIssue,
} from './core';
import { opportunities } from './opportunities';

export { COLLECTION_OF, LINK_OF, fieldsOf } from './core';
export type { Built, Collection, FilePlan, ImportSettings, NewMember, Planned, RowIssue } from './core';
export { checkDoc, createdDoc } from './document';
export { activityKind } from './activities';
export { currencyCode } from './opportunities';

const BUILDERS: Record<ImportKind, KindBuilder> = { users, accounts, contacts: people, leads: people, opportunities, activities };

/** A stable key for records the CRM exported without ids; undefined when the row has too little. */
function naturalKey(kind: ImportKind, raw: Raw, name: string | undefined): string | undefined {
  const parts = BUILDERS[kind].naturalKey(raw, name);
  if (parts.some((p) => p === undefined) || parts.every((p) => !p)) return undefined;
  return `~${parts.join('|').toLowerCase()}`;
}

/** One import run's row builder: its link index, mappings and the team members it had to create. */
export class RowBuilder extends RowContext {
  build(plan: FilePlan, record: readonly string[], line: number): Built {
    const { crm, kind } = plan;
    const raw = fieldsOf(plan.mapping, record);
    const warnings: RowIssue[] = [];
    const warn = (code: string, message: string) => warnings.push({ file: plan.file, line, code, message, severity: 'warning' });
    try {
      const name = personName(raw);
      const externalId = raw.externalId ?? naturalKey(kind, raw, name);
      if (!externalId)
        throw new RowFailure(
          'DS_IMPORT_NO_KEY',
          `The row has no ${kind === 'activities' ? 'subject or date' : 'id or name'}, so it cannot be matched on a later import.`,
        );
      const source = { crm, object: OBJECT[kind], externalId };
      const id = importedId(PREFIX[kind], crm, kind === 'leads' ? `lead:${externalId}` : externalId);
      const planned = BUILDERS[kind].plan(this, { plan, raw, name, id, source, warn });
      return { ok: true, planned: { ...planned, collection: COLLECTION_OF[kind], id, source, warnings } };
    } catch (err) {
      if (!(err instanceof RowFailure)) throw err;
      return { ok: false, error: { file: plan.file, line, code: err.code, message: err.message, severity: 'error' } };
    }
  }
}
