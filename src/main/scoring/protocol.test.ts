// The scores message's packing (protocol.ts PackedScores): what the worker packs, the host
// unpacks as it was, whatever the text, after the structured clone a thread message goes through.
import { describe, expect, it } from 'vitest';
import type { ScoreDocOut } from '@shared/scoring/workspace/engine';
import { packScores, unpackScores } from './protocol';

const doc = (id: string, payload: string): ScoreDocOut => ({
  id: `score:opportunity:${id}`,
  subjectType: 'opportunity',
  subjectId: id,
  accountId: 'acc_1',
  computedAt: 1_700_000_000_000,
  payload,
});

describe('packScores / unpackScores', () => {
  it('gives back every doc as it was, payloads of any text included, through a structured clone', () => {
    const docs = [
      doc('opp_1', '{"probability":0.42,"asOf":1}'),
      doc('opp_2', ''),
      doc('opp_3', '{"who":"Zoë Ångström — 日本語 🎉","note":"\\u0000 \u2028"}'),
      doc('opp_4', 'x'.repeat(5_000)),
    ];
    const packed = structuredClone(packScores(docs));
    expect(unpackScores(packed)).toEqual(docs);
    // A range, as the service decodes ten at a time while it writes them.
    expect(unpackScores(packed, 1, 3)).toEqual(docs.slice(1, 3));
    expect(unpackScores(packed, 3, 10)).toEqual(docs.slice(3));
  });

  it('carries the payloads as UTF-8 bytes off the JS heap, one byte per ASCII character', () => {
    const packed = packScores([doc('opp_1', 'abc'), doc('opp_2', 'é'), doc('opp_3', '{}')]);
    expect(packed.payloads).toBeInstanceOf(Uint8Array);
    expect(packed.payloadEnds).toEqual([3, 5, 7]);
    expect(new TextDecoder().decode(packed.payloads)).toBe('abcé{}');
  });

  it('packs an empty batch', () => {
    const packed = packScores([]);
    expect(packed.payloads.length).toBe(0);
    expect(unpackScores(packed)).toEqual([]);
  });
});
