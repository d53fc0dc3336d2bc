import { z } from 'zod';
import { chineseDate, clause, englishSentence, legalDate, pronoun, sentence } from '../legalText.ts';
import {
  applicationFields,
  applicationPhrase,
  contactFields,
  contactLine,
  defineTemplate,
  englishApplicationPhrase,
  englishRemedies2017,
  englishRemedies2023,
  numbered,
  remedies2017,
  remedies2023,
  remedyFields2017,
  remedyFields2023,
  workingDays,
} from './common.ts';

/**
 * What an agency answers on receiving an application (Administrative Licensing Law art. 32):
 * accepted (受理通知书), refused because it is not a licensing matter or not this agency's power
 * (不予受理决定书), or materials to complete, all told at once (补正材料通知书). Each is the written,
 * dated voucher of art. 32 ¶2.
 */

const acceptanceParams = z.object({
  ...applicationFields,
  acceptedOn: legalDate,
  /** The decision period; 20 working days unless another law sets the service's own (art. 42). */
  decisionDays: z.number().int().min(1).max(365).default(20),
  /** Where another law sets the period, its citation, e.g. 《食品经营许可和备案管理办法》第二十四条. */
  decisionBasis: z.string().trim().min(1).max(200).optional(),
  /** The last day of the period under the calendar in force, if the notice is to name it. */
  decisionDue: legalDate.optional(),
});

export const acceptanceV1 = defineTemplate({
  code: 'licensing.acceptance',
  version: 1,
  basis: '行政许可法第32条',
  title: '受理通知书',
  inForce: { from: '2019-04-23' },
  params: acceptanceParams,
  render: (p) => {
    const you = pronoun(p.applicant.kind);
    const period = p.decisionBasis
      ? `依照${p.decisionBasis}的规定，本机关将自受理之日起${workingDays(p.decisionDays)}内作出行政许可决定`
      : `依照《中华人民共和国行政许可法》第四十二条的规定，本机关将自受理之日起${workingDays(p.decisionDays)}内作出行政许可决定`;
    return {
      title: '受理通知书',
      recipient: p.applicant.name,
      paragraphs: [
        `${applicationPhrase(p)}，本机关经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第五项的规定，本机关决定自${chineseDate(p.acceptedOn)}起予以受理。`,
        `${period}${p.decisionDue ? `（按现行工作日安排，最迟于${chineseDate(p.decisionDue)}作出）` : ''}。依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在上述期限内，本机关将另行书面告知所需时间。`,
        `${you}可凭办件编号${p.trackingNumber}在“一网”政务服务门户查询办理进度。`,
        '特此通知。',
      ],
    };
  },
});

const refusalGround = z.discriminatedUnion('ground', [
  /** art. 32 ¶1 (1): the matter needs no licence. */
  z.object({ ground: z.literal('not_licensing_matter'), explanation: clause.optional() }),
  /** art. 32 ¶1 (2): not this agency's power; the right agency must be named. */
  z.object({ ground: z.literal('not_our_power'), rightAgency: clause, explanation: clause.optional() }),
]);

type RefusalGround = z.infer<typeof refusalGround>;

function refusalToAcceptBody(
  p: Parameters<typeof applicationPhrase>[0] & { refusal: RefusalGround },
): string[] {
  const you = pronoun(p.applicant.kind);
  const r = p.refusal;
  const finding =
    r.ground === 'not_our_power' ? '该申请事项依法不属于本机关职权范围' : '该申请事项依法不需要取得行政许可';
  const item = r.ground === 'not_our_power' ? '二' : '一';
  const paragraphs = [
    `${applicationPhrase(p)}，本机关经审查认为，${finding}${r.explanation ? `：${sentence(r.explanation)}` : '。'}根据《中华人民共和国行政许可法》第三十二条第一款第${item}项的规定，本机关决定不予受理。`,
  ];
  if (r.ground === 'not_our_power') paragraphs.push(`请${you}向${r.rightAgency}提出申请。`);
  return paragraphs;
}

