// Main process: the store's public face.
export { createStore } from './create-store';
export type { Store, StoreCollections, StoreOptions } from './create-store';
export {
  interactionsOfOpportunity, journeyOfOpportunity, notesOfOpportunity, opportunitiesOfAccount, recentInteractionsOfAccount,
  relationshipsOfAccount, relationshipsTouching, stakeholdersOfAccount,
} from './reads';
