// Runs in Node. Executes RxDB query plans against the table: the plan's index becomes a range scan
// over that index's BLOB column; RxDB's own matcher and sort comparator do whatever the index
// cannot, so results equal what the memory storage computes.
import type { Database } from './database';
import {
  getChangedDocumentsSinceQuery,
  getQueryMatcher,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  prepareQuery,
} from 'rxdb';
import type { PreparedQuery, RxDocumentData, RxJsonSchema, RxStorageDefaultCheckpoint } from 'rxdb';
import { encodeIndexKey } from './index-key';
import { indexKey, type IndexLayout, type TableLayout } from './table';

export interface QueryContext {
  readonly db: Database.Database;
  readonly layout: TableLayout;
  readonly schema: RxJsonSchema<RxDocumentData<unknown>>;
  readonly statements: Map<string, Database.Statement>;
}

type Doc = RxDocumentData<unknown>;

interface Range {
  index: IndexLayout;
  lower: Buffer;
  upper: Buffer;
  inclusiveStart: boolean;
  inclusiveEnd: boolean;
}

function cachedStatement(ctx: QueryContext, key: string, sql: () => string): Database.Statement {
  let stmt = ctx.statements.get(key);
  if (!stmt) {
    stmt = ctx.db.prepare(sql()).pluck();
    ctx.statements.set(key, stmt);
  }
  return stmt;
}

function rangeOf(ctx: QueryContext, prepared: PreparedQuery<unknown>): Range | undefined {
  const plan = prepared.queryPlan;
  const index = ctx.layout.byIndexKey.get(indexKey(plan.index));
  if (!index) return undefined;
  return {
    index,
    lower: encodeIndexKey(getStartIndexStringFromLowerBound(ctx.schema, plan.index, plan.startKeys)),
    upper: encodeIndexKey(getStartIndexStringFromUpperBound(ctx.schema, plan.index, plan.endKeys)),
    inclusiveStart: plan.inclusiveStart,
    inclusiveEnd: plan.inclusiveEnd,
  };
}

function rangeWhere(r: Range): string {
  const col = r.index.column;
  return `${col} ${r.inclusiveStart ? '>=' : '>'} ? AND ${col} ${r.inclusiveEnd ? '<=' : '<'} ?`;
}

function rangeStatement(ctx: QueryContext, r: Range, what: 'data' | 'count' | 'page' | 'backwards'): Database.Statement {
  const key = `${what}|${r.index.column}|${r.inclusiveStart}|${r.inclusiveEnd}`;
  return cachedStatement(ctx, key, () => {
    // INDEXED BY pins the plan to the index the RxDB planner chose; the ORDER BY is then free.
    const from = `FROM ${ctx.layout.table} INDEXED BY ${r.index.sqlIndexName} WHERE ${rangeWhere(r)}`;
    if (what === 'count') return `SELECT count(*) ${from}`;
    if (what === 'backwards') return `SELECT data ${from} ORDER BY ${r.index.column} DESC`;
    const order = `ORDER BY ${r.index.column}`;
    return what === 'page' ? `SELECT data ${from} ${order} LIMIT ? OFFSET ?` : `SELECT data ${from} ${order}`;
  });
}

function allRowsStatement(ctx: QueryContext): Database.Statement {
  return cachedStatement(ctx, 'all', () => `SELECT data FROM ${ctx.layout.table}`);
}

export function runQuery(ctx: QueryContext, prepared: PreparedQuery<unknown>): Doc[] {
  const { query, queryPlan } = prepared;
  const skip = query.skip ? query.skip : 0;
  // typeof, not truthiness: an explicit limit 0 means "no documents", as in the memory storage.
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  const skipPlusLimit = skip + limit;
  const range = rangeOf(ctx, prepared);
  // A query that names an index we do not have still gets correct (if slower) results.
  const mustResort = !range || !queryPlan.sortSatisfiedByIndex;
  const matcher = !range || !queryPlan.selectorSatisfiedByIndex ? getQueryMatcher(ctx.schema, query) : undefined;

  const ties = range && mustResort && Number.isFinite(skipPlusLimit) ? backwardsTies(ctx, prepared) : undefined;
  if (range && ties) {
    return readBackwards(ctx, prepared, range, skipPlusLimit, ties, matcher).slice(skip, skipPlusLimit);
  }

  if (range && !matcher && !mustResort) {
    if (limit <= 0) return [];
    const stmt = rangeStatement(ctx, range, 'page');
    const rows = stmt.all(range.lower, range.upper, Number.isFinite(limit) ? limit : -1, skip) as string[];
    return rows.map((s) => JSON.parse(s) as Doc);
  }

  let rows: Doc[] = [];
  const iter = (
    range ? rangeStatement(ctx, range, 'data').iterate(range.lower, range.upper) : allRowsStatement(ctx).iterate()
  ) as IterableIterator<string>;
  for (const json of iter) {
    const doc = JSON.parse(json) as Doc;
    if (matcher && !matcher(doc)) continue;
    rows.push(doc);
    if (!mustResort && rows.length >= skipPlusLimit) break; // for-of break closes the iterator
  }
  if (mustResort) {
    rows.sort(getSortComparator(ctx.schema, query));
  }
  if (skip !== 0 || rows.length > skipPlusLimit) {
    rows = rows.slice(skip, skipPlusLimit);
  }
  return rows;
}

