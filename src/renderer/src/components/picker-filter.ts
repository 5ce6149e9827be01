// Renderer (pure): the filter every picker uses — every typed word must appear in an item's
// text (name plus what it belongs to), accents and case ignored.
export interface PickerItem {
  id: string;
  title: string;
  subtitle: string;
  /** Extra words matched but not shown (e.g. the stage). */
  keywords?: string;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export interface PickerIndex<T extends PickerItem> {
  items: readonly T[];
  haystacks: readonly string[];
}

export function indexPickerItems<T extends PickerItem>(items: readonly T[]): PickerIndex<T> {
  return { items, haystacks: items.map((i) => fold(`${i.title}\n${i.subtitle}\n${i.keywords ?? ''}`)) };
}

export function filterPickerItems<T extends PickerItem>(index: PickerIndex<T>, query: string): readonly T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return index.items;
  return index.items.filter((_, i) => words.every((w) => index.haystacks[i]!.includes(w)));
}
