import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { queryWords, segmentForIndex } from './segment.ts';

/** The distinct words to store for a text, as cut for the index. */
export function indexWords(...texts: string[]): string[] {
  return [
    ...new Set(
      segmentForIndex(...texts)
        .split(' ')
        .filter(Boolean),
    ),
  ];
}

/**
 * A full-text match on a column built with array_to_tsvector. The query is written in tsquery's
 * own input syntax (each word quoted, all required), so no parser or locale is involved.
 */
export function matchesWords(vectorColumn: string, words: string[]): RawBuilder<SqlBool> {
  const literal = words.map((w) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`).join(' & ');
  return sql<SqlBool>`${sql.ref(vectorColumn)} @@ ${literal}::tsquery`;
}

export type HighlightPart = { text: string; hit: boolean };

/**
 * Where the query's words occur in a text, as parts to render; computed only over records the
 * query already let through, so a highlight can never show what a person may not read.
 */
export function highlight(text: string, words: string[]): HighlightPart[] {
  const needles = words.filter(Boolean).sort((a, b) => b.length - a.length);
  if (needles.length === 0) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const parts: HighlightPart[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const hit = needles.find((n) => lower.startsWith(n, i));
    if (!hit) {
      plain += text[i];
      i += 1;
      continue;
    }
    if (plain) parts.push({ text: plain, hit: false });
    plain = '';
    parts.push({ text: text.slice(i, i + hit.length), hit: true });
    i += hit.length;
  }
  if (plain) parts.push({ text: plain, hit: false });
  return parts;
}

export { queryWords };
