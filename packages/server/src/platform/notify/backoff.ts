export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * How long to wait after the `attempts`-th failed delivery: 30 s, 1 min, 2 min, … up to an hour.
 * The ±20 % jitter spreads a burst that failed together (the gateway was down for everyone)
 * so that the retries do not all arrive at the same second when it comes back.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  const jittered = Math.round(base * (0.8 + 0.4 * clamp01(random())));
  return Math.min(BACKOFF_CAP_MS, jittered);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.5;
}
