// Renderer: what a planner can do to the map — place, tidy, edit a person, set a deal role,
// accept or dismiss a suggestion, add or remove people and lines — each written through the map's
// edit history (use-map-edits.ts), so every one is undoable. BuyingGroupMap.tsx only wires these
// to the toolbar, the graph and the side panel.
import { useCallback } from 'react';
import { newId, type BuyingRole, type RelationshipId, type Stakeholder, type StakeholderId } from '@shared/domain';
import type { BuyingGroupView, SuggestionView } from '@shared/api';
import { EDGE_STYLE } from './graph-model';
import type { MapFields } from './map-history';
import type { Point } from './map-layout';
import type { MapLayoutKind } from './use-map-layout';
import { useMapEdits } from './use-map-edits';

type Deal = BuyingGroupView['opportunities'][number];

interface Options {
  view: BuyingGroupView;
  deal: Deal | null;
  layoutKind: MapLayoutKind;
  /** Someone was added (select them) or removed (null: select nobody). */
  onSelectPerson: (id: StakeholderId | null) => void;
  /** A line was deleted: drop it from the selection if it was selected. */
  onEdgeRemoved: (id: RelationshipId) => void;
}

export function useMapActions({ view, deal, layoutKind, onSelectPerson, onEdgeRemoved }: Options) {
  const accountId = view.account.id;
  const people = view.stakeholders;
  const edits = useMapEdits(people);
  const { edit, doRecord } = edits;

  /** A drag ended somewhere new. In the org chart, places are the chart's: nothing is saved. */
  const onMoved = useCallback(
    (id: string, _from: Point, to: Point) => {
      if (layoutKind !== 'force') return;
      const person = people.find((p) => p.id === id);
      if (!person) return;
      edit({ label: `Move ${person.name}`, changes: [{ id, before: { mapPosition: person.mapPosition }, after: { mapPosition: to } }] });
    },
    [edit, layoutKind, people],
  );
  const editPerson = useCallback(
    (person: Stakeholder, fields: Partial<MapFields>) => {
      const before: Partial<MapFields> = {};
      for (const k of Object.keys(fields) as (keyof MapFields)[]) (before as Record<string, unknown>)[k] = person[k];
      edit({ label: `Edit ${person.name}`, changes: [{ id: person.id, before, after: fields }] });
    },
    [edit],
  );
  const accept = (s: SuggestionView) =>
    void doRecord(`Accept ${EDGE_STYLE[s.kind].label.toLowerCase()}`, {
      method: 'relationships.upsert',
      input: {
        id: newId<RelationshipId>('rel'),
        accountId,
        fromId: s.fromId,
        toId: s.toId,
        kind: s.kind,
        strength: s.strength,
        source: 'inferred',
      },
    }).catch(() => undefined);
  const dismiss = (s: SuggestionView) => {
    const person = people.find((p) => p.id === s.fromId);
    if (person) editPerson(person, { dismissedSuggestions: [...(person.dismissedSuggestions ?? []), s.key] });
  };
  const setDealRole = (person: Stakeholder, role: BuyingRole | null) => {
    if (!deal) return;
    const was = deal.members.find((m) => m.stakeholderId === person.id)?.role ?? null;
    if (was === role) return;
    void doRecord(role ? `${person.name} on the deal` : `${person.name} off the deal`, {
      method: 'opportunities.setMember',
      opportunityId: deal.id,
      stakeholderId: person.id,
      role,
      was,
    }).catch(() => undefined);
  };
  const addPerson = async (fields: { name: string; title: string; department: string }) => {
    const created = (await doRecord(`Add ${fields.name}`, {
      method: 'stakeholders.upsert',
      input: { accountId, ...fields, buyingRoles: [], stance: 'unknown', influence: 3, needs: [], pains: [] },
    })) as Stakeholder;
    onSelectPerson(created.id);
  };
  const removePerson = (person: Stakeholder) => {
    void doRecord(`Remove ${person.name}`, { method: 'stakeholders.remove', id: person.id })
      .then(() => onSelectPerson(null))
      .catch(() => undefined);
  };
  const removeEdge = (id: RelationshipId) => {
    const doc = view.relationships.find((r) => r.id === id);
    if (!doc) return;
    void doRecord(`Delete ${EDGE_STYLE[doc.kind].label.toLowerCase()}`, { method: 'relationships.remove', doc })
      .then(() => onEdgeRemoved(id))
      .catch(() => undefined);
  };
  /** Releases everyone the planner placed, so the layout lays them out again (undoable). */
  const tidy = () =>
    edit({
      label: 'Tidy',
      changes: people
        .filter((p) => p.mapPosition)
        .map((p) => ({ id: p.id, before: { mapPosition: p.mapPosition }, after: { mapPosition: undefined } })),
    });

  return { edits, onMoved, editPerson, accept, dismiss, setDealRole, addPerson, removePerson, removeEdge, tidy };
}
