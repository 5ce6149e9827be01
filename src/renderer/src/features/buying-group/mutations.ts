// Renderer: relationship writes; the new or removed edge is on screen when the dialog closes
// (data/mutation.ts), and other windows hear the host's change event.
import { useApiMutation } from '@renderer/data/mutation';

export const useUpsertRelationship = () => useApiMutation('relationships.upsert');

export const useRemoveRelationship = () => useApiMutation('relationships.remove');
