// What the audit trail costs a write: single-row insert transactions into a table with the
// audit trigger (an audit event and a pending row in the same transaction) next to the same
// inserts into an identical table without it, same run, same server, 50 clients.
// `npm run bench:audit-write`
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction } from '../packages/server/src/platform/db/transaction.ts';
import { benchDatabase, closedLoop } from './lib/database.ts';
import { machine, saveReport } from './lib/server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const clients = Number(process.env.BENCH_CLIENTS ?? 50);

const row = () => ({
  id: uuidv7(),
  category: 'news' as const,
  title_zh: '基准测试',
  title_en: 'bench',
  summary_zh: '',
  summary_en: '',
  publisher_zh: '',
  publisher_en: '',
  published_at: new Date(),
});

const db = await benchDatabase();
try {
  await sql`CREATE TABLE bench_plain (LIKE portal_article INCLUDING ALL)`.execute(db.owner);
  await sql`GRANT ALL ON bench_plain TO yiwang_app`.execute(db.owner);
  const actor = { userId: null, requestId: 'bench' };
  const insertInto = (table: 'portal_article') => () =>
    inTransaction(db.app, actor, (tx) => tx.insertInto(table).values(row()).execute()).then(() => undefined);
  const runPlain = () => closedLoop(clients, seconds, insertInto('bench_plain' as 'portal_article'));
  const runAudited = () => closedLoop(clients, seconds, insertInto('portal_article'));
  // Warm both paths, then alternate, so neither side gets the cold cache or the later checkpoint alone.
  await closedLoop(clients, 2, insertInto('bench_plain' as 'portal_article'));
  await closedLoop(clients, 2, insertInto('portal_article'));
  const runs = { plain: [await runPlain()], audited: [await runAudited()] };
  runs.audited.push(await runAudited());
  runs.plain.push(await runPlain());
  const best = <T extends { perSecond: number }>(xs: T[]) =>
    xs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const plain = best(runs.plain);
  const audited = best(runs.audited);
  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    database: db.description,
    clients,
    seconds,
    withoutAudit: plain,
    withAudit: audited,
    ratio: Number((audited.perSecond / plain.perSecond).toFixed(3)),
  };
  console.table({ withoutAudit: plain, withAudit: audited });
  console.log(`audited/plain throughput ratio: ${report.ratio}`);
  saveReport('audit-write', report);
} finally {
  await db.stop();
}
