import type { AuditEvent, AuditEventQuery } from '@yiwang/contracts';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Newest first, keyset-paged on the UUIDv7 id, which orders by time. */
export async function searchEvents(
  db: Db,
  q: AuditEventQuery,
): Promise<{ items: AuditEvent[]; nextBefore: string | null }> {
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('audit_leaf as l', 'l.event_id', 'e.id')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.actor_user_id',
      'e.actor_org_unit_id',
      'e.action',
      'e.target_type',
      'e.target_id',
    ])
    .select(['e.outcome', 'e.client_ip', 'e.request_id', 'e.details', 'l.leaf_index'])
    .select(sql<string | null>`coalesce(u.username, u.display_name)`.as('actor_name'))
    .orderBy('e.id', 'desc')
    .limit(q.limit + 1);
  if (q.action) query = query.where('e.action', 'like', `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.outcome) query = query.where('e.outcome', '=', q.outcome);
  if (q.actorUserId) query = query.where('e.actor_user_id', '=', q.actorUserId);
  if (q.targetId) query = query.where('e.target_id', '=', q.targetId);
  if (q.from) query = query.where('e.occurred_at', '>=', new Date(q.from));
  if (q.to) query = query.where('e.occurred_at', '<', new Date(q.to));
  if (q.before) query = query.where('e.id', '<', q.before);
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      actorOrgUnitId: r.actor_org_unit_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      outcome: r.outcome,
      clientIp: r.client_ip,
      requestId: r.request_id,
      details: r.details,
      leafIndex: r.leaf_index,
    })),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

const CSV_COLUMNS = [
  'occurredAt',
  'actorName',
  'actorUserId',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'clientIp',
  'requestId',
  'leafIndex',
  'details',
  'id',
] as const;

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are defused with a quote. */
export function eventsToCsv(events: AuditEvent[]): string {
  const cell = (v: unknown) => {
    let text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = events.map((e) => CSV_COLUMNS.map((c) => cell(e[c])).join(','));
  return `\uFEFF${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

export async function auditStatus(db: Db) {
  const counts = await sql<{ events: number; sequenced: number; pending: number }>`
    SELECT (SELECT count(*)::int FROM audit_event) AS events,
           (SELECT count(*)::int FROM audit_leaf) AS sequenced,
           (SELECT count(*)::int FROM audit_pending) AS pending`.execute(db);
  const checkpoints = await db
    .selectFrom('audit_checkpoint')
    .selectAll()
    .orderBy('tree_size', 'desc')
    .limit(20)
    .execute();
  const shown = checkpoints.map((c) => ({
    treeSize: c.tree_size,
    rootHash: c.root_hash.toString('hex'),
    madeAt: c.made_at.toISOString(),
    keyId: c.key_id,
  }));
  const row = counts.rows[0] ?? { events: 0, sequenced: 0, pending: 0 };
  return { ...row, lastCheckpoint: shown[0] ?? null, checkpoints: shown };
}
