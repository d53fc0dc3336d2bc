import type { CaseAttachment, CaseDetail } from '@yiwang/contracts';
import { type ClockEvent, type ClockRule, computeClock } from '@yiwang/standards';
import type { Principal } from '../platform/access/principal.ts';
import type { Db } from '../platform/db/database.ts';
import type { Tx } from '../platform/db/transaction.ts';
import type { CaseEngine } from './engine.ts';
import { allowedActions, type CaseFacts, isApplicantOf } from './policy.ts';
import {
  presentAllowed,
  presentClock,
  presentFields,
  presentSummary,
  presentTimeline,
  type SummaryRow,
} from './present.ts';
import { selectSummaries } from './queries.ts';

/** Lists a case's uploaded materials; given by the file store. */
export type AttachmentLister = (db: Db | Tx, caseId: string) => Promise<CaseAttachment[]>;

export async function loadSummaryRow(db: Db | Tx, id: string): Promise<SummaryRow | undefined> {
  return (await selectSummaries(db as Db)
    .where('c.id', '=', id)
    .executeTakeFirst()) as SummaryRow | undefined;
}

/**
 * Everything a case page shows, for this viewer: the applicant sees what they were told (the
 * inputs of actions that notify them), staff see the whole timeline.
 */
export async function loadDetail(
  engine: CaseEngine & { listAttachments?: AttachmentLister },
  db: Db | Tx,
  row: SummaryRow,
  viewer: Principal | undefined,
  facts: CaseFacts,
): Promise<CaseDetail> {
  const def = engine.registry.get(row.process_code, row.process_version);
  const [form, clocks, timeline, calendar, attachments] = await Promise.all([
    db.selectFrom('case_record').select('form_data').where('id', '=', row.id).executeTakeFirstOrThrow(),
    db
      .selectFrom('case_clock')
      .select(['code', 'rule', 'events', 'calendar_version'])
      .where('case_id', '=', row.id)
      .execute(),
    db
      .selectFrom('case_action')
      .select(['seq', 'action', 'from_state', 'to_state', 'actor_name', 'at', 'input'])
      .where('case_id', '=', row.id)
      .orderBy('seq')
      .execute(),
    engine.calendars.current(db),
    engine.listAttachments?.(db, row.id) ?? Promise.resolve([]),
  ]);
  const now = new Date();
  const applicantView = isApplicantOf(viewer, facts) && viewer?.kind !== 'staff';
  const told = (action: string) => action === 'submit' || Boolean(def.actions[action]?.notifyApplicant);
  return {
    case: presentSummary(row, def),
    form: form.form_data,
    formFields: presentFields(def.form),
    clocks: clocks
      .filter((c) => (c.events as ClockEvent[]).length > 0)
      .map((c) => {
        const rule = c.rule as ClockRule;
        const result = computeClock(rule, c.events as ClockEvent[], calendar, now);
        return presentClock(c.code, def, rule, result, c.calendar_version);
      }),
    timeline: presentTimeline(def, timeline, (action) => !applicantView || told(action)),
    allowedActions: presentAllowed(def, allowedActions(viewer, def, facts)),
    materials: row.spec?.materials
      ? Object.entries(row.spec.materials)
          .sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0))
          .map(([slot, m]) => ({ slot, name: { zh: m.zh, en: m.en }, required: m.required }))
      : Object.entries(def.materials ?? {}).map(([slot, name]) => ({ slot, name, required: false })),
    attachments,
  };
}