type Comparator = (a: Doc, b: Doc) => number | undefined;

/**
 * RxDB indexes are ascending, so its planner never counts a descending sort as satisfied, and
 * "the latest interaction of this account" would read and resort the whole range. When the sort —
 * leaving out fields the range holds constant and a trailing primary key — is the index's next
 * fields, all descending, the range read backwards is already in sort order up to ties on those
 * fields. Returns the comparator that finds such ties, or undefined when that does not hold.
 */
function backwardsTies(ctx: QueryContext, prepared: PreparedQuery<unknown>): Comparator | undefined {
  const { queryPlan: plan, query } = prepared;
  let constant = 0;
  while (constant < plan.index.length && plan.startKeys[constant] === plan.endKeys[constant]) constant++;
  const fixed = new Set(plan.index.slice(0, constant));
  const sort = query.sort.slice();
  const last = sort[sort.length - 1];
  if (last && Object.keys(last)[0] === ctx.layout.primaryPath) sort.pop();
  const ordering = sort.filter((part) => !fixed.has(Object.keys(part)[0]!));
  if (ordering.length === 0) return undefined;
  const follows = ordering.every((part, i) => {
    const [field, direction] = Object.entries(part)[0]!;
    return direction === 'desc' && plan.index[constant + i] === field;
  });
  return follows ? getSortComparator(ctx.schema, { ...query, sort }) : undefined;
}

/**
 * Reads the range from its end until skip + limit matches are in hand and the tie group of the
 * last one is complete, then lets RxDB's comparator order the ties (e.g. by primary key).
 */
function readBackwards(
  ctx: QueryContext,
  prepared: PreparedQuery<unknown>,
  range: Range,
  wanted: number,
  ties: Comparator,
  matcher?: (doc: Doc) => boolean,
): Doc[] {
  if (wanted <= 0) return []; // limit 0: no documents, as in the memory storage
  const rows: Doc[] = [];
  const iter = rangeStatement(ctx, range, 'backwards').iterate(range.lower, range.upper) as IterableIterator<string>;
  for (const json of iter) {
    const doc = JSON.parse(json) as Doc;
    if (matcher && !matcher(doc)) continue;
    // RxDB's comparator answers undefined, not 0, for equal documents: test for truthiness.
    if (rows.length >= wanted && ties(rows[rows.length - 1]!, doc)) break;
    rows.push(doc);
  }
  return rows.sort(getSortComparator(ctx.schema, prepared.query));
}

export function runCount(ctx: QueryContext, prepared: PreparedQuery<unknown>): number {
  const range = rangeOf(ctx, prepared);
  if (range && prepared.queryPlan.selectorSatisfiedByIndex) {
    return rangeStatement(ctx, range, 'count').get(range.lower, range.upper) as number;
  }
  // Like the memory storage, count ignores skip/limit and only applies the selector.
  const matcher = getQueryMatcher(ctx.schema, prepared.query);
  const iter = (
    range ? rangeStatement(ctx, range, 'data').iterate(range.lower, range.upper) : allRowsStatement(ctx).iterate()
  ) as IterableIterator<string>;
  let count = 0;
  for (const json of iter) {
    if (matcher(JSON.parse(json) as Doc)) count++;
  }
  return count;
}

/**
 * Documents written after the checkpoint, ordered by (lwt, id). The [lwt, id] index string of the
 * checkpoint is exactly the position to continue after, so this is one range scan with no matcher.
 */
export function runChangedSince(ctx: QueryContext, limit: number, checkpoint?: RxStorageDefaultCheckpoint): Doc[] {
  const fields = ['_meta.lwt', ctx.layout.primaryPath];
  const index = ctx.layout.byIndexKey.get(indexKey(fields));
  if (!index) {
    // RxDB adds this index to every schema (fillWithDefaultSettings); a hand-made schema without
    // it gets RxDB's own query-based answer.
    const mango = getChangedDocumentsSinceQuery({ schema: ctx.schema } as never, limit, checkpoint);
    return runQuery(ctx, prepareQuery(ctx.schema, mango));
  }
  const after = checkpoint
    ? encodeIndexKey(getStartIndexStringFromLowerBound(ctx.schema, fields, [checkpoint.lwt, checkpoint.id]))
    : Buffer.alloc(0);
  const op = checkpoint ? '>' : '>=';
  const stmt = cachedStatement(
    ctx,
    `changes|${op}`,
    () =>
      `SELECT data FROM ${ctx.layout.table} INDEXED BY ${index.sqlIndexName} WHERE ${index.column} ${op} ? ORDER BY ${index.column} LIMIT ?`,
  );
  return (stmt.all(after, limit) as string[]).map((s) => JSON.parse(s) as Doc);
}
