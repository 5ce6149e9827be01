// Pure (shared): one copy of each short text the scoring engine keeps many times over. JSON.parse
// makes a new string for every value it reads, so on L the engine held a role per buying-group
// member (300k), a stance, title and time zone per person (60k), a stage per stage change and a
// value per CRM field, each its own copy of the same few hundred texts.
/** Distinct texts kept at most: past it, new texts are kept as they come (free text is not repeated). */
const MAX_TEXTS = 20_000;

export class Interner {
  private readonly texts = new Map<string, string>();

  /** The first copy seen of `text`. */
  of<T extends string>(text: T): T {
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept as T;
    if (this.texts.size < MAX_TEXTS) this.texts.set(text, text);
    return text;
  }
}
