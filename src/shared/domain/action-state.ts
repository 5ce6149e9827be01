// Pure (shared): done and snoozed next best actions (issue 15). The rules, in order:
//  1. An action is named by its kind and its target person (actionKey): a rescore that suggests
//     the same thing again names it the same, whatever its wording or priority now.
//  2. A done action is held for good; a snoozed one while now < until (the clock is the caller's,
//     DS_NOW-aware in the app), then it comes back by itself.
//  3. One state per key: marking again replaces it; reopening removes it. The list keeps the
//     newest ACTION_STATES_MAX entries (a deal cannot grow without bound).
import { ACTION_STATES_MAX, type ActionState } from './entities';

export const actionKey = (action: { kind: string; stakeholderId: string | null }): string => `${action.kind}:${action.stakeholderId ?? ''}`;

export function isActionHeld(states: readonly ActionState[] | undefined, key: string, now: number): boolean {
  const s = states?.find((x) => x.key === key);
  if (!s) return false;
  return s.state === 'done' || (s.until !== undefined && now < s.until);
}

/** The deal's states after marking `key` (null: reopened). */
export function withActionState(
  states: readonly ActionState[] | undefined,
  key: string,
  next: Omit<ActionState, 'key'> | null,
): ActionState[] {
  const rest = (states ?? []).filter((s) => s.key !== key);
  if (!next) return rest;
  return [...rest, { key, ...next }].sort((a, b) => a.at - b.at).slice(-ACTION_STATES_MAX);
}
