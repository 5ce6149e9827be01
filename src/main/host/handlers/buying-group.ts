// Main process: the 'buyingGroup.*' API — one account's buying group map in one read.
import type { Account, Opportunity, Relationship, Stakeholder } from '../../../shared/domain';
import { opportunitiesOfAccount, relationshipsOfAccount, stakeholdersOfAccount } from '../../store';
import type { HandlerMap } from '../handler';
import { mustGet, plain } from '../docs';

export const buyingGroupHandlers: HandlerMap = {
  'buyingGroup.get': async ({ accountId }, { store }) => {
    const account = await mustGet<Account>(store.accounts, accountId, 'Account');
    const [stakeholders, relationships, opportunities] = await Promise.all([
      stakeholdersOfAccount(store, accountId),
      relationshipsOfAccount(store, accountId),
      opportunitiesOfAccount(store, accountId),
    ]);
    return {
      account,
      stakeholders: stakeholders.map((d) => plain<Stakeholder>(d)),
      relationships: relationships.map((d) => plain<Relationship>(d)),
      opportunities: opportunities.map((d) => plain<Opportunity>(d)),
    };
  },
};
