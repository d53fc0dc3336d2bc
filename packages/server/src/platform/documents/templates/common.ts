import { z } from 'zod';
import {
  chineseDate,
  chineseNumber,
  clause,
  englishDate,
  legalDate,
  partyKind,
  partyName,
  pronoun,
  trackingNumber,
} from '../legalText.ts';
import type { TemplateDefinition } from '../types.ts';

/** Builds a template and keeps its parameter type tied to its schema. */
export function defineTemplate<S extends z.ZodType>(
  t: Omit<TemplateDefinition<z.infer<S>>, 'params'> & { params: S },
): TemplateDefinition<z.infer<S>> {
  return t as TemplateDefinition<z.infer<S>>;
}

/** Who applied, for which service, under which tracking number, on which day. */
export const applicationFields = {
  applicant: z.object({ name: partyName, kind: partyKind }),
  serviceName: z.string().trim().min(1).max(100),
  trackingNumber,
  appliedOn: legalDate,
};

type Application = {
  applicant: { name: string; kind: 'person' | 'organisation' };
  serviceName: string;
  trackingNumber: string;
  appliedOn: string;
};

/** 你单位于2026年3月1日提出的食品经营许可申请（办件编号：…） */
export function applicationPhrase(p: Application): string {
  return `${pronoun(p.applicant.kind)}于${chineseDate(p.appliedOn)}提出的${p.serviceName}申请（办件编号：${p.trackingNumber}）`;
}

export function englishApplicationPhrase(p: Application): string {
  return `the application for ${p.serviceName} that you submitted on ${englishDate(p.appliedOn)} (tracking number ${p.trackingNumber})`;
}

/** Periods of the Administrative Licensing Law are working days (art. 82). */
export const workingDays = (n: number) => `${chineseNumber(n)}个工作日`;

/** Numbered items as GB/T 9704-2012 §7.3.3 numbers the third level: 1. 2. 3. */
export const numbered = (items: readonly string[], end = '。') =>
  items.map((item, i) => `${i + 1}.${item.trim().replace(/[。；;.]$/, '')}${end}`);

/** Where review and suit go. The court may be left to the law (依法向人民法院). */
export const remedyFields = {
  court: z.string().trim().min(1).max(100).optional(),
};

/**
 * The rights against an adverse decision, as the 2023 Administrative Reconsideration Law (in
 * force 2024-01-01) states them: review within 60 days (art. 20), mostly before the people's
 * government at the same level as the department (art. 24); or suit within 6 months
 * (Administrative Procedure Law art. 46). Telling them is what starts the 60 days (art. 20 ¶3).
 */
export const remedyFields2023 = { ...remedyFields, reviewBody: z.string().trim().min(1).max(100) };

export function remedies2023(p: { reviewBody: string; court?: string | undefined }): string {
  return `如不服本决定，可以依照《中华人民共和国行政复议法》第二十条的规定，自收到本决定书之日起六十日内向${p.reviewBody}申请行政复议；也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本决定书之日起六个月内依法向${p.court ?? '人民法院'}提起行政诉讼。`;
}

export function englishRemedies2023(p: { reviewBody: string; court?: string | undefined }): string {
  return `If you do not accept this decision, you may apply to ${p.reviewBody} for administrative reconsideration within 60 days of receiving this document (Administrative Reconsideration Law, art. 20), or bring an administrative lawsuit before ${p.court ?? 'the competent people’s court'} within 6 months of receiving it (Administrative Procedure Law, art. 46).`;
}

/**
 * The same rights under the Administrative Reconsideration Law as amended in 2017 (in force
 * until 2023-12-31): 60 days (art. 9), before the people's government at the same level or the
 * department one level up, at the applicant's choice (art. 12) — hence two bodies.
 */
export const remedyFields2017 = {
  ...remedyFields,
  reviewBodies: z.array(z.string().trim().min(1).max(100)).min(1).max(2),
};

export function remedies2017(p: { reviewBodies: string[]; court?: string | undefined }): string {
  return `如不服本决定，可以依照《中华人民共和国行政复议法》第九条的规定，自收到本决定书之日起六十日内向${p.reviewBodies.join('或者')}申请行政复议；也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本决定书之日起六个月内依法向${p.court ?? '人民法院'}提起行政诉讼。`;
}

export function englishRemedies2017(p: { reviewBodies: string[]; court?: string | undefined }): string {
  return `If you do not accept this decision, you may apply to ${p.reviewBodies.join(' or ')} for administrative reconsideration within 60 days of receiving this document (Administrative Reconsideration Law as amended in 2017, art. 9), or bring an administrative lawsuit before ${p.court ?? 'the competent people’s court'} within 6 months of receiving it (Administrative Procedure Law, art. 46).`;
}

/** A reason or item written by staff. */
export const items = z.array(clause).min(1).max(50);

/** Contact details printed at the end of a notice, each optional. */
export const contactFields = z
  .object({
    person: z.string().trim().min(1).max(50).optional(),
    phone: z.string().trim().min(3).max(30).optional(),
    address: z.string().trim().min(1).max(200).optional(),
  })
  .optional();

export function contactLine(c: z.infer<typeof contactFields>): string | undefined {
  if (!c) return undefined;
  const parts = [
    c.person && `联系人：${c.person}`,
    c.phone && `联系电话：${c.phone}`,
    c.address && `地址：${c.address}`,
  ].filter(Boolean);
  return parts.length ? `${parts.join('；')}。` : undefined;
}
