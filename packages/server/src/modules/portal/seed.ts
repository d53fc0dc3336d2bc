import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';
import { indexWords } from '../../platform/search/query.ts';

type DemoArticle = {
  category: 'news' | 'notice';
  /** Internal notices reach only staff of the owning unit's reach (DESIGN §2). */
  internalTo?: string;
  daysAgo: number;
  zh: [title: string, summary: string, publisher: string];
  en: [title: string, summary: string, publisher: string];
};

// Demo content only: plausible, clearly dated, attributed to units that the org seed will hold.
const DEMO_ARTICLES: DemoArticle[] = [
  {
    category: 'news',
    daysAgo: 1,
    zh: [
      '全省一体化政务服务平台上线试运行',
      '“一网、一平台、一中心”建设迈出关键一步，群众办事可在网上一站办理。',
      '省政务服务管理办公室',
    ],
    en: [
      'Province-wide e-government platform enters trial operation',
      'A key step towards "one network, one platform, one service centre": services in one place online.',
      'Provincial Government Services Administration Office',
    ],
  },
  {
    category: 'news',
    daysAgo: 3,
    zh: [
      '哈尔滨市政务服务中心推行“一窗受理”',
      '综合窗口统一收件，后台分类审批，统一窗口出件。',
      '哈尔滨市政务服务中心',
    ],
    en: [
      'Harbin service centre introduces single-window acceptance',
      'One window takes every application; departments decide behind it; results come back through the same window.',
      'Harbin Government Services Centre',
    ],
  },
  {
    category: 'news',
    daysAgo: 6,
    zh: [
      '省市场监督管理局压缩食品经营许可办理时限',
      '承诺办理时限由法定20个工作日压缩至10个工作日。',
      '省市场监督管理局',
    ],
    en: [
      'Market regulation bureau shortens food business licence handling',
      'The committed time limit falls from the statutory 20 working days to 10.',
      'Provincial Administration for Market Regulation',
    ],
  },
  {
    category: 'notice',
    daysAgo: 2,
    zh: [
      '关于平台系统维护的公告',
      '本周六凌晨2:00至4:00进行系统维护，期间网上办事暂停服务。',
      '省政务服务管理办公室',
    ],
    en: [
      'Notice of scheduled platform maintenance',
      'Online services pause on Saturday from 02:00 to 04:00 for maintenance.',
      'Provincial Government Services Administration Office',
    ],
  },
  {
    category: 'notice',
    daysAgo: 5,
    zh: [
      '关于公开征求《政务数据共享管理办法（征求意见稿）》意见的通知',
      '欢迎社会各界通过互动交流栏目提出意见建议，截止日期为公告之日起30日。',
      '省政务服务管理办公室',
    ],
    en: [
      'Call for comments on the draft Measures on Government Data Sharing',
      'Comments are welcome through the Interaction section for 30 days from this notice.',
      'Provincial Government Services Administration Office',
    ],
  },
  {
    category: 'notice',
    daysAgo: 4,
    internalTo: '230100-SCJG',
    zh: [
      '关于做好食品经营许可审查人员轮岗的内部通知',
      '本局审查人员轮岗安排及交接要求，仅限本局工作人员阅知。',
      '哈尔滨市市场监督管理局',
    ],
    en: [
      'Internal notice: rotation of food licence reviewers',
      'Rotation and hand-over for the bureau’s reviewers; for the bureau’s staff only.',
      'Harbin Administration for Market Regulation',
    ],
  },
  {
    category: 'notice',
    daysAgo: 9,
    zh: [
      '2027年部分节假日安排的通知',
      '根据国务院办公厅通知，平台将同步更新工作日历，法定时限按新日历计算。',
      '省政府办公厅',
    ],
    en: [
      'Public holidays in 2027',
      'Following the State Council notice, the platform updates its working-day calendar; statutory time limits follow it.',
      'General Office of the Provincial Government',
    ],
  },
];

/** Demo portal content; skipped when any article exists, so a restart never duplicates it. */
export async function seedPortalDemo(db: Db, now = new Date()): Promise<number> {
  const existing = await db
    .selectFrom('portal_article')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  if ((existing?.n ?? 0) > 0) return 0;
  const units = new Map(
    (await db.selectFrom('org_unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
  );
  const day = 24 * 60 * 60 * 1000;
  await db
    .insertInto('portal_article')
    .values(
      // An internal notice needs its owning unit: without the demo departments it is left out.
      DEMO_ARTICLES.filter((a) => !a.internalTo || units.has(a.internalTo)).map((a) => ({
        id: uuidv7(),
        category: a.category,
        title_zh: a.zh[0],
        summary_zh: a.zh[1],
        publisher_zh: a.zh[2],
        title_en: a.en[0],
        summary_en: a.en[1],
        publisher_en: a.en[2],
        published_at: new Date(now.getTime() - a.daysAgo * day),
        search_words: indexWords(a.zh[0], a.zh[1], a.en[0], a.en[1]),
        ...(a.internalTo
          ? { classification: 'internal' as const, owning_unit_id: units.get(a.internalTo) ?? null }
          : {}),
      })),
    )
    .execute();
  return DEMO_ARTICLES.filter((a) => !a.internalTo || units.has(a.internalTo)).length;
}

/** Articles written before search existed get their words, once, at start. */
export async function indexUnsearchableArticles(db: Db): Promise<number> {
  const rows = await db
    .selectFrom('portal_article')
    .select(['id', 'title_zh', 'summary_zh', 'title_en', 'summary_en'])
    .where('search_words', '=', sql<string[]>`'{}'::text[]`)
    .execute();
  for (const r of rows) {
    const words = indexWords(r.title_zh, r.summary_zh, r.title_en, r.summary_en);
    await db.updateTable('portal_article').set({ search_words: words }).where('id', '=', r.id).execute();
  }
  return rows.length;
}
