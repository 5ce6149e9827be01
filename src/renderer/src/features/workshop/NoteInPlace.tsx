// Renderer: a sticky note edited where it sits on the map (inside its card): type, Enter saves,
// Shift+Enter breaks the line, Esc cancels; Delete removes it (the page offers Undo).
import { useEffect, useRef, useState } from 'react';
import type { WorkshopNote } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { useUpsertNote } from './mutations';
import { noteBase } from './NoteDialog';

export function NoteInPlace({
  note,
  onDone,
  onDelete,
}: {
  note: WorkshopNote;
  onDone: () => void;
  onDelete: (note: WorkshopNote) => void;
}) {
  const [text, setText] = useState(note.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const upsert = useUpsertNote();
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const save = () => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === note.text) return onDone();
    upsert.mutate(
      {
        id: note.id,
        authorId: note.authorId,
        createdAt: note.createdAt,
        base: noteBase(note),
        accountId: note.accountId,
        opportunityId: note.opportunityId,
        text: trimmed,
        color: note.color,
        ...(note.job ? { job: note.job } : {}),
        ...(note.stakeholderId ? { stakeholderId: note.stakeholderId } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <div className="note-in-place" data-testid="note-in-place">
      <textarea
        ref={ref}
        value={text}
        aria-label="Note text"
        maxLength={2000}
        data-testid="note-in-place-text"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            save();
          }
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone();
          }
        }}
      />
      <div className="note-in-place-actions">
        <button type="button" className="button button-primary" data-testid="note-in-place-save" disabled={upsert.isPending} onClick={save}>
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="button" data-testid="note-in-place-delete" onClick={() => onDelete(note)}>
          Delete
        </button>
      </div>
      {upsert.isError ? (
        <p role="alert" className="form-error">
          {errorWords(upsert.error)}
        </p>
      ) : null}
    </div>
  );
}
