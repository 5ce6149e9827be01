// Sync server (Node): the new-account rules the CLI shares with the API.
import { isCommonPassword, newAccountProblems } from './password-policy';

describe('newAccountProblems', () => {
  it('accepts a valid e-mail and an uncommon password', () => {
    expect(newAccountProblems('Ada@Example.com', 'purple-otter-harbour-17')).toEqual([]);
  });
  it('refuses an invalid e-mail, a short password and a common one, with codes', () => {
    expect(newAccountProblems('not-an-email', 'purple-otter-harbour-17').map((p) => p.field)).toEqual(['email']);
    expect(newAccountProblems('a@b.co', 'x')).toEqual([expect.objectContaining({ field: 'password', code: 'DS_SYNC_WEAK_PASSWORD' })]);
    expect(newAccountProblems('a@b.co', 'Password1')[0]?.message).toMatch(/most common/);
    expect(newAccountProblems('a@b.co', 'abc\u0000defgh')[0]?.message).toMatch(/NUL/);
  });
  it('knows the usual suspects, in any case, and not a long random one', () => {
    for (const p of ['password1', '12345678', 'IloveYou', 'qwertyuiop']) expect(isCommonPassword(p)).toBe(true);
    expect(isCommonPassword('k3#Vn9!pQz-lamp')).toBe(false);
  });
});