function englishRefusalToAcceptBody(
  p: Parameters<typeof applicationPhrase>[0] & { refusal: RefusalGround },
): string[] {
  const r = p.refusal;
  const finding =
    r.ground === 'not_our_power'
      ? 'the matter applied for does not fall within the powers of this agency'
      : 'the matter applied for does not require an administrative licence';
  const item = r.ground === 'not_our_power' ? '2' : '1';
  const paragraphs = [
    `Having examined ${englishApplicationPhrase(p)}, this agency finds that ${finding}${r.explanation ? `: ${englishSentence(r.explanation)}` : '.'} Under art. 32 para. 1 item (${item}) of the Administrative Licensing Law, this agency decides not to accept the application.`,
  ];
  if (r.ground === 'not_our_power') paragraphs.push(`Please apply to ${r.rightAgency}.`);
  return paragraphs;
}

export const refusalToAcceptV1 = defineTemplate({
  code: 'licensing.refusal_to_accept',
  version: 1,
  basis: '行政许可法第32条；行政复议法（2017年修正）第9条；行政诉讼法第46条',
  title: '不予受理决定书',
  inForce: { from: '2019-04-23', until: '2023-12-31' },
  params: z.object({ ...applicationFields, refusal: refusalGround, ...remedyFields2017 }),
  render: (p) => ({
    title: '不予受理决定书',
    recipient: p.applicant.name,
    paragraphs: [...refusalToAcceptBody(p), remedies2017(p)],
  }),
  reference: (p) => ({
    title: 'Decision not to accept an application',
    recipient: p.applicant.name,
    paragraphs: [...englishRefusalToAcceptBody(p), englishRemedies2017(p)],
  }),
});

export const refusalToAcceptV2 = defineTemplate({
  code: 'licensing.refusal_to_accept',
  version: 2,
  basis: '行政许可法第32条；行政复议法（2023年修订）第20条；行政诉讼法第46条',
  title: '不予受理决定书',
  inForce: { from: '2024-01-01' },
  note: 'The Administrative Reconsideration Law as revised in 2023 (in force 2024-01-01): the period is in art. 20 and review of a department goes to the government at its level (art. 24).',
  params: z.object({ ...applicationFields, refusal: refusalGround, ...remedyFields2023 }),
  render: (p) => ({
    title: '不予受理决定书',
    recipient: p.applicant.name,
    paragraphs: [...refusalToAcceptBody(p), remedies2023(p)],
  }),
  reference: (p) => ({
    title: 'Decision not to accept an application',
    recipient: p.applicant.name,
    paragraphs: [...englishRefusalToAcceptBody(p), englishRemedies2023(p)],
  }),
});

export const correctionV1 = defineTemplate({
  code: 'licensing.correction',
  version: 1,
  basis: '行政许可法第32条',
  title: '补正材料通知书',
  inForce: { from: '2019-04-23' },
  note: 'One notice names everything missing (art. 32 ¶1 (4)); otherwise the application counts as accepted from the day the materials arrived.',
  params: z.object({
    ...applicationFields,
    /** The day the materials arrived (from which, failing this notice, acceptance counts). */
    receivedOn: legalDate,
    /** Every missing or defective item, each with what is required of it. */
    missingItems: z
      .array(z.object({ item: clause, requirement: clause.optional() }))
      .min(1)
      .max(50),
    /** The last day for the correction, where the service sets one. */
    correctBy: legalDate.optional(),
    contact: contactFields,
  }),
  render: (p) => {
    const you = pronoun(p.applicant.kind);
    const listed = numbered(
      p.missingItems.map((m) => (m.requirement ? `${m.item}：${m.requirement}` : m.item)),
    );
    const contact = contactLine(p.contact);
    return {
      title: '补正材料通知书',
      recipient: p.applicant.name,
      paragraphs: [
        `${applicationPhrase(p)}的申请材料，本机关于${chineseDate(p.receivedOn)}收到。经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第四项的规定，现将需要补正的全部内容一次告知如下（共${p.missingItems.length}项）：`,
        ...listed,
        `请${you}${p.correctBy ? `于${chineseDate(p.correctBy)}前` : ''}按照上述要求一并补正全部材料。本机关收到${you}补正的全部材料后，将依法审查并决定是否受理。`,
        ...(contact ? [contact] : []),
        '特此通知。',
      ],
    };
  },
});
