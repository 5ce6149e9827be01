// Pure (shared): an opportunity row → a deal: amount and currency as CRMs write them, the CRM's
// stage mapped onto ours (won/lost from "Closed Won" and the like), its close and stage dates.
import type { Stage } from '../../domain';
import { autoStage, outcomeOf, statusWord, type StageTarget } from '../stages';
import { parseAmount, parseBool } from '../values';
import { RowFailure, type ImportSettings, type KindBuilder, type Raw } from './core';

const CURRENCY_NAMES: Record<string, string> = {
  euro: 'EUR',
  'us dollar': 'USD',
  dollar: 'USD',
  'pound sterling': 'GBP',
  pound: 'GBP',
  'swiss franc': 'CHF',
  yen: 'JPY',
  'canadian dollar': 'CAD',
  'australian dollar': 'AUD',
  'swedish krona': 'SEK',
  'norwegian krone': 'NOK',
  'danish krone': 'DKK',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
};

/** "EUR", "eur", "Euro" (Dynamics writes the currency's name) → "EUR"; null when unknown. */
export function currencyCode(raw: string | undefined): string | null {
  if (!raw) return null;
  const t = raw.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return t.toUpperCase();
  return CURRENCY_NAMES[t.toLowerCase()] ?? null;
}

/** Our stage and status from the CRM's stage name and its won/closed/status columns. */
export function stageOf(raw: Raw, stageMap: ImportSettings['stageMap']): { stage: Stage; status: 'open' | 'won' | 'lost' } {
  const name = raw.stage;
  let target: StageTarget | null = null;
  if (name !== undefined) {
    target = stageMap[name] ?? autoStage(name);
    if (!target)
      throw new RowFailure(
        'DS_IMPORT_UNMAPPED_STAGE',
        `The stage "${name}" is not mapped to one of ours. Map it in the stage step (or --stage "${name}=propose").`,
      );
  }
  const status =
    (raw.status !== undefined ? statusWord(raw.status) : null) ??
    (raw.won !== undefined && parseBool(raw.won) === true ? 'won' : null) ??
    (raw.closed !== undefined && parseBool(raw.closed) === true ? (raw.won !== undefined ? 'lost' : null) : null);
  if (!target && !status) throw new RowFailure('DS_IMPORT_MISSING', 'The opportunity has no stage.');
  const outcome = outcomeOf(target ?? (status === 'open' ? 'qualify' : status!));
  if (status && status !== 'open') return outcomeOf(status, target && target !== 'won' && target !== 'lost' ? target : undefined);
  if (status === 'open' && outcome.status !== 'open') return { stage: 'commit', status: 'open' };
  return outcome;
}

export const opportunities: KindBuilder = {
  naturalKey: (raw) => [raw.name && `${raw.name}|${raw.accountName ?? raw.accountRef ?? ''}`],
  plan(ctx, { plan, raw, id, source }) {
    if (!raw.name) throw new RowFailure('DS_IMPORT_MISSING', 'The opportunity has no name.');
    const { settings } = ctx;
    const accountId = ctx.account(raw, plan.crm, undefined);
    const amount = raw.amount !== undefined ? parseAmount(raw.amount) : { value: 0, currency: null };
    if (!amount || amount.value < 0)
      throw new RowFailure('DS_IMPORT_BAD_AMOUNT', `"${raw.amount}" is not an amount (e.g. 1124741.15 or $22,700.00).`);
    const currency = currencyCode(raw.currency) ?? amount.currency ?? settings.defaultCurrency;
    const closeDate = ctx.date(raw, 'closeDate', plan.dateOrder);
    if (closeDate === undefined) throw new RowFailure('DS_IMPORT_MISSING', 'The opportunity has no close date.');
    // A created date the CRM gave is the CRM's; one we infer is only a default for a new deal,
    // so importing the same file again later never counts the deal as changed.
    const givenCreatedAt = ctx.date(raw, 'createdAt', plan.dateOrder);
    const createdAt = givenCreatedAt ?? Math.min(closeDate, settings.now);
    const { stage, status } = stageOf(raw, settings.stageMap);
    const stageChangedAt = ctx.date(raw, 'stageChangedAt', plan.dateOrder);
    const fields: Record<string, unknown> = {
      accountId,
      name: raw.name,
      amount: Math.round(amount.value * 100) / 100,
      currency,
      stage,
      status,
      closeDate,
      ...(givenCreatedAt !== undefined ? { createdAt: givenCreatedAt } : {}),
      ...(status !== 'open' ? { closedAt: closeDate } : {}),
      ownerId: ctx.ownerOrFallback(raw.owner, plan.crm),
      ...(stageChangedAt !== undefined ? { stageChangedAt } : {}),
    };
    const since = stageChangedAt ?? createdAt;
    const defaults = { members: [], createdAt, stageChangedAt: since, stageHistory: [{ stage, at: since }] };
    return { fields, defaults, link: { id, name: raw.name, accountId, source } };
  },
};
