import argon2 from 'argon2';

/** argon2id with 19 MiB and 2 passes (OWASP's minimum), one lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => argon2.hash(plain, OPTIONS);

let dummy: Promise<string> | undefined;
/** Verifies; with no hash (unknown e-mail) it still spends the same work, so timing reveals nothing. */
export async function verifyPassword(hash: string | null, plain: string): Promise<boolean> {
  if (!hash) {
    dummy ??= argon2.hash('not-a-real-password', OPTIONS);
    await argon2.verify(await dummy, plain).catch(() => false);
    return false;
  }
  return argon2.verify(hash, plain).catch(() => false);
}
