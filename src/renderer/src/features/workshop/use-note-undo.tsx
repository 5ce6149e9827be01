// Renderer: deleting a sticky note is one click, so it is undoable: the note goes at once, and
// for ten seconds "Undo" puts the same note back (same text, colour, person, job and place in
// the order; a new id, since the old one is a deletion other devices may already have synced).
import { useEffect, useState } from 'react';
import { newId, type WorkshopNote, type WorkshopNoteId } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { useRemoveNote, useUpsertNote } from './mutations';

export function useNoteUndo() {
  const remove = useRemoveNote();
  const upsert = useUpsertNote();
  const [removed, setRemoved] = useState<WorkshopNote | null>(null);
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved(null), 10_000);
    return () => clearTimeout(timer);
  }, [removed]);

  const removeNote = (note: WorkshopNote) => remove.mutate({ id: note.id }, { onSuccess: () => setRemoved(note) });
  const undo = () => {
    if (!removed) return;
    upsert.mutate(
      {
        id: newId<WorkshopNoteId>('wsn'),
        authorId: removed.authorId,
        createdAt: removed.createdAt,
        accountId: removed.accountId,
        opportunityId: removed.opportunityId,
        text: removed.text,
        color: removed.color,
        ...(removed.job ? { job: removed.job } : {}),
        ...(removed.stakeholderId ? { stakeholderId: removed.stakeholderId } : {}),
      },
      { onSuccess: () => setRemoved(null) },
    );
  };
  const bar =
    removed || remove.isError || upsert.isError ? (
      <div className="note-undo" role="status" data-testid="note-undo-bar">
        {remove.isError ? <span className="form-error">{errorWords(remove.error)}</span> : null}
        {upsert.isError ? <span className="form-error">{errorWords(upsert.error)}</span> : null}
        {removed ? (
          <>
            Note “{removed.text.slice(0, 40)}
            {removed.text.length > 40 ? '…' : ''}” deleted.{' '}
            <button type="button" className="button" data-testid="note-undo" disabled={upsert.isPending} onClick={undo}>
              Undo
            </button>
          </>
        ) : null}
      </div>
    ) : null;
  return { removeNote, removingId: remove.isPending ? (remove.variables?.id ?? null) : null, bar };
}
