// Renderer: one presentation's state shared by every window of the app showing it — the
// facilitator's Workshop page and the projection window — over a BroadcastChannel (same origin,
// same browser profile: both the web preview and Electron's windows of one session). A window
// that opens asks ("hello") and whoever has state answers, so the projection starts where the
// facilitator is. Messages are parsed with zod: a channel is a boundary like any other.
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { initialPresentation, newer, PresentationState, reduce, type PresentationAction } from './presentation-state';

const Message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), from: z.string() }),
  z.object({ type: z.literal('state'), state: PresentationState }),
]);
type Message = z.infer<typeof Message>;

export const channelName = (opportunityId: string) => `ds-present:${opportunityId}`;

function windowId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface Presentation {
  state: PresentationState;
  /** Applies an action here and in every other window; `total` is how many units the mode has. */
  dispatch: (action: PresentationAction, total: number) => void;
}

export function usePresentation(opportunityId: string): Presentation {
  const [id] = useState(windowId);
  const [state, setState] = useState(() => initialPresentation(opportunityId, id));
  const stateRef = useRef(state);
  const channelRef = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(opportunityId));
    channelRef.current = channel;
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const parsed = Message.safeParse(event.data);
      if (!parsed.success) {
        console.warn('DS_PRESENT_BAD_MESSAGE', parsed.error.issues[0]?.message);
        return;
      }
      const message: Message = parsed.data;
      if (message.type === 'hello') {
        if (stateRef.current.rev > 0) channel.postMessage({ type: 'state', state: stateRef.current } satisfies Message);
        return;
      }
      const kept = newer(stateRef.current, message.state);
      if (kept !== stateRef.current) {
        stateRef.current = kept;
        setState(kept);
      }
    };
    channel.postMessage({ type: 'hello', from: id } satisfies Message);
    return () => {
      channel.close();
      channelRef.current = null;
    };
  }, [opportunityId, id]);

  const dispatch = useCallback(
    (action: PresentationAction, total: number) => {
      const next = reduce(stateRef.current, action, total, id);
      if (next === stateRef.current) return;
      stateRef.current = next;
      setState(next);
      channelRef.current?.postMessage({ type: 'state', state: next } satisfies Message);
    },
    [id],
  );

  return { state, dispatch };
}
