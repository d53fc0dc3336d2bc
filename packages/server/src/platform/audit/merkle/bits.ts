// Tree sizes and leaf indices are plain numbers. JavaScript's bitwise operators truncate to 32 bits, so these
// helpers use arithmetic instead and stay exact up to Number.MAX_SAFE_INTEGER (2^53 - 1 leaves).

/** A leaf count or leaf index: a non-negative safe integer. */
export function isTreeSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function assertTreeSize(value: number, name: string): void {
  if (!isTreeSize(value)) throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
}

/** LSB(n) in RFC 9162 §2.1.3.2 and §2.1.4.2. */
export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

/** A one-bit right shift (RFC 9162 §2.1.3.2 and §2.1.4.2). */
export function halve(n: number): number {
  return Math.floor(n / 2);
}

export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && largestPowerOfTwoAtMost(n) === n;
}

/** The largest power of two k with k <= n, for n >= 1. */
export function largestPowerOfTwoAtMost(n: number): number {
  let k = 1;
  while (k * 2 <= n) k *= 2;
  return k;
}

/** RFC 6962 §2.1: "let k be the largest power of two smaller than n (i.e., k < n <= 2k)", for n >= 2. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
