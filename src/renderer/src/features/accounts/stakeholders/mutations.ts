// Renderer: stakeholder writes. The account page, the list's counts and the buying group map
// all read stakeholders, so all of them refresh (data/mutation.ts); the dialog closes onto
// fresh data.
import { useApiMutation } from '@renderer/data/mutation';

export const useUpsertStakeholder = () => useApiMutation('stakeholders.upsert');
