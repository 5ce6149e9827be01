// Renderer (pure): why connecting to the team server failed, in words that say what to do. The
// host passes the sync client's stable DS_SYNC_* codes through; anything else falls back to the
// app-wide words.
import { errorWords } from '@renderer/api/errors';
import type { ApiError } from '@shared/api';

export function connectErrorWords(error: ApiError, serverUrl: string): string {
  const where = serverUrl.trim() || 'that address';
  switch (error.code) {
    case 'DS_SYNC_UNAVAILABLE':
      return `Could not reach a sync server at ${where}. Check the address and port, that the server is running and that this device is online, then try again.`;
    case 'DS_SYNC_BAD_CREDENTIALS':
      return 'The email or password is wrong. Check them, or ask your workspace admin to reset your password or send a new invite.';
    case 'DS_SYNC_UNAUTHORIZED':
      return 'The server did not accept this sign-in. Sign in again; if it keeps happening, ask your admin whether your account is still active.';
    case 'DS_SYNC_FORBIDDEN':
      return 'You signed in, but your account has no access to this workspace. Check the workspace id, or ask an admin to add you.';
    case 'DS_SYNC_MEMBER_REMOVED':
      return 'An admin removed this account from that team workspace. Your data stays on this device. Ask the admin to invite you again, or sign in to another workspace.';
    case 'DS_SYNC_NOT_FOUND':
      return 'The server answered but does not know this workspace. Check the workspace id and the server address.';
    case 'DS_SYNC_BAD_REQUEST':
    case 'DS_SYNC_MALFORMED_JSON':
      return `The server at ${where} did not understand the sign-in. Check that the address is your team’s Deep Sales sync server (not a web page), and that the app and server are up to date.`;
    case 'DS_SYNC_INTERNAL':
      return 'The sync server ran into a problem. Your work is safe on this device; try again in a few minutes or tell your admin.';
    case 'DS_API_INVALID_INPUT':
      return 'Check the server address (it starts with http:// or https://), the email and the password.';
    default:
      return errorWords(error);
  }
}

export interface ConnectDraft {
  serverUrl: string;
  email: string;
  password: string;
  workspaceId: string;
}
export type ConnectErrors = Partial<Record<keyof ConnectDraft, string>>;

/** The checks worth doing before a round trip; the host validates again. */
export function checkConnectDraft(draft: ConnectDraft): ConnectErrors {
  const errors: ConnectErrors = {};
  const url = draft.serverUrl.trim();
  if (!url) errors.serverUrl = 'Enter the address of your team’s sync server, for example https://sync.example.com.';
  else if (!/^https?:\/\/[^\s/]+/i.test(url))
    errors.serverUrl = 'The address starts with http:// or https://, for example https://sync.example.com.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) errors.email = 'Enter the email address you were invited with.';
  if (!draft.password) errors.password = 'Enter your password.';
  return errors;
}
