// Main process: accounts — the list, one account's page, create and edit.
import type { Account, Interaction, JourneyStep, Opportunity, Stakeholder } from '@shared/domain';
import {
  interactionsOfAccount,
  journeyOfOpportunities,
  opportunitiesOfAccount,
  recentInteractionsOfAccount,
  stakeholdersOfAccount,
} from '@main/store';
import type { HandlerMap } from '../handler';
import { mustGet, plain, upsertDoc } from '../docs';
import type { AccountSummaries } from '../read-models/account-summaries';

const RECENT_INTERACTIONS = 50;

export function accountHandlers(summaries: AccountSummaries): HandlerMap {
  return {
    'accounts.list': async ({ search }) => {
      const all = await summaries.list();
      const needle = search?.trim().toLowerCase();
      if (!needle) return all;
      return all.filter((a) => `${a.name} ${a.industry} ${a.region}`.toLowerCase().includes(needle));
    },
    'accounts.get': async ({ id }, { store }) => {
      const account = await mustGet<Account>(store.accounts, id, 'Account');
      const [stakeholders, opportunities, interactions] = await Promise.all([
        stakeholdersOfAccount(store, id),
        opportunitiesOfAccount(store, id),
        recentInteractionsOfAccount(store, id, RECENT_INTERACTIONS),
      ]);
      return {
        account,
        stakeholders: stakeholders.map((d) => plain<Stakeholder>(d)),
        opportunities: opportunities.map((d) => plain<Opportunity>(d)),
        recentInteractions: interactions.map((d) => plain<Interaction>(d)),
      };
    },
    'accounts.journey': async ({ id }, { store }) => {
      const account = await mustGet<Account>(store.accounts, id, 'Account');
      const [stakeholders, opportunities, interactions] = await Promise.all([
        stakeholdersOfAccount(store, id),
        opportunitiesOfAccount(store, id),
        interactionsOfAccount(store, id),
      ]);
      const journey = await journeyOfOpportunities(
        store,
        opportunities.map((o) => o.id),
      );
      return {
        account,
        stakeholders: stakeholders.map((d) => plain<Stakeholder>(d)),
        opportunities: opportunities.map((d) => plain<Opportunity>(d)),
        journey: journey.map((d) => plain<JourneyStep>(d)),
        interactions: interactions.map((d) => plain<Interaction>(d)),
      };
    },
    'accounts.upsert': (input, c) => upsertDoc<Account>(c.store.accounts, input, c, 'acc'),
  };
}
