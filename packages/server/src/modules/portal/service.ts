import { randomInt } from 'node:crypto';
import type { CreateSiteFeedback, PortalArticle, SiteFeedbackReceipt } from '@yiwang/contracts';
import { chinaDateOf } from '@yiwang/standards';
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';
import type { PortalArticleTable } from '../../platform/db/schema.ts';
import { highlight } from '../../platform/search/query.ts';
import { insertSiteFeedback } from './queries.ts';

type ArticleRow = Pick<
  Selectable<PortalArticleTable>,
  | 'id'
  | 'category'
  | 'title_zh'
  | 'title_en'
  | 'summary_zh'
  | 'summary_en'
  | 'publisher_zh'
  | 'publisher_en'
  | 'classification'
> & { published_at: Date };

export function presentArticle(row: ArticleRow, words: string[] = []): PortalArticle {
  return {
    classification: row.classification,
    ...(words.length > 0
      ? { highlight: { title: highlight(row.title_zh, words), summary: highlight(row.summary_zh, words) } }
      : {}),
    id: row.id,
    category: row.category,
    title: { zh: row.title_zh, en: row.title_en },
    summary: { zh: row.summary_zh, en: row.summary_en },
    publisher: { zh: row.publisher_zh, en: row.publisher_en },
    publishedAt: row.published_at.toISOString(),
  };
}

// No I, O, 0 or 1, so a code read out over the phone is not misheard.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** JC-20261129-7K3M9Q: the day in Beijing, then 30 random bits. */
function feedbackTrackingCode(now: Date): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `JC-${chinaDateOf(now).replaceAll('-', '')}-${suffix}`;
}

export async function receiveSiteFeedback(
  db: Db,
  input: CreateSiteFeedback,
  requestId: string,
): Promise<SiteFeedbackReceipt> {
  const row = await insertSiteFeedback(db, {
    ...input,
    id: uuidv7(),
    trackingCode: feedbackTrackingCode(new Date()),
    requestId,
  });
  return { trackingCode: row.tracking_code, receivedAt: row.received_at.toISOString() };
}

/** RFC 4180 CSV of articles, with a byte-order mark so spreadsheets read the Chinese right. */
export function articlesToCsv(rows: ArticleRow[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = rows.map((r) =>
    [r.published_at.toISOString(), r.category, r.classification, r.title_zh, r.title_en, r.publisher_zh]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${['publishedAt,category,classification,titleZh,titleEn,publisherZh', ...lines].join('\r\n')}\r\n`;
}
