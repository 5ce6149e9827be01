import { describe, expect, it } from 'vitest';
import { filterPickerItems, indexPickerItems } from './picker-filter';

const items = [
  { id: '1', title: 'Évergreen – Learning analytics', subtitle: 'Evergreen Schools', keywords: 'proposal open' },
  { id: '2', title: 'Acme – CRM rollout', subtitle: 'Acme Corp', keywords: 'discovery open' },
];

describe('picker filter', () => {
  it('matches every word anywhere, accents and case folded', () => {
    const index = indexPickerItems(items);
    expect(filterPickerItems(index, 'evergreen LEARN').map((i) => i.id)).toEqual(['1']);
    expect(filterPickerItems(index, 'open').map((i) => i.id)).toEqual(['1', '2']);
    expect(filterPickerItems(index, 'acme proposal')).toEqual([]);
    expect(filterPickerItems(index, '   ')).toHaveLength(2);
  });
});
