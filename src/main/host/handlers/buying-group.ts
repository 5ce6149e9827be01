// Main process: the 'buyingGroup.*' API — one account's buying group map in one read, with what
// its logged meetings and titles suggest (ghost edges: pure, in shared/buying-group).
import type { Account, Interaction, Opportunity, Relationship, Stakeholder, StakeholderId } from '@shared/domain';
import { suggestRelationships } from '@shared/buying-group/suggest';
import { opportunitiesOfAccount, relationshipsOfAccount, stakeholdersOfAccount } from '@main/store';
import type { HandlerMap } from '../handler';
import { mustGet, plain } from '../docs';

export const buyingGroupHandlers: HandlerMap = {
  'buyingGroup.get': async ({ accountId }, { store }) => {
    const account = await mustGet<Account>(store.accounts, accountId, 'Account');
    const [stakeholders, relationships, opportunities, interactions] = await Promise.all([
      stakeholdersOfAccount(store, accountId),
      relationshipsOfAccount(store, accountId),
      opportunitiesOfAccount(store, accountId),
      store.interactions.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { at: 'asc' }] }).exec(),
    ]);
    const people = stakeholders.map((d) => plain<Stakeholder>(d));
    const rels = relationships.map((d) => plain<Relationship>(d));
    return {
      account,
      stakeholders: people,
      relationships: rels,
      opportunities: opportunities.map((d) => plain<Opportunity>(d)),
      // Suggestions pair people of this account: their ids are these stakeholders' ids.
      suggestions: suggestRelationships(people, rels, interactions.map((d) => plain<Interaction>(d)))
        .map((s) => ({ ...s, fromId: s.fromId as StakeholderId, toId: s.toId as StakeholderId })),
    };
  },
};
