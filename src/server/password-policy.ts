// Sync server (Node): the rules for a new account's e-mail and password, shared by every way an
// account is made. Shape (valid e-mail, 8–200 characters, no NUL or broken characters) is the
// API's own zod (src/shared/sync/wire.ts); a new account (CLI or accepted invite) also may not use
// one of the most common passwords (data/common-passwords.txt, 5,089 of 8+ characters), because an admin made there is
// the key to the whole workspace.
import { readFileSync } from 'node:fs';
import { TEXT_PROBLEM_WORDS, textProblem } from '@shared/domain';
import { Email, Password } from '@shared/sync';

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

export type AccountProblem = { field: 'email' | 'password'; code: 'DS_SYNC_BAD_REQUEST' | 'DS_SYNC_WEAK_PASSWORD'; message: string };

/** Everything wrong with a new account's e-mail and password (empty when it may be created). */
export function newAccountProblems(email: string, password: string, options: { refuseCommon?: boolean } = {}): AccountProblem[] {
  const problems: AccountProblem[] = [];
  const e = Email.safeParse(email);
  if (!e.success) problems.push({ field: 'email', code: 'DS_SYNC_BAD_REQUEST', message: `"${email}" is not a valid e-mail address.` });
  const p = Password.safeParse(password);
  if (!p.success) {
    const text = textProblem(password);
    const why = text
      ? TEXT_PROBLEM_WORDS[text]
      : password.length < 8
        ? 'must have at least 8 characters'
        : 'must have at most 200 characters';
    problems.push({ field: 'password', code: 'DS_SYNC_WEAK_PASSWORD', message: `The password ${why}.` });
  } else if (options.refuseCommon !== false && isCommonPassword(password)) {
    problems.push({
      field: 'password',
      code: 'DS_SYNC_WEAK_PASSWORD',
      message: 'The password is one of the most common passwords, which guessers try first. Choose another.',
    });
  }
  return problems;
}
