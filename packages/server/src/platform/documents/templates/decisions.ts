import { z } from 'zod';
import { chineseDate, chineseNumber, englishDate, legalDate, pronoun } from '../legalText.ts';
import {
  applicationFields,
  applicationPhrase,
  defineTemplate,
  englishApplicationPhrase,
  englishRemedies2017,
  englishRemedies2023,
  items,
  numbered,
  remedies2017,
  remedies2023,
  remedyFields2017,
  remedyFields2023,
  workingDays,
} from './common.ts';

/**
 * The decision on a licence (Administrative Licensing Law art. 38): a grant in writing, issued
 * within 10 days (art. 44) and made public (art. 40); or a refusal in writing with its reasons
 * and the rights to administrative review and to sue.
 */

const decidedCase = {
  ...applicationFields,
  acceptedOn: legalDate,
  /** The law or regulation of the service that the decision applies, e.g. 《食品经营许可和备案管理办法》第二十六条. */
  serviceBasis: z.string().trim().min(1).max(200).optional(),
};

const licence = z.object({
  /** e.g. 食品经营许可证 */
  name: z.string().trim().min(1).max(60),
  number: z.string().trim().min(1).max(60).optional(),
  /** What is permitted (许可范围 / 经营项目). */
  scope: z.string().trim().min(1).max(500).optional(),
  validFrom: legalDate.optional(),
  validUntil: legalDate.optional(),
  /** Issued as an electronic licence (State Council Decree 716 art. 10). */
  electronic: z.boolean().default(false),
});

function basisPhrase(article: string, serviceBasis: string | undefined): string {
  return serviceBasis
    ? `《中华人民共和国行政许可法》${article}和${serviceBasis}`
    : `《中华人民共和国行政许可法》${article}`;
}

export const grantV1 = defineTemplate({
  code: 'licensing.grant',
  version: 1,
  basis: '行政许可法第38条、第40条、第44条',
  title: '准予行政许可决定书',
  inForce: { from: '2019-04-23' },
  params: z
    .object({ ...decidedCase, licence, issueDays: z.number().int().min(1).max(60).default(10) })
    .refine(
      (p) => !p.licence.validFrom || !p.licence.validUntil || p.licence.validFrom <= p.licence.validUntil,
      {
        message: 'the licence ends before it starts',
        path: ['licence', 'validUntil'],
      },
    ),
  render: (p) => {
    const you = pronoun(p.applicant.kind);
    const l = p.licence;
    const details = [
      `许可证件名称：${l.name}`,
      ...(l.number ? [`许可证编号：${l.number}`] : []),
      ...(l.scope ? [`许可范围：${l.scope}`] : []),
      ...(l.validFrom && l.validUntil
        ? [`有效期限：自${chineseDate(l.validFrom)}至${chineseDate(l.validUntil)}`]
        : []),
    ];
    return {
      title: '准予行政许可决定书',
      recipient: p.applicant.name,
      paragraphs: [
        `${applicationPhrase(p)}，本机关于${chineseDate(p.acceptedOn)}受理。经审查，${you}的申请符合法定条件、标准。根据${basisPhrase('第三十八条第一款', p.serviceBasis)}的规定，本机关决定准予行政许可。`,
        '许可内容如下：',
        ...numbered(details, '；').map((d, i, all) => (i === all.length - 1 ? d.replace(/；$/, '。') : d)),
        `本机关将自作出本决定之日起${workingDays(p.issueDays)}内向${you}颁发、送达${l.name}${l.electronic ? '（电子证照，与纸质证照具有同等法律效力）' : ''}。`,
        '根据《中华人民共和国行政许可法》第四十条的规定，本决定将予以公开，公众有权查阅。',
      ],
    };
  },
  reference: (p) => {
    const l = p.licence;
    const details = [
      `Licence: ${l.name}`,
      ...(l.number ? [`Licence number: ${l.number}`] : []),
      ...(l.scope ? [`Scope: ${l.scope}`] : []),
      ...(l.validFrom && l.validUntil
        ? [`Valid from ${englishDate(l.validFrom)} to ${englishDate(l.validUntil)}`]
        : []),
    ];
    return {
      title: 'Decision granting an administrative licence',
      recipient: p.applicant.name,
      paragraphs: [
        `This agency accepted ${englishApplicationPhrase(p)} on ${englishDate(p.acceptedOn)}. Having examined it, this agency finds that the application meets the statutory conditions and standards. Under art. 38 para. 1 of the Administrative Licensing Law${p.serviceBasis ? ` and ${p.serviceBasis}` : ''}, this agency decides to grant the licence.`,
        'The licence granted:',
        ...details.map((d, i) => `${i + 1}. ${d}${i === details.length - 1 ? '.' : ';'}`),
        `This agency will issue and deliver the ${l.name} to you within ${p.issueDays} working days of this decision${l.electronic ? ' as an electronic licence, which has the same legal effect as a paper one' : ''}.`,
        'Under art. 40 of the Administrative Licensing Law this decision will be made public, and the public may consult it.',
      ],
    };
  },
});

