// Renderer: stance, influence and buying roles edited right on the map's side panel. Each change
// is one undoable map step (see map-history.ts), written with the person as its base.
import { BUYING_ROLES, BUYING_ROLE_LABEL, STANCES, type BuyingRole, type Stakeholder } from '@shared/domain';
import { STANCE_LABEL } from '@renderer/components/StanceBadge';
import type { MapFields } from './map-history';

interface Props {
  person: Stakeholder;
  onEdit: (person: Stakeholder, fields: Partial<MapFields>) => void;
}

export function PersonEditor({ person, onEdit }: Props) {
  const toggleRole = (role: BuyingRole, on: boolean) =>
    onEdit(person, { buyingRoles: on ? [...person.buyingRoles, role] : person.buyingRoles.filter((r) => r !== role) });
  return (
    <div className="bg-editor">
      <label>
        <span>Stance</span>
        <select
          className="input"
          data-testid="bg-edit-stance"
          value={person.stance}
          onChange={(e) => onEdit(person, { stance: e.target.value as Stakeholder['stance'] })}
        >
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {STANCE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Influence</span>
        <select
          className="input"
          data-testid="bg-edit-influence"
          value={person.influence}
          onChange={(e) => onEdit(person, { influence: Number(e.target.value) })}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="bg-editor-roles">
        <legend>Buying roles</legend>
        {BUYING_ROLES.map((role) => (
          <label key={role}>
            <input type="checkbox" checked={person.buyingRoles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} />
            {BUYING_ROLE_LABEL[role]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
