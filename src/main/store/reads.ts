// Main process: the store's named reads. Handlers and read models ask for "an account's people"
// or "a deal's journey" by name; the selectors, the sort and the index each one relies on live
// here, once, next to the collections' indexes (shared/domain/collections.ts). A sort must start
// with an index's fields, or RxDB reads the whole collection.
import type { AccountId, OpportunityId, StakeholderId } from '@shared/domain';
import type { Store } from './create-store';

/** An account's people, by name (index accountId+name). */
export const stakeholdersOfAccount = (store: Store, accountId: AccountId) =>
  store.stakeholders.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { name: 'asc' }] }).exec();

/** An account's deals, latest close date first (index accountId+closeDate). */
export const opportunitiesOfAccount = (store: Store, accountId: AccountId) =>
  store.opportunities.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { closeDate: 'desc' }] }).exec();

/** An account's latest interactions, newest first (index accountId+at, read backwards). */
export const recentInteractionsOfAccount = (store: Store, accountId: AccountId, limit: number) =>
  store.interactions.find({ selector: { accountId }, sort: [{ accountId: 'desc' }, { at: 'desc' }], limit }).exec();

/** An account's relationships (index accountId+id). */
export const relationshipsOfAccount = (store: Store, accountId: AccountId) =>
  store.relationships.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { id: 'asc' }] }).exec();

/** Every relationship from or to one person. */
export const relationshipsTouching = (store: Store, stakeholderId: StakeholderId) =>
  store.relationships.find({ selector: { $or: [{ fromId: stakeholderId }, { toId: stakeholderId }] } }).exec();

/** A deal's journey steps in time order (index opportunityId+at). */
export const journeyOfOpportunity = (store: Store, opportunityId: OpportunityId) =>
  store.journeysteps.find({ selector: { opportunityId }, sort: [{ opportunityId: 'asc' }, { at: 'asc' }] }).exec();

/** A deal's workshop notes in the order they were written (index opportunityId+createdAt). */
export const notesOfOpportunity = (store: Store, opportunityId: OpportunityId) =>
  store.workshopnotes.find({ selector: { opportunityId }, sort: [{ opportunityId: 'asc' }, { createdAt: 'asc' }] }).exec();

/** A deal's interactions in time order, through its account's index (accountId+at). */
export const interactionsOfOpportunity = (store: Store, accountId: AccountId, opportunityId: OpportunityId) =>
  store.interactions.find({ selector: { accountId, opportunityId }, sort: [{ accountId: 'asc' }, { at: 'asc' }] }).exec();

/** The journey steps of several deals (one account's), in time order per deal (index opportunityId+at). */
export const journeyOfOpportunities = (store: Store, opportunityIds: readonly OpportunityId[]) =>
  store.journeysteps
    .find({ selector: { opportunityId: { $in: [...opportunityIds] } }, sort: [{ opportunityId: 'asc' }, { at: 'asc' }] })
    .exec();

/** Every interaction of an account in time order (index accountId+at). */
export const interactionsOfAccount = (store: Store, accountId: AccountId) =>
  store.interactions.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { at: 'asc' }] }).exec();