const refusalFields = {
  ...decidedCase,
  /** Every reason the application fails, in the agency's words (art. 38 ¶2). */
  reasons: items,
};

function refusalBody(p: z.infer<z.ZodObject<typeof refusalFields>>): string[] {
  const you = pronoun(p.applicant.kind);
  return [
    `${applicationPhrase(p)}，本机关于${chineseDate(p.acceptedOn)}受理。经审查，${you}的申请不符合法定条件、标准，理由如下（共${chineseNumber(p.reasons.length)}项）：`,
    ...numbered(p.reasons),
    `根据${basisPhrase('第三十八条第二款', p.serviceBasis)}的规定，本机关决定不予行政许可。`,
  ];
}

function englishRefusalBody(p: z.infer<z.ZodObject<typeof refusalFields>>): string[] {
  return [
    `This agency accepted ${englishApplicationPhrase(p)} on ${englishDate(p.acceptedOn)}. Having examined it, this agency finds that the application does not meet the statutory conditions and standards, for the following ${p.reasons.length === 1 ? 'reason' : `${p.reasons.length} reasons`} (the Chinese original states them authoritatively):`,
    ...p.reasons.map((r, i) => `${i + 1}. ${r}`),
    `Under art. 38 para. 2 of the Administrative Licensing Law${p.serviceBasis ? ` and ${p.serviceBasis}` : ''}, this agency decides not to grant the licence.`,
  ];
}

export const refusalV1 = defineTemplate({
  code: 'licensing.refusal',
  version: 1,
  basis: '行政许可法第38条；行政复议法（2017年修正）第9条；行政诉讼法第46条',
  title: '不予行政许可决定书',
  inForce: { from: '2019-04-23', until: '2023-12-31' },
  params: z.object({ ...refusalFields, ...remedyFields2017 }),
  render: (p) => ({
    title: '不予行政许可决定书',
    recipient: p.applicant.name,
    paragraphs: [...refusalBody(p), remedies2017(p)],
  }),
  reference: (p) => ({
    title: 'Decision refusing an administrative licence',
    recipient: p.applicant.name,
    paragraphs: [...englishRefusalBody(p), englishRemedies2017(p)],
  }),
});

export const refusalV2 = defineTemplate({
  code: 'licensing.refusal',
  version: 2,
  basis: '行政许可法第38条；行政复议法（2023年修订）第20条；行政诉讼法第46条',
  title: '不予行政许可决定书',
  inForce: { from: '2024-01-01' },
  note: 'The Administrative Reconsideration Law as revised in 2023 (in force 2024-01-01): the period is in art. 20 and review of a department goes to the government at its level (art. 24).',
  params: z.object({ ...refusalFields, ...remedyFields2023 }),
  render: (p) => ({
    title: '不予行政许可决定书',
    recipient: p.applicant.name,
    paragraphs: [...refusalBody(p), remedies2023(p)],
  }),
  reference: (p) => ({
    title: 'Decision refusing an administrative licence',
    recipient: p.applicant.name,
    paragraphs: [...englishRefusalBody(p), englishRemedies2023(p)],
  }),
});
