// Renderer: every edit made on the map, and its undo/redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z). Field
// edits (place, tidy, stance, roles, influence, dismissals) write the people they name with their
// base; record edits (deal role, relationships, people added or removed) run an op whose answer
// gives the op that takes it back (map-history.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Stakeholder } from '@shared/domain';
import {
  EMPTY_HISTORY,
  isRecordStep,
  record,
  recordDone,
  redo,
  settle,
  undo,
  type MapHistory,
  type MapStep,
  type RecordOp,
} from './map-history';
import { useApplyMapStep, useRecordOp } from './mutations';

export function useMapEdits(people: readonly Stakeholder[]) {
  const [history, setHistory] = useState<MapHistory>(EMPTY_HISTORY);
  const applyStep = useApplyMapStep();
  const recordOp = useRecordOp();
  // One history move at a time: a second Ctrl+Z while a write is in flight waits its turn.
  const busy = useRef(false);

  const edit = useCallback(
    (step: MapStep) => {
      setHistory((h) => record(h, step));
      applyStep.mutate({ step, people });
    },
    [applyStep, people],
  );

  const doRecord = useCallback(
    async (label: string, op: RecordOp): Promise<unknown> => {
      const answer = await recordOp.mutateAsync(op);
      setHistory((h) => recordDone(h, label, op, answer));
      return answer;
    },
    [recordOp],
  );

  /** A record edit done elsewhere (the relationship dialog): remembered for undo. */
  const remember = useCallback((label: string, op: RecordOp, answer: unknown) => setHistory((h) => recordDone(h, label, op, answer)), []);

  const step = useCallback(
    async (which: 'undo' | 'redo') => {
      if (busy.current) return;
      const out = which === 'undo' ? undo(history) : redo(history);
      if (!out) return;
      busy.current = true;
      try {
        setHistory(out.history);
        if (isRecordStep(out.apply)) {
          const apply = out.apply;
          const answer = await recordOp.mutateAsync(apply.op);
          setHistory((h) => settle(h, which, apply, answer));
        } else {
          await applyStep.mutateAsync({ step: out.apply, people });
        }
      } catch (error) {
        // The write failed: the step is dropped from history (the error shows beside the toolbar).
        console.error('DS_MAP_UNDO_FAILED', error);
      } finally {
        busy.current = false;
      }
    },
    [applyStep, history, people, recordOp],
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      const target = event.target as HTMLElement | null;
      // Inside a text field, Ctrl+Z belongs to the field.
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      void step(event.shiftKey ? 'redo' : 'undo');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  return {
    history,
    edit,
    doRecord,
    remember,
    step,
    error: applyStep.error ?? recordOp.error,
    pending: applyStep.isPending || recordOp.isPending,
  };
}
