// Sync server (Node): limits password checks per e-mail + client address and per address
// across e-mails, with counters in the database so the limit holds under concurrency and across
// every server instance sharing it.
//
// An attempt is counted BEFORE its password is checked (one atomic INSERT … ON CONFLICT DO
// UPDATE for both keys), and only an attempt whose new count is within the limit goes on to
// argon2. So 20 guesses sent at once for one e-mail, to any number of instances, get at most
// `maxPerEmail` checks: the counter row's lock orders them and the sixth sees 6. A refused
// attempt is taken back (it checked nothing), a right password starts its e-mail's count over
// and is taken back from the address's count, so a person is never held back by their own
// earlier typos and an office behind one address only shares its failures. Windows are fixed:
// a key's window starts at its first attempt; when it ends, the next attempt starts a new one.
import type { AuditRecord, Database } from './db';
import { rateLimited } from './errors';

export interface SignInLimitOptions {
  /** Attempts (in flight or failed) per e-mail and client address per window. */
  maxPerEmail: number;
  /** Failed attempts per client address, whatever the e-mail (password spraying). */
  maxPerAddress: number;
  windowMs: number;
}

export interface SignInLimiter {
  /**
   * Runs `check` (the password check) unless a limit is reached; then throws 429
   * DS_SYNC_RATE_LIMITED with Retry-After. `check` answers whether the password was right.
   */
  guard(email: string, address: string, check: () => Promise<boolean>): Promise<boolean>;
}

export function createSignInLimiter(db: Database, options: SignInLimitOptions): SignInLimiter {
  return {
    async guard(email, address, check) {
      const own = `e:${address}\n${email}`;
      const shared = `a:${address}`;
      const counts = await db.team.countAttempt([own, shared], options.windowMs);
      const over = counts.filter((c) => c.attempts > (c.key === own ? options.maxPerEmail : options.maxPerAddress));
      if (over.length > 0) {
        await db.team.uncountAttempt([own, shared]);
        const byEmail = over.some((c) => c.key === own);
        // One audit entry per burst: only the attempt that first crosses the limit is recorded.
        const first = over.find((c) => c.attempts === (c.key === own ? options.maxPerEmail : options.maxPerAddress) + 1);
        if (first) await db.team.audit(limitedEntry(email, address, byEmail ? 'email' : 'address'));
        throw rateLimited(Math.max(...over.map((c) => c.windowLeftMs)), byEmail ? 'email' : 'address');
      }
      const ok = await check();
      if (ok) await db.team.clearAttempt(own, [shared]);
      return ok;
    },
  };
}

function limitedEntry(email: string, address: string, by: 'email' | 'address'): AuditRecord {
  return { workspaceId: null, action: 'sign_in.limited', targetEmail: email, address, details: { by } };
}
