import { type Kysely, sql } from 'kysely';

/**
 * Portal articles become the first records that carry a classification (DESIGN §2): most are
 * public; internal notices reach only the staff the rule allows. The owning unit may be empty
 * for public articles written before the org tree existed. Search words are cut by jieba when an
 * article is written; the tsvector is built from them directly (array_to_tsvector), so no text
 * search parser or locale decides what a Chinese word is, on the embedded server or any other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE portal_article
      ADD COLUMN classification text NOT NULL DEFAULT 'public'
        CHECK (classification IN ('public', 'scoped', 'internal', 'confidential')),
      ADD COLUMN owning_unit_id uuid REFERENCES org_unit (id),
      ADD COLUMN scope_unit_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN scope_role_codes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN scope_user_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN need_roles text[] NOT NULL DEFAULT '{}',
      ADD COLUMN named_user_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN search_words text[] NOT NULL DEFAULT '{}',
      ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (array_to_tsvector(search_words)) STORED,
      ADD CONSTRAINT article_owner CHECK (classification = 'public' OR owning_unit_id IS NOT NULL),
      ADD CONSTRAINT article_scope CHECK ((classification = 'scoped') = NOT (
        cardinality(scope_unit_ids) = 0 AND cardinality(scope_role_codes) = 0 AND cardinality(scope_user_ids) = 0)),
      ADD CONSTRAINT article_need CHECK (classification = 'internal' OR cardinality(need_roles) = 0),
      ADD CONSTRAINT article_named CHECK ((classification = 'confidential') = NOT (cardinality(named_user_ids) = 0))`.execute(
    db,
  );
  await sql`CREATE INDEX portal_article_search ON portal_article USING gin (search_vector)`.execute(db);
  await sql`CREATE INDEX portal_article_by_owning_unit ON portal_article (owning_unit_id, classification)`.execute(
    db,
  );
}
