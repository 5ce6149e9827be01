// Renderer (pure): the state a presentation shares between the facilitator's window and the
// projection — what is revealed, blank screen, zoom, selection — and the clicker keys that move
// it. Both windows apply the same actions and exchange whole states; the higher revision wins
// (ties broken by window id), so two windows pressing keys at once still converge.
import { z } from 'zod';

export const RevealMode = z.enum(['person', 'job', 'loop']);
export type RevealMode = z.infer<typeof RevealMode>;

export const PresentationState = z.object({
  opportunityId: z.string().min(1),
  mode: RevealMode,
  /** How many units (people or jobs, in order) are revealed: 0 … total. */
  step: z.number().int().min(0),
  blank: z.boolean(),
  /** Time zoom: 1 shows the deal's whole life, 2 half of it around its middle, … */
  zoom: z.number().min(1).max(8),
  selectedStakeholderId: z.string().nullable(),
  /** Lane page when the room's screen cannot hold every lane at a readable size. */
  page: z.number().int().min(0),
  rev: z.number().int().min(0),
  /** The window that made this revision. */
  by: z.string(),
});
export type PresentationState = z.infer<typeof PresentationState>;

export type PresentationAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'blank'; on?: boolean }
  | { type: 'zoom'; by: 1 | -1 }
  | { type: 'select'; stakeholderId: string | null }
  | { type: 'mode'; mode: RevealMode }
  | { type: 'page'; page: number };

export function initialPresentation(opportunityId: string, by: string): PresentationState {
  return { opportunityId, mode: 'person', step: 0, blank: false, zoom: 1, selectedStakeholderId: null, page: 0, rev: 0, by };
}

/**
 * The key a clicker or keyboard sends → what it does. Clickers send PageDown/PageUp (some send
 * arrows), and "B" or "." for a black screen. Space and Enter advance, as in every slide tool.
 */
export function keyAction(key: string): PresentationAction | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
    case 'Enter':
    case 'n':
    case 'N':
      return { type: 'next' };
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'Backspace':
    case 'p':
    case 'P':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'blank' };
    case 'Escape':
      return { type: 'blank', on: false };
    case '+':
    case '=':
      return { type: 'zoom', by: 1 };
    case '-':
    case '_':
      return { type: 'zoom', by: -1 };
    default:
      return null;
  }
}

/** How many units a mode steps through: people (lanes), the six buying jobs, or the loops back. */
export function unitCount(mode: RevealMode, lanes: number, loops = 0): number {
  return mode === 'person' ? lanes : mode === 'job' ? 6 : loops;
}

/** Applies an action; `total` is unitCount for the current mode. Returns the same object when nothing changes. */
export function reduce(state: PresentationState, action: PresentationAction, total: number, by: string): PresentationState {
  const next = ((): Partial<PresentationState> | null => {
    switch (action.type) {
      case 'next':
        return state.step < total ? { step: state.step + 1, blank: false } : state.blank ? { blank: false } : null;
      case 'prev':
        return state.step > 0 ? { step: state.step - 1, blank: false } : state.blank ? { blank: false } : null;
      case 'first':
        return state.step !== 0 ? { step: 0 } : null;
      case 'last':
        return state.step !== total ? { step: total } : null;
      case 'blank': {
        const on = action.on ?? !state.blank;
        return on !== state.blank ? { blank: on } : null;
      }
      case 'zoom': {
        const zoom = Math.min(8, Math.max(1, action.by > 0 ? state.zoom * 2 : state.zoom / 2));
        return zoom !== state.zoom ? { zoom } : null;
      }
      case 'select':
        return action.stakeholderId !== state.selectedStakeholderId ? { selectedStakeholderId: action.stakeholderId } : null;
      case 'mode':
        return action.mode !== state.mode ? { mode: action.mode, step: 0 } : null;
      case 'page':
        return action.page !== state.page && action.page >= 0 ? { page: action.page } : null;
    }
  })();
  if (!next) return state;
  return { ...state, ...next, rev: state.rev + 1, by };
}

/** Which of two states both windows keep: the later revision; on a tie, the larger window id. */
export function newer(local: PresentationState, incoming: PresentationState): PresentationState {
  if (incoming.opportunityId !== local.opportunityId) return local;
  if (incoming.rev > local.rev) return incoming;
  if (incoming.rev === local.rev && incoming.by > local.by) return incoming;
  return local;
}

/** Whether a key event comes from a place where the user is typing (then keys are text, not clicks). */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true;
}
