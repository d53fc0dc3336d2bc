import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Caller, type DemoWorld, demoWorld, sessionFor, signedIn } from '../harness/people.ts';

/**
 * An internal notice of 哈尔滨市市场监督管理局 (demo seed) must reach only staff whose reach
 * covers that bureau — through every door: the list, the total, a search, its highlights and
 * the CSV export. The officers, other bureaus, citizens and anonymous callers see nothing of it.
 */
let world: DemoWorld;
const INTERNAL = '关于做好食品经营许可审查人员轮岗的内部通知';
const callers: Record<string, Caller | undefined> = {};

beforeAll(async () => {
  world = await demoWorld();
  const { s, t } = world;
  for (const username of ['clerk', 'deptadmin', 'petition', 'secadmin', 'sysadmin', 'secauditor']) {
    callers[username] = await signedIn(s, username);
  }
  const citizen = await t.db
    .selectFrom('app_user')
    .select('id')
    .where('kind', '=', 'citizen')
    .executeTakeFirstOrThrow();
  callers.citizen = await sessionFor(s, citizen.id);
  callers.anonymous = undefined;
});
afterAll(() => world.close());

// clerk: a unit membership at the bureau; deptadmin: the provincial bureau with line reach.
const mayRead = new Set(['clerk', 'deptadmin']);

const get = (who: string, url: string) => as(world.app, callers[who])({ url });

describe('an internal notice behind the classification rule', () => {
  it('appears in the list and the total only for staff who may read it', async () => {
    for (const who of Object.keys(callers)) {
      const res = await get(who, '/api/v1/portal/articles?category=notice&limit=50');
      const body = res.json();
      const titles = body.items.map((a: { title: { zh: string } }) => a.title.zh);
      expect(titles.includes(INTERNAL), who).toBe(mayRead.has(who));
      expect(body.total, who).toBe(body.items.length);
      expect(body.total, who).toBe(mayRead.has(who) ? 4 : 3);
    }
  });

  it('is found by a search, with highlights, only by them', async () => {
    for (const who of Object.keys(callers)) {
      const res = await get(who, `/api/v1/portal/articles?q=${encodeURIComponent('审查人员轮岗')}`);
      const body = res.json();
      expect(body.total, who).toBe(mayRead.has(who) ? 1 : 0);
      expect(JSON.stringify(body).includes('轮岗'), who).toBe(mayRead.has(who));
      if (mayRead.has(who)) {
        const hits = body.items[0].highlight.title
          .filter((p: { hit: boolean }) => p.hit)
          .map((p: { text: string }) => p.text);
        expect(hits).toEqual(expect.arrayContaining(['审查', '人员', '轮岗']));
      }
    }
  });

  it('a search for public words still finds public articles for everyone', async () => {
    const res = await get('anonymous', `/api/v1/portal/articles?q=${encodeURIComponent('食品经营许可')}`);
    expect(res.json().items.map((a: { title: { zh: string } }) => a.title.zh)).toEqual([
      '省市场监督管理局压缩食品经营许可办理时限',
    ]);
    expect(res.json().items[0].highlight.title).toContainEqual({ text: '食品', hit: true });
  });

  it('is in the CSV export only for them', async () => {
    for (const who of Object.keys(callers)) {
      const res = await get(who, '/api/v1/portal/articles.csv?category=notice&limit=50');
      expect(res.statusCode).toBe(200);
      expect(res.body.includes('轮岗'), who).toBe(mayRead.has(who));
    }
  });

  it('records each reading of it, by whom, with no content', async () => {
    const reads = await world.t.owner
      .selectFrom('audit_event')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'classified.read')
      .execute();
    const readers = new Set(reads.map((r) => r.actor_user_id));
    expect(readers.has(callers.clerk?.userId ?? '')).toBe(true);
    expect(readers.has(callers.secadmin?.userId ?? '')).toBe(false);
    expect(JSON.stringify(reads)).not.toContain('轮岗');
  });
});
