import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Loading the dictionary takes a moment: once per process, on first use.
let jieba: Jieba | undefined;
const segmenter = () => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

const WORD = /[\p{L}\p{N}]/u;

/**
 * Chinese has no spaces between words, so text is cut into words (jieba, search mode: long words
 * and their parts) when it is written; PostgreSQL's 'simple' configuration then indexes the
 * space-separated words, the same on the embedded server and on any PostgreSQL server.
 */
export function segmentForIndex(...texts: string[]): string {
  return texts
    .flatMap((text) => segmenter().cutForSearch(text.normalize('NFKC'), true))
    .map((w) => w.trim().toLowerCase())
    .filter((w) => WORD.test(w))
    .join(' ');
}

/** The words of a query, cut the same way (exact mode: a query word is not split further). */
export function queryWords(query: string): string[] {
  return segmenter()
    .cut(query.normalize('NFKC'), true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => WORD.test(w))
    .slice(0, 16);
}

/** Highlights come back on the segmented text; put the words back together for display. */
export function joinSegmented(text: string): string {
  // A space between two characters that are not Latin letters or digits was put there by the cut.
  return text.replace(/(?<=[^\sA-Za-z0-9]) (?=[^\sA-Za-z0-9])/gu, '');
}
