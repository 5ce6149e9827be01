import { describe, expect, it } from 'vitest';
import type { Relationship, Stakeholder } from '@shared/domain';
import { buildGraph } from './graph-model';
import { collapseDepartments, departments, isDepartmentNode } from './collapse';

const person = (id: string, department: string) =>
  ({
    id,
    accountId: 'a',
    name: `Person ${id}`,
    title: '',
    department,
    buyingRoles: [],
    stance: 'neutral',
    influence: 3,
    needs: [],
    pains: [],
    updatedAt: 0,
  }) as unknown as Stakeholder;
const rel = (id: string, fromId: string, toId: string, kind: Relationship['kind'] = 'influences') =>
  ({
    id,
    accountId: 'a',
    fromId,
    toId,
    kind,
    strength: id === 'r3' ? 0.9 : 0.5,
    source: 'manual',
    updatedAt: 0,
  }) as unknown as Relationship;

describe('collapse by department', () => {
  const people = [person('1', 'IT'), person('2', 'IT'), person('3', 'IT'), person('4', 'Finance'), person('5', '')];
  const rels = [rel('r1', '1', '2'), rel('r2', '1', '4'), rel('r3', '2', '4'), rel('r4', '4', '5', 'reports_to')];
  const { nodes, edges } = buildGraph(people, rels, null);

  it('lists departments with counts, largest first', () => {
    expect(departments(nodes)).toEqual([
      { name: 'IT', count: 3 },
      { name: 'Finance', count: 1 },
      { name: 'No department', count: 1 },
    ]);
  });

  it('one node with a count stands for the department; its lines merge, inner lines vanish', () => {
    const out = collapseDepartments(nodes, edges, new Set(['IT']));
    expect(out.nodes.map((n) => n.id)).toEqual(['4', '5', 'dept:IT']);
    const dept = out.nodes.find((n) => isDepartmentNode(n.id))!;
    expect(dept.rolesText).toBe('3 people · collapsed');
    expect(dept.ariaLabel).toContain('department of 3');
    // r1 was inside IT; r2 and r3 both go IT → Finance person 4: one line, the stronger.
    expect(out.edges.map((e) => [e.source, e.target, e.strength])).toEqual([
      ['dept:IT', '4', 0.9],
      ['4', '5', 0.5],
    ]);
  });

  it('expanding (nothing collapsed) gives the graph back unchanged', () => {
    const out = collapseDepartments(nodes, edges, new Set());
    expect(out).toEqual({ nodes, edges });
  });
});
