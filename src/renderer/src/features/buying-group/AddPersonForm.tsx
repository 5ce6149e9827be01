// Renderer: add a new person to the account right from the map (undoable like every map edit);
// they appear unplaced, with an unknown stance, selected so their roles can be set next.
import { useState, type FormEvent } from 'react';
import { errorWords } from '@renderer/api/errors';

export function AddPersonForm({ onAdd }: { onAdd: (fields: { name: string; title: string; department: string }) => Promise<void> }) {
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [department, setDepartment] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setState({ busy: true, error: null });
    try {
      await onAdd({ name: name.trim(), title: title.trim(), department: department.trim() });
      setName('');
      setTitle('');
      setDepartment('');
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return (
    <section className="panel bg-side-section" aria-labelledby="bg-add-title">
      <h2 id="bg-add-title">Add a person</h2>
      <form className="bg-add-form" onSubmit={(e) => void submit(e)} data-testid="bg-add-person">
        <label>
          <span>Name</span>
          <input className="input" name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>Title</span>
          <input className="input" name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          <span>Department</span>
          <input className="input" name="department" value={department} onChange={(e) => setDepartment(e.target.value)} />
        </label>
        {state.error ? (
          <p className="form-error" role="alert">
            {errorWords(state.error)}
          </p>
        ) : null}
        <button type="submit" className="button button-small" data-testid="bg-add-person-save" disabled={state.busy || !name.trim()}>
          {state.busy ? 'Adding…' : 'Add to the map'}
        </button>
      </form>
    </section>
  );
}
