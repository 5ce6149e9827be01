// Main process: the 'buyingGroup.*' API — one account's buying group map in one read, with what
// its logged meetings and titles suggest (ghost edges) and who on our team covers whom (both
// pure, in shared/buying-group).
import type { Account, Interaction, Opportunity, Relationship, Stakeholder, StakeholderId, TeamMember } from '@shared/domain';
import { computeCoverage } from '@shared/buying-group/coverage';
import { suggestRelationships } from '@shared/buying-group/suggest';
import { opportunitiesOfAccount, relationshipsOfAccount, stakeholdersOfAccount } from '@main/store';
import type { HandlerMap } from '../handler';
import { mustGet, plain } from '../docs';

export const buyingGroupHandlers: HandlerMap = {
  'buyingGroup.get': async ({ accountId }, { store, now }) => {
    const account = await mustGet<Account>(store.accounts, accountId, 'Account');
    const [stakeholders, relationships, opportunities, interactions, team] = await Promise.all([
      stakeholdersOfAccount(store, accountId),
      relationshipsOfAccount(store, accountId),
      opportunitiesOfAccount(store, accountId),
      store.interactions.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { at: 'asc' }] }).exec(),
      store.teammembers.find().exec(),
    ]);
    const people = stakeholders.map((d) => plain<Stakeholder>(d));
    const rels = relationships.map((d) => plain<Relationship>(d));
    const deals = opportunities.map((d) => plain<Opportunity>(d));
    const meetings = interactions.map((d) => plain<Interaction>(d));
    return {
      account,
      stakeholders: people,
      relationships: rels,
      opportunities: deals,
      // Suggestions pair people of this account: their ids are these stakeholders' ids.
      suggestions: suggestRelationships(people, rels, meetings).map((s) => ({
        ...s,
        fromId: s.fromId as StakeholderId,
        toId: s.toId as StakeholderId,
      })),
      coverage: computeCoverage(
        people,
        deals,
        meetings,
        team.map((d) => plain<TeamMember>(d)),
        now(),
      ),
    };
  },
};
