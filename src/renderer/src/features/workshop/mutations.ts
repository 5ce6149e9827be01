// Renderer: sticky note writes. Other windows (the facilitator's laptop, a second screen) hear
// the host's change event on workshopnotes and refetch the opportunity.
import { useApiMutation } from '@renderer/data/mutation';

export const useUpsertNote = () => useApiMutation('workshop.upsertNote');

export const useRemoveNote = () => useApiMutation('workshop.removeNote');
