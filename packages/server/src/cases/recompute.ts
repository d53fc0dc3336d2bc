import type { ClockEvent, ClockRule, WorkingCalendar } from '@yiwang/standards';
import { computeClock } from '@yiwang/standards';
import type { Tx } from '../platform/db/transaction.ts';
import { type ClockColumns, clockColumns, saveClock } from './clocks.ts';
import { type Actor, appendTimeline, writeCaseDue } from './engine.ts';
import type { ProcessRegistry } from './registry.ts';

const PLATFORM: Actor = { kind: 'platform' };

type OpenClock = {
  id: string;
  case_id: string;
  code: string;
  rule: unknown;
  events: unknown;
  due_at: Date | null;
  state: string;
  process_code: string;
  process_version: number;
};

/**
 * After a new calendar version: every running or paused clock is computed again; where the due
 * time moves, the clock and its case get the new one and the timeline says from what to what and
 * under which version. Cases are locked in id order, the order every action locks them in.
 */
export async function recomputeOpenClocks(
  tx: Tx,
  registry: ProcessRegistry,
  calendar: WorkingCalendar,
  warnShare: number,
  now: Date,
): Promise<number> {
  const clocks = (await tx
    .selectFrom('case_clock as k')
    .innerJoin('case_record as c', 'c.id', 'k.case_id')
    .select([
      'k.id',
      'k.case_id',
      'k.code',
      'k.rule',
      'k.events',
      'k.due_at',
      'c.state',
      'c.process_code',
      'c.process_version',
    ])
    .where('k.status', 'in', ['running', 'paused'])
    .orderBy('k.case_id')
    .forUpdate()
    .execute()) as OpenClock[];
  const byCase = new Map<string, OpenClock[]>();
  for (const k of clocks) byCase.set(k.case_id, [...(byCase.get(k.case_id) ?? []), k]);
  let moved = 0;
  for (const [caseId, open] of byCase) {
    const computed = new Map<string, ClockColumns>();
    for (const k of open) {
      const def = registry.get(k.process_code, k.process_version);
      const stored = { id: k.id, code: k.code, rule: k.rule as ClockRule, events: k.events as ClockEvent[] };
      const columns = clockColumns(
        computeClock(stored.rule, stored.events, calendar, now),
        stored.events,
        def.clocks[k.code]?.warnShare ?? warnShare,
      );
      computed.set(k.code, columns);
      await saveClock(tx, stored, columns, now);
      if ((columns.due_at?.getTime() ?? null) === (k.due_at?.getTime() ?? null)) continue;
      moved += 1;
      await appendTimeline(tx, {
        caseId,
        action: 'clock.recomputed',
        from: k.state,
        to: k.state,
        actor: PLATFORM,
        at: now,
        input: {
          clock: k.code,
          from: k.due_at?.toISOString() ?? null,
          to: columns.due_at?.toISOString() ?? null,
          calendarVersion: calendar.versionIds.at(-1) ?? null,
        },
      });
    }
    // Only running clocks give a due time, and every one of them was recomputed here.
    await writeCaseDue(tx, caseId, computed, now);
  }
  return moved;
}
