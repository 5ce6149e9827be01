// Renderer: collapse and expand departments (business units) on the map. A collapsed department
// is one node with its head count; clicking that node (or Enter on it) expands it again.
export function DepartmentsPanel({
  departments,
  collapsed,
  onToggle,
  onAll,
}: {
  departments: readonly { name: string; count: number }[];
  collapsed: ReadonlySet<string>;
  onToggle: (name: string) => void;
  onAll: (collapse: boolean) => void;
}) {
  if (departments.length < 2) return null;
  return (
    <details className="panel bg-side-section" data-testid="bg-departments">
      <summary>
        <h2 className="bg-summary-title">
          Departments <span className="count">{departments.length}</span>
        </h2>
      </summary>
      <span className="bg-sugg-actions">
        <button type="button" className="button button-small" onClick={() => onAll(true)} disabled={collapsed.size === departments.length}>
          Collapse all
        </button>
        <button type="button" className="button button-small" onClick={() => onAll(false)} disabled={collapsed.size === 0}>
          Expand all
        </button>
      </span>
      <ul className="bg-depts">
        {departments.map((d) => (
          <li key={d.name}>
            <button
              type="button"
              className="button button-small"
              aria-pressed={collapsed.has(d.name)}
              data-testid="bg-dept-toggle"
              data-dept={d.name}
              onClick={() => onToggle(d.name)}
            >
              {collapsed.has(d.name) ? 'Expand' : 'Collapse'}
              <span className="visually-hidden"> {d.name}</span>
            </button>
            <span>{d.name}</span> <span className="count">{d.count}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
