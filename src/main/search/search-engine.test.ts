// The search engine's queries on a small generated workspace (in memory; index-file.test.ts runs
// the same engine in its encrypted file).
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '@shared/seed';
import { INDEXED, SearchEngine } from './search-engine';

const demo = generateWorkspace({ size: 'XS', seed: 9, now: Date.UTC(2026, 10, 16) });

describe('SearchEngine', () => {
  const engine = new SearchEngine();
  for (const name of INDEXED) engine.upsertMany(name, demo[name] as never);
  engine.built();
  const ids = (text: string, kind: 'interaction' | 'person') =>
    engine.query({ text, kinds: [kind], limit: 50 }).groups.flatMap((g) => g.hits.map((h) => h.id));

  it('leaves a one-letter word out of a note search (every note matches it), not out of a name search', () => {
    const word = demo.interactions.flatMap((i) => i.notes.toLowerCase().match(/[a-z]{6,}/g) ?? [])[0]!;
    expect(ids(word, 'interaction').length).toBeGreaterThan(0);
    expect(ids(`${word} r`, 'interaction')).toEqual(ids(word, 'interaction'));
    const person = demo.stakeholders[3]!;
    const [first, last] = person.name.split(' ') as [string, string];
    expect(ids(`${first} ${last[0]}`, 'person')).toContain(person.id);
    expect(ids(`${first} ${last[0]}`, 'person').length).toBeLessThanOrEqual(ids(first, 'person').length);
  });

  it('ranks each kind of entity on its own: a person search answers people only', () => {
    const view = engine.query({ text: demo.stakeholders[0]!.name, kinds: ['person', 'account'] });
    expect(view.groups.find((g) => g.kind === 'person')?.hits[0]?.id).toBe(demo.stakeholders[0]!.id);
    for (const g of view.groups) expect(g.hits.every((h) => h.kind === g.kind)).toBe(true);
  });
});
