import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** Password rules of graded protection level 3 as commonly set; every number is configurable. */
export type PasswordPolicy = { minLength: number; minClasses: number; maxAgeDays: number };

export type PasswordProblem = {
  code: 'password.too_short' | 'password.too_few_classes';
  params: Record<string, number>;
};

// OWASP's argon2id minimum (19 MiB, 2 passes): slow enough to hurt guessing, fast enough for a login peak.
// 2 is Algorithm.Argon2id, a const enum that cannot be imported as a value here.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when the account does not exist, so that an unknown user and a
 * wrong password take the same time and give the same answer.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that matches nothing');
  return decoy;
}

export function checkPasswordPolicy(password: string, policy: PasswordPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) {
    problems.push({ code: 'password.too_short', params: { minimum: policy.minLength } });
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) {
    problems.push({ code: 'password.too_few_classes', params: { minimum: policy.minClasses } });
  }
  return problems;
}

export function passwordExpired(changedAt: Date, policy: PasswordPolicy, now = new Date()): boolean {
  return now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}
