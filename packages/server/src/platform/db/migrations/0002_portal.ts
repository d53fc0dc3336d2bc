import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE portal_article (
      id uuid PRIMARY KEY,
      category text NOT NULL CHECK (category IN ('news', 'notice')),
      title_zh text NOT NULL,
      title_en text NOT NULL,
      summary_zh text NOT NULL,
      summary_en text NOT NULL,
      publisher_zh text NOT NULL,
      publisher_en text NOT NULL,
      published_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX portal_article_by_category ON portal_article (category, published_at DESC)`.execute(
    db,
  );
  await sql`
    CREATE TABLE site_feedback (
      id uuid PRIMARY KEY,
      tracking_code text NOT NULL UNIQUE,
      page text NOT NULL,
      category text NOT NULL CHECK (category IN ('broken_link', 'wrong_content', 'accessibility', 'other')),
      description text NOT NULL,
      request_id text NOT NULL,
      status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'handled')),
      received_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
