import type {
  AllowedAction,
  CaseSummary,
  ClockView,
  FieldDefinition,
  ProcessSummary,
  TimelineEntry,
} from '@yiwang/contracts';
import type { ClockResult, ClockRule } from '@yiwang/standards';
import type { CaseSpec, FieldDef, ProcessDefinition } from './definition.ts';

/** Definitions are read-only data; responses get plain copies. */
export function presentFields(fields: readonly FieldDef[] = []): FieldDefinition[] {
  return fields.map((f) => ({ ...f, options: f.options ? [...f.options] : undefined }));
}

export type SummaryRow = {
  id: string;
  tracking_number: string;
  process_code: string;
  process_version: number;
  title: string;
  state: string;
  owning_unit_id: string;
  unit_name_zh: string;
  unit_name_en: string;
  received_on: string;
  due_at: Date | null;
  due_clock: string | null;
  overdue: boolean;
  provisional: boolean;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  version: number;
  spec?: CaseSpec;
  applicant_user_id: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(row: SummaryRow, def: ProcessDefinition): CaseSummary {
  const state = def.states[row.state];
  return {
    id: row.id,
    trackingNumber: row.tracking_number,
    process: { code: def.code, version: def.version, name: def.name, system: def.system },
    title: row.title,
    state: {
      code: row.state,
      label: state?.label ?? { zh: row.state, en: row.state },
      terminal: Boolean(state?.terminal),
    },
    owningUnit: { id: row.owning_unit_id, name: { zh: row.unit_name_zh, en: row.unit_name_en } },
    receivedOn: row.received_on,
    dueAt: iso(row.due_at),
    dueClock: row.due_clock,
    // A case is overdue from the moment its due time passes, whether or not a sweep has run since.
    overdue: row.closed_at === null && row.due_at !== null && row.due_at.getTime() < Date.now(),
    provisional: row.provisional,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: iso(row.closed_at),
    version: row.version,
  };
}

export function presentClock(
  code: string,
  def: ProcessDefinition,
  rule: ClockRule,
  result: ClockResult,
  calendarVersion: string | null,
): ClockView {
  return {
    code,
    label: def.clocks[code]?.label ?? { zh: code, en: code },
    basis: rule.basis,
    limit: rule.limit,
    unit: rule.unit,
    status: result.status,
    startDay: result.startDay,
    dueAt: iso(result.dueAt),
    dueDay: result.dueDay,
    remaining: result.remaining,
    overdue: result.overdue,
    provisional: result.provisional,
    calendarVersion: result.calendarVersions.at(-1) ?? calendarVersion,
    pausedDays: result.pausedDays,
    extendedBy: result.extendedBy,
  };
}

const SYSTEM_ENTRIES: Record<string, { zh: string; en: string }> = {
  submit: { zh: '提交申请', en: 'Submitted' },
  'clock.warned': { zh: '临近时限提醒', en: 'Deadline approaching' },
  'clock.overdue': { zh: '已超期', en: 'Overdue' },
  'clock.escalated': { zh: '已督办', en: 'Escalated to supervision' },
  'clock.recomputed': { zh: '节假日安排调整，时限重算', en: 'Deadline recomputed after a calendar change' },
};

export function actionLabel(def: ProcessDefinition, action: string) {
  return def.actions[action]?.label ?? SYSTEM_ENTRIES[action] ?? { zh: action, en: action };
}

export function presentTimeline(
  def: ProcessDefinition,
  rows: {
    seq: number;
    action: string;
    from_state: string | null;
    to_state: string;
    actor_name: string;
    at: Date;
    input: Record<string, unknown>;
  }[],
  showInput: (action: string) => boolean,
): TimelineEntry[] {
  return rows.map((r) => ({
    seq: r.seq,
    action: r.action,
    label: actionLabel(def, r.action),
    fromState: r.from_state,
    toState: r.to_state,
    actorName: r.actor_name,
    at: r.at.toISOString(),
    input: showInput(r.action) ? r.input : {},
  }));
}

export function presentAllowed(def: ProcessDefinition, codes: string[]): AllowedAction[] {
  return codes.map((code) => {
    const spec = def.actions[code];
    return {
      code,
      label: spec?.label ?? { zh: code, en: code },
      fields: presentFields(spec?.fields),
      attachments: [...(spec?.attachments ?? [])],
    };
  });
}

export function presentProcess(def: ProcessDefinition): ProcessSummary {
  return {
    code: def.code,
    version: def.version,
    system: def.system,
    name: def.name,
    form: presentFields(def.form),
    materials: Object.entries(def.materials ?? {}).map(([slot, name]) => ({ slot, name })),
    states: Object.entries(def.states).map(([code, s]) => ({
      code,
      label: s.label,
      terminal: Boolean(s.terminal),
    })),
    actions: Object.entries(def.actions).map(([code, a]) => ({ code, label: a.label })),
    clocks: Object.entries(def.clocks).map(([code, c]) => ({
      code,
      label: c.label,
      basis: c.rule.basis,
      limit: c.rule.limit,
      unit: c.rule.unit,
    })),
  };
}
