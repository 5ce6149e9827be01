// Main process (or plain Node in the web preview): who "I" am on this device. Kept in the
// local-only settings collection, so two devices of one team can be two people.
import type { MeView } from '@shared/api';
import type { TeamMember, TeamMemberId } from '@shared/domain';
import type { Store } from '../store';
import { plain } from './docs';
import { savedSessionEmail } from './sync-session';

export const ME_SETTING = 'me';

/**
 * The member chosen in Settings (while still in the team), else the member whose e-mail is the
 * signed-in team account's, else nobody: never a guess.
 */
export async function whoIsMe(store: Store): Promise<MeView> {
  const chosen = await store.settings.findOne(ME_SETTING).exec();
  if (chosen) {
    const member = await store.teammembers.findOne(chosen.value).exec();
    if (member) return { member: plain<TeamMember>(member), source: 'chosen' };
  }
  const email = (await savedSessionEmail(store))?.toLowerCase();
  if (email) {
    const members = await store.teammembers.find().exec();
    const member = members.find((m) => m.email.toLowerCase() === email);
    if (member) return { member: plain<TeamMember>(member), source: 'signed-in' };
  }
  return { member: null, source: null };
}

/**
 * Who work is logged by when the caller does not say: me, else (nobody chosen or signed in) the
 * first member, as before "me" was asked, so a demo or a local workspace can log at once.
 */
export async function attributedTo(store: Store): Promise<TeamMemberId | null> {
  const { member } = await whoIsMe(store);
  if (member) return member.id;
  const first = await store.teammembers.findOne({ selector: {}, sort: [{ id: 'asc' }] }).exec();
  return (first?.id as TeamMemberId | undefined) ?? null;
}
