// Pure (shared): RxDB JSON schemas derived from the zod schemas, so the two cannot drift.
// rx-schemas.test.ts proves documents valid for one are valid for the other.
import { z } from 'zod';
import { COLLECTIONS, type CollectionName, type CollectionSpec } from './collections';

export interface RxJsonSchemaLike {
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  indexes: (string | string[])[];
  additionalProperties: boolean;
}

function stripMeta(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripMeta);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      // RxDB's validators reject draft-2020 markers and zod's "pattern" on record keys is noise.
      if (k === '$schema' || k === 'propertyNames') continue;
      out[k] = stripMeta(v);
    }
    return out;
  }
  return node;
}

export function rxSchemaFor(name: CollectionName): RxJsonSchemaLike {
  const spec = COLLECTIONS[name];
  const json = stripMeta(z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'throw' })) as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  for (const prop of Object.values(json.properties) as { enum?: string[]; maxLength?: number }[]) {
    // RxDB needs a maxLength on every indexed string; enums have an obvious one.
    if (prop.enum && prop.maxLength === undefined) prop.maxLength = Math.max(...prop.enum.map((e) => e.length));
  }
  return {
    // Raised per collection when its shape changes (collections.ts holds the migrations).
    version: (spec as CollectionSpec).version ?? 0,
    primaryKey: 'id',
    type: 'object',
    properties: json.properties,
    required: json.required ?? [],
    indexes: [...spec.indexes],
    additionalProperties: false,
  };
}
