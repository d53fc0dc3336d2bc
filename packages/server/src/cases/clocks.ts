import {
  type ClockEvent,
  type ClockResult,
  type ClockRule,
  computeClock,
  type WorkingCalendar,
} from '@yiwang/standards';
import type { Tx } from '../platform/db/transaction.ts';
import type { ClockEffect, ProcessDefinition } from './definition.ts';

/** A clock as stored, with its events as the pure function takes them. */
export type StoredClock = {
  id: string;
  code: string;
  rule: ClockRule;
  events: ClockEvent[];
};

/** What an action contributes to the clock events it causes. */
export type EffectContext = {
  at: Date;
  actorName: string;
  reason?: string;
  receivedOn: string;
  action: string;
  /** The case's own extension per clock, where its law sets another than the process's default. */
  extendBy?: Readonly<Record<string, number>>;
};

/**
 * Appends the events an action's effects cause. An effect that does not fit the clock's phase
 * (pausing a stopped clock) is skipped: the definition says what should happen when it can.
 */
export function applyEffects(
  clocks: Map<string, StoredClock>,
  effects: readonly ClockEffect[],
  ctx: EffectContext,
) {
  const changed = new Set<string>();
  for (const effect of effects) {
    const clock = clocks.get(effect.clock);
    if (!clock) continue;
    const next = nextEvents(clock.events, effect, ctx);
    if (next !== clock.events) {
      clock.events = next;
      changed.add(clock.code);
    }
  }
  return changed;
}

function phaseOf(events: readonly ClockEvent[]): 'before' | 'running' | 'paused' | 'stopped' {
  let phase: 'before' | 'running' | 'paused' | 'stopped' = 'before';
  for (const e of events) {
    if (e.kind === 'start' || e.kind === 'resume') phase = 'running';
    else if (e.kind === 'pause') phase = 'paused';
    else if (e.kind === 'stop') phase = 'stopped';
  }
  return phase;
}

function nextEvents(events: ClockEvent[], effect: ClockEffect, ctx: EffectContext): ClockEvent[] {
  const at = ctx.at.toISOString();
  const phase = phaseOf(events);
  const reason = ctx.reason ?? '';
  switch (effect.effect) {
    case 'start':
      if (phase !== 'before') return events;
      return [{ kind: 'start', at, ...(effect.backdateToReceipt ? { backdatedTo: ctx.receivedOn } : {}) }];
    case 'restart':
      return [{ kind: 'start', at }];
    case 'pause':
      return phase === 'running' ? [...events, { kind: 'pause', at, reason }] : events;
    case 'resume':
      return phase === 'paused' ? [...events, { kind: 'resume', at }] : events;
    case 'extend':
      if (phase !== 'running' && phase !== 'paused') return events;
      return [
        ...events,
        {
          kind: 'extend',
          at,
          by: ctx.extendBy?.[effect.clock] ?? effect.by,
          approver: ctx.actorName,
          reason,
        },
      ];
    case 'stop':
      if (phase !== 'running' && phase !== 'paused') return events;
      return [...events, { kind: 'stop', at, outcome: ctx.action }];
  }
}

/** The columns a clock's computed state goes into, so the sweeps and the queue read an index. */
export type ClockColumns = {
  status: ClockResult['status'];
  due_at: Date | null;
  warn_at: Date | null;
  provisional: boolean;
  calendar_version: string | null;
};

export function clockColumns(
  result: ClockResult,
  events: readonly ClockEvent[],
  warnShare: number,
): ClockColumns {
  const startedAt = events[0]?.kind === 'start' ? new Date(events[0].at).getTime() : null;
  // A stopped clock keeps the due time it had, so on-time shares can be counted later.
  const due = result.status === 'running' || result.status === 'stopped' ? result.dueAt : null;
  let warnAt: Date | null = null;
  if (due && startedAt !== null && result.status === 'running') {
    const span = Math.max(0, due.getTime() - startedAt);
    warnAt = new Date(due.getTime() - span * warnShare);
  }
  return {
    status: result.status,
    due_at: due,
    warn_at: warnAt,
    provisional: result.provisional,
    calendar_version: result.calendarVersions.at(-1) ?? null,
  };
}

export function computeStored(clock: StoredClock, calendar: WorkingCalendar, now: Date): ClockResult {
  return computeClock(clock.rule, clock.events, calendar, now);
}

export async function loadClocks(tx: Tx, caseId: string): Promise<Map<string, StoredClock>> {
  const rows = await tx
    .selectFrom('case_clock')
    .select(['id', 'code', 'rule', 'events'])
    .where('case_id', '=', caseId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.code,
      { id: r.id, code: r.code, rule: r.rule as ClockRule, events: r.events as ClockEvent[] },
    ]),
  );
}

/**
 * Writes a clock's events and computed columns. A due time that moved into the future clears the
 * warning and overdue marks, so the sweeps look at it again.
 */
export async function saveClock(tx: Tx, clock: StoredClock, columns: ClockColumns, now: Date): Promise<void> {
  const future = columns.due_at !== null && columns.due_at.getTime() > now.getTime();
  const warnLater = columns.warn_at !== null && columns.warn_at.getTime() > now.getTime();
  await tx
    .updateTable('case_clock')
    .set({
      events: JSON.stringify(clock.events),
      ...columns,
      ...(future ? { overdue_at: null, escalated_at: null } : {}),
      ...(warnLater ? { warned_at: null } : {}),
    })
    .where('id', '=', clock.id)
    .execute();
}

export function warnShareOf(def: ProcessDefinition, code: string, fallback: number): number {
  return def.clocks[code]?.warnShare ?? fallback;
}
