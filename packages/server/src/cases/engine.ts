// Time-ordered ids keep the primary-key indexes append-only (no full-page writes on random keys).

import { type ClockRule, receiptDayOf, type WorkingCalendar } from '@yiwang/standards';
import { sql, type Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../platform/access/principal.ts';
import type { FieldCipher } from '../platform/crypto/index.ts';
import type { CaseRecordTable } from '../platform/db/tables/cases.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { CalendarSource } from './calendarSource.ts';
import {
  applyEffects,
  type ClockColumns,
  clockColumns,
  computeStored,
  loadClocks,
  saveClock,
  warnShareOf,
} from './clocks.ts';
import type { CaseSpec, ClockEffect, ProcessDefinition } from './definition.ts';
import type { ProcessRegistry } from './registry.ts';

/** A message for someone's inbox (and SMS or e-mail when configured), as a code with parameters. */
export type CaseMessage = {
  recipientUserId: string;
  code: string;
  params: Record<string, unknown>;
  caseId?: string;
  link?: string;
};
export type Notifier = (tx: Tx, message: CaseMessage) => Promise<void>;

/** What the engine runs on; built once in the composition root. */
export type CaseEngine = {
  registry: ProcessRegistry;
  calendars: CalendarSource;
  cipher: FieldCipher;
  notify: Notifier;
  /** Share of a clock's time left when the warning goes out, unless its definition says otherwise. */
  warnShare: number;
  /** Per process code: the module's work after each action (documents, registers). */
  afterAction?: Readonly<Record<string, AfterAction>>;
};

/** Who acts: a person through the API, or the platform itself (a sweep's deemed outcome). */
export type Actor = { kind: 'person'; principal: Principal } | { kind: 'platform' };

export const PLATFORM_ACTOR_NAME = '平台（自动）';

export type CaseRow = {
  id: string;
  process_code: string;
  process_version: number;
  tracking_number: string;
  owning_unit_id: string;
  applicant_user_id: string | null;
  title: string;
  state: string;
  version: number;
  received_on: string;
  spec?: CaseSpec;
};

/** What a module does after an action of its process, in the same transaction (issue a notice). */
export type AfterAction = (
  tx: Tx,
  event: {
    row: CaseRow;
    def: ProcessDefinition;
    action: string;
    input: Record<string, unknown>;
    actor: Actor;
    now: Date;
  },
) => Promise<void>;

export function actorName(actor: Actor): string {
  return actor.kind === 'person' ? actor.principal.displayName : PLATFORM_ACTOR_NAME;
}

/** Appends one entry to a case's timeline; the case row is locked, so the next seq is safe. */
export async function appendTimeline(
  tx: Tx,
  entry: {
    caseId: string;
    action: string;
    from: string | null;
    to: string;
    actor: Actor;
    at: Date;
    input?: Record<string, unknown>;
  },
): Promise<void> {
  await tx
    .insertInto('case_action')
    .values({
      id: uuidv7(),
      case_id: entry.caseId,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM case_action WHERE case_id = ${entry.caseId})`,
      action: entry.action,
      from_state: entry.from,
      to_state: entry.to,
      actor_user_id: entry.actor.kind === 'person' ? entry.actor.principal.userId : null,
      actor_name: actorName(entry.actor),
      at: entry.at,
      input: JSON.stringify(entry.input ?? {}),
    })
    .execute();
}

export type CreateInput = {
  def: ProcessDefinition;
  principal: Principal;
  unit: { id: string; divisionCode: string };
  title: string;
  form: Record<string, unknown>;
  trackingNumber: string;
  lookupHash: Buffer;
  now: Date;
  /** Fixed at opening; see CaseSpec. */
  spec?: CaseSpec;
  /** What the case is about, e.g. the service version applied for. */
  subjectId?: string;
  /** A clock's rule for this case (a service's own limit and basis); null leaves the clock out. */
  clockRules?: Readonly<Record<string, ClockRule | null>>;
};

/** Opens a case: its row, its clocks (those the process starts at receipt), the first timeline entry. */
export async function openCase(engine: CaseEngine, tx: Tx, input: CreateInput): Promise<CaseRow> {
  const { def, principal, now } = input;
  const calendar = await engine.calendars.current(tx);
  const receivedOn = receiptDayOf(now, calendar);
  const id = uuidv7();
  const row: CaseRow = {
    id,
    process_code: def.code,
    process_version: def.version,
    tracking_number: input.trackingNumber,
    owning_unit_id: input.unit.id,
    applicant_user_id: principal.kind === 'staff' ? null : principal.userId,
    title: input.title,
    state: def.initialState,
    version: 1,
    received_on: receivedOn,
    spec: input.spec ?? {},
  };
  const { spec, ...columns } = row;
  await tx
    .insertInto('case_record')
    .values({
      ...columns,
      spec: JSON.stringify(spec),
      subject_id: input.subjectId ?? null,
      form_version: def.formVersion,
      lookup_hash: input.lookupHash,
      division_code: input.unit.divisionCode,
      form_data: JSON.stringify(input.form),
      due_at: null,
      due_clock: null,
      closed_at: null,
    })
    .execute();
  await tx
    .insertInto('case_clock')
    .values(
      clocksFor(def, input.clockRules).map(([code, rule]) => ({
        id: uuidv7(),
        case_id: id,
        code,
        rule: JSON.stringify(rule),
        events: '[]',
        status: 'not_started' as const,
        due_at: null,
        warn_at: null,
        warned_at: null,
        overdue_at: null,
        escalated_at: null,
        calendar_version: null,
      })),
    )
    .execute();
  const actor: Actor = { kind: 'person', principal };
  await appendTimeline(tx, {
    caseId: id,
    action: 'submit',
    from: null,
    to: def.initialState,
    actor,
    at: now,
  });
  await runClockEffects(engine, tx, row, def, def.create.clocks ?? [], {
    actor,
    action: 'submit',
    now,
    calendar,
  });
  return row;
}

function clocksFor(def: ProcessDefinition, overrides: CreateInput['clockRules'] = {}): [string, ClockRule][] {
  return Object.entries(def.clocks).flatMap(([code, clock]): [string, ClockRule][] => {
    const override = overrides[code];
    if (override === null) return [];
    return [[code, override ?? clock.rule]];
  });
}

/** What an action changes on the case row besides its due columns. */
export type CaseColumns = Updateable<CaseRecordTable>;

type EffectRun = {
  actor: Actor;
  action: string;
  now: Date;
  calendar: WorkingCalendar;
  reason?: string;
  caseColumns?: CaseColumns;
};

/**
 * Applies an action's clock effects, recomputes every clock of the case with the calendar in
 * force, and writes the case's earliest running due time into its indexed columns.
 */
export async function runClockEffects(
  engine: CaseEngine,
  tx: Tx,
  row: CaseRow,
  def: ProcessDefinition,
  effects: readonly ClockEffect[],
  run: EffectRun,
): Promise<void> {
  const clocks = await loadClocks(tx, row.id);
  if (clocks.size === 0) {
    if (run.caseColumns)
      await tx.updateTable('case_record').set(run.caseColumns).where('id', '=', row.id).execute();
    return;
  }
  const changed = applyEffects(clocks, effects, {
    at: run.now,
    actorName: actorName(run.actor),
    reason: run.reason,
    receivedOn: row.received_on,
    action: run.action,
    extendBy: row.spec?.extendBy,
  });
  const computed = new Map<string, ClockColumns>();
  for (const clock of clocks.values()) {
    const result = computeStored(clock, run.calendar, run.now);
    computed.set(
      clock.code,
      clockColumns(result, clock.events, warnShareOf(def, clock.code, engine.warnShare)),
    );
  }
  for (const code of changed) {
    const clock = clocks.get(code);
    const columns = computed.get(code);
    if (clock && columns) await saveClock(tx, clock, columns, run.now);
  }
  await writeCaseDue(tx, row.id, computed, run.now, run.caseColumns);
}

export async function writeCaseDue(
  tx: Tx,
  caseId: string,
  computed: Map<string, ClockColumns>,
  now: Date,
  /** The action's own changes to the case row, written in the same statement. */
  also: CaseColumns = {},
): Promise<void> {
  let earliest: { code: string; due: Date } | null = null;
  let provisional = false;
  for (const [code, columns] of computed) {
    if (columns.status !== 'running' || !columns.due_at) continue;
    provisional ||= columns.provisional;
    if (!earliest || columns.due_at < earliest.due) earliest = { code, due: columns.due_at };
  }
  await tx
    .updateTable('case_record')
    .set({
      due_at: earliest?.due ?? null,
      due_clock: earliest?.code ?? null,
      overdue: earliest !== null && earliest.due.getTime() < now.getTime(),
      provisional,
      ...also,
    })
    .where('id', '=', caseId)
    .execute();
}
