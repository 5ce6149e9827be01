// Renderer: journey step writes; the map redraws with the step before the dialog closes.
import { useApiMutation } from '@renderer/data/mutation';

export const useAddStep = () => useApiMutation('journey.addStep');

export const useRemoveStep = () => useApiMutation('journey.removeStep');
