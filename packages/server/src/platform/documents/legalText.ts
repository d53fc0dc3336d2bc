import { startOfChinaDate } from '@yiwang/standards';
import { z } from 'zod';

/**
 * The small pieces of official Chinese every template shares: legal dates written the way
 * GB/T 9704-2012 §7.3.5 writes 成文日期 (Arabic numerals, no zero padding: 2026年3月1日), day
 * counts in Chinese numerals (二十日), and the schemas of the parameters that recur.
 */

/** A legal date 'YYYY-MM-DD' in China Standard Time that really exists (no 2026-02-30). */
export const legalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a legal date is written YYYY-MM-DD')
  .refine(
    (v) => {
      try {
        startOfChinaDate(v);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a real date' },
  );
export type LegalDate = z.infer<typeof legalDate>;

/** '2026-03-01' → '2026年3月1日'. */
export function chineseDate(date: string): string {
  startOfChinaDate(date);
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 'March 1, 2026', for the English reference renderings. */
export function englishDate(date: string): string {
  startOfChinaDate(date);
  const months =
    'January February March April May June July August September October November December'.split(' ');
  const [y, m, d] = date.split('-').map(Number);
  return `${months[(m ?? 1) - 1]} ${d}, ${y}`;
}

const DIGITS = '〇一二三四五六七八九';

/** 1–999 in Chinese numerals as periods are written in legal text: 5 → 五, 20 → 二十, 15 → 十五, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`not written in words: ${n}`);
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const hundreds = `${DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return hundreds;
  if (rest < 10) return `${hundreds}零${DIGITS[rest]}`;
  return hundreds + (rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest));
}

/** A person's or organisation's name as it stands on an ID card or a business licence. */
export const partyName = z.string().trim().min(1).max(100);

/** Who the document is addressed to: "你" for a person, "你单位" for an organisation. */
export const partyKind = z.enum(['person', 'organisation']);
export type PartyKind = z.infer<typeof partyKind>;
export const pronoun = (kind: PartyKind) => (kind === 'person' ? '你' : '你单位');

/** A document number as GB/T 9704-2012 §7.2.4 writes it: 机关代字 + 〔年份〕 + 序号 + 号, e.g. 哈市监许〔2026〕15号. */
export const documentNumber = z
  .string()
  .regex(
    /^[^\s〔〕]+〔\d{4}〕[1-9]\d*号$/,
    'a document number reads like 哈市监许〔2026〕15号 (no leading zeros)',
  );

/** A tracking number of the case engine: division-yyyymmdd-nnnnnn. */
export const trackingNumber = z
  .string()
  .regex(/^\d{6}-\d{8}-\d{6}$/, 'a tracking number reads like 230100-20261129-000123');

/** A short free text written by staff (a reason, a missing item). */
export const clause = z.string().trim().min(1).max(500);

/** Ends a clause with the full stop it lacks, so that staff may write reasons with or without one. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；]$/.test(t) ? t : `${t}。`;
}

/** The same for the English renderings. */
export function englishSentence(text: string): string {
  const t = text.trim();
  return /[.!?;]$/.test(t) ? t : `${t}.`;
}
