// Renderer: deal writes from the account page. The host records the stage change in the deal's
// history; everything reading opportunities refreshes (data/mutation.ts), and the new scores
// follow when the scoring process has rescored the deal.
import { useApiMutation } from '@renderer/data/mutation';

export const useSetStage = () => useApiMutation('opportunities.setStage');
