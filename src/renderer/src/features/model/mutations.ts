// Renderer: retraining and importing history. Both end with fresh scores; the end of the task's
// progress refreshes them again (data/host-events.ts).
import { useApiMutation } from '@renderer/data/mutation';

export const useRetrain = () => useApiMutation('scoring.retrain');

export const useImportHistory = () => useApiMutation('scoring.importHistory');
