import { setTimeout as delay } from 'node:timers/promises';

export type ScheduleOptions = {
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** Aborting stops the loop; the run in progress finishes first. */
  signal: AbortSignal;
  /** A failed run (say, the database is briefly away) is reported here and retried next time. */
  onError?: (error: unknown) => void;
};

/**
 * Runs task, waits intervalMs, and again, until signal aborts. Runs never overlap, so a slow run delays the
 * next instead of piling up. Resolves once stopped, so a shutdown can await the last run.
 */
export async function runEvery(task: () => Promise<unknown>, options: ScheduleOptions): Promise<void> {
  const { intervalMs, signal, onError } = options;
  while (!signal.aborted) {
    try {
      await task();
    } catch (error) {
      onError?.(error);
    }
    await sleep(intervalMs, signal);
  }
}

/** Waits ms, or less if signal aborts; never rejects. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}
