import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/testDb.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.destroy());

// The trail itself, the migrator's bookkeeping, and login throttling counters (audited as events instead).
// A tracking counter holds only the last number given out per division and day: no information.
const EXEMPT = /^(audit_|kysely_)|^(login_attempt|tracking_counter)$/;

describe('every change is audited by the data layer', () => {
  it('every business table carries the audit trigger', async () => {
    const { rows } = await sql<{ table_name: string; audited: boolean }>`
      SELECT c.relname AS table_name,
             EXISTS (SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = c.oid AND tg.tgname = 'audit') AS audited
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`.execute(t.owner);
    const missing = rows.filter((r) => !EXEMPT.test(r.table_name) && !r.audited).map((r) => r.table_name);
    expect(rows.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('records an update with the names of the fields that changed, on a table whose trigger has no arguments', async () => {
    const id = crypto.randomUUID();
    await t.owner
      .insertInto('platform_setting')
      .values({ key: `audit-update-${id}`, value: JSON.stringify(1) })
      .execute();
    await t.owner
      .updateTable('platform_setting')
      .set({ value: JSON.stringify(2) })
      .where('key', '=', `audit-update-${id}`)
      .execute();
    const events = await t.owner
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('target_id', '=', `audit-update-${id}`)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['platform_setting.insert', 'platform_setting.update']);
    expect(events[1]?.details).toEqual({ fields: ['value'] });
  });

  it('no module touches the audit tables or writes audit events by hand', () => {
    const modules = fileURLToPath(new URL('../../src/modules', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const text = fs.readFileSync(file, 'utf8');
          if (/audit_(event|pending|leaf|checkpoint)|platform\/audit\//.test(text))
            offenders.push(path.relative(modules, file));
        }
      }
    };
    walk(modules);
    expect(offenders).toEqual([]);
  });
});
