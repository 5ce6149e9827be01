import { describe, expect, it } from 'vitest';
import { neighbourToward, neighboursOf } from './map-keys';

const at = new Map([
  ['me', { x: 0, y: 0 }],
  ['up', { x: 10, y: -100 }],
  ['right', { x: 100, y: 5 }],
  ['far-right', { x: 300, y: 0 }],
  ['stranger', { x: -100, y: 0 }],
]);
const edges = [
  { source: 'me', target: 'up' },
  { source: 'right', target: 'me' },
  { source: 'me', target: 'far-right' },
  { source: 'up', target: 'stranger' },
];

describe('keyboard walk', () => {
  it('moves only to connected people, toward the arrow', () => {
    expect(neighboursOf('me', edges)).toEqual(['far-right', 'right', 'up']);
    expect(neighbourToward('me', 'ArrowUp', edges, at)).toBe('up');
    expect(neighbourToward('me', 'ArrowRight', edges, at)).toBe('right');
    // The stranger lies to the left but is not connected to me.
    expect(neighbourToward('me', 'ArrowLeft', edges, at)).toBeNull();
    expect(neighbourToward('me', 'ArrowDown', edges, at)).toBeNull();
  });
});
