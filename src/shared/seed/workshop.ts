// Pure (shared): sticky notes from buying-group workshops, for the deals that had one.
import { type AccountId, BUYING_JOBS, type TeamMemberId, type WorkshopNote, type WorkshopNoteId } from '../domain';
import type { Deal } from './deal';
import type { Rng } from './prng';

type Color = WorkshopNote['color'];

const QUESTIONS = [
  'Who signs off above the budget threshold?',
  'Is the pilot scope agreed?',
  'What does IT need before go-live?',
  'Which competitor is still in play?',
  'When does the current contract renew?',
  'Who else must be in the room?',
];
const NEXT_STEPS = [
  'Book a session with finance',
  'Send the security pack',
  'Draft the mutual action plan',
  'Run a reference call',
  'Prepare the ROI model',
  'Demo for the operations team',
];

export function buildWorkshopNotes(
  rng: Rng,
  deal: Deal,
  accountId: AccountId,
  authors: readonly TeamMemberId[],
  nextId: () => WorkshopNoteId,
): WorkshopNote[] {
  const bigDeal = deal.group.length >= 10;
  if (!rng.chance(bigDeal ? 0.5 : 0.2)) return [];
  const session = Math.round(deal.start + (deal.end - deal.start) * rng.float(0.2, 0.7));
  const authorId = rng.pick(authors);
  const count = rng.int(3, 8);
  const notes: WorkshopNote[] = [];
  for (let i = 0; i < count; i++) {
    const m = rng.pick(deal.group);
    const kind = rng.weightedIndex([3, 3, 2, 2]);
    const [text, color]: [string, Color] =
      kind === 0
        ? [`Pain (${m.person.doc.name}): ${rng.pick(m.person.doc.pains)}`, 'pink']
        : kind === 1
          ? [`Need (${m.person.doc.name}): ${rng.pick(m.person.doc.needs)}`, 'yellow']
          : kind === 2
            ? [rng.pick(QUESTIONS), 'blue']
            : [`Next: ${rng.pick(NEXT_STEPS)}`, 'green'];
    const createdAt = session + i * 60_000 * rng.int(1, 9);
    notes.push({
      id: nextId(),
      accountId,
      opportunityId: deal.doc.id,
      ...(kind <= 1 ? { stakeholderId: m.person.doc.id } : {}),
      ...(rng.chance(0.7) ? { job: rng.pick(BUYING_JOBS) } : {}),
      text,
      color: rng.chance(0.05) ? 'grey' : color,
      authorId,
      createdAt,
      updatedAt: createdAt,
    });
  }
  return notes;
}
