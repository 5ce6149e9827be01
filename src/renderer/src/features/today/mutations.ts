// Renderer: logging an interaction. Everything reading interactions refreshes (the account's
// page and list row, the deal's journey); Today's ranking follows when the scoring process has
// rescored the deal and the host reports the scores changed.
import { useApiMutation } from '@renderer/data/mutation';

export const useLogInteraction = () => useApiMutation('interactions.log');
