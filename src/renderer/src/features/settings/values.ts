// Renderer (pure): a kept or current field value in words, whatever its JSON shape.
import { excerpt, humanize } from '@renderer/lib/format';

export function valueWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return excerpt(value, 120);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : excerpt(value.map((v) => valueWords(v)).join(', '), 120);
  return excerpt(JSON.stringify(value), 120);
}

export function fieldWords(field: string): string {
  return humanize(field.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase());
}
