import { z } from 'zod';
import {
  chineseDate,
  chineseNumber,
  clause,
  legalDate,
  partyKind,
  partyName,
  pronoun,
  sentence,
} from '../legalText.ts';
import {
  applicationFields,
  applicationPhrase,
  contactFields,
  contactLine,
  defineTemplate,
  workingDays,
} from './common.ts';

/**
 * Notices while a licence is being decided: the right to a hearing (Administrative Licensing Law
 * arts. 47–48) and the extension of the decision period (art. 42).
 */

export const hearingNoticeV1 = defineTemplate({
  code: 'licensing.hearing_notice',
  version: 1,
  basis: '行政许可法第47条',
  title: '听证告知书',
  inForce: { from: '2019-04-23' },
  params: z
    .object({
      ...applicationFields,
      /** Who is told: the applicant, or an interested party (利害关系人) with their own name. */
      recipient: z.discriminatedUnion('role', [
        z.object({ role: z.literal('applicant') }),
        z.object({ role: z.literal('interested_party'), name: partyName, kind: partyKind }),
      ]),
      /** The major interests between the applicant and others that the licence touches. */
      interests: clause,
      /** The fifth working day after the notice is served: the last day to ask (art. 47 ¶1). */
      requestBy: legalDate,
      contact: contactFields,
    })
    .refine((p) => p.requestBy >= p.appliedOn, { message: 'the request deadline precedes the application' }),
  render: (p) => {
    const r = p.recipient;
    const isApplicant = r.role === 'applicant';
    const you = isApplicant ? pronoun(p.applicant.kind) : pronoun(r.kind);
    const matter = isApplicant
      ? `${applicationPhrase(p)}，本机关已依法受理。经审查，该行政许可事项直接涉及${you}与他人之间的重大利益关系：${sentence(p.interests)}`
      : `${p.applicant.name}于${chineseDate(p.appliedOn)}向本机关提出的${p.serviceName}申请（办件编号：${p.trackingNumber}），本机关已依法受理。经审查，该行政许可事项直接涉及申请人与${you}之间的重大利益关系：${sentence(p.interests)}`;
    const contact = contactLine(p.contact);
    return {
      title: '听证告知书',
      recipient: isApplicant ? p.applicant.name : r.name,
      paragraphs: [
        matter,
        `根据《中华人民共和国行政许可法》第四十七条的规定，本机关在作出行政许可决定前，告知${you}享有要求听证的权利。${you}要求听证的，应当自被告知听证权利之日起${workingDays(5)}内，即于${chineseDate(p.requestBy)}前向本机关提出听证申请；逾期未提出的，视为放弃听证权利。`,
        `本机关将自收到听证申请之日起${workingDays(20)}内组织听证，并于举行听证的七日前将举行听证的时间、地点通知${you}，必要时予以公告。${you}不承担本机关组织听证的费用。听证所需时间不计算在行政许可审查期限内。`,
        ...(contact ? [contact] : []),
        '特此告知。',
      ],
    };
  },
});

const ART_42 = '《中华人民共和国行政许可法》第四十二条第一款';

export const extensionV1 = defineTemplate({
  code: 'licensing.extension',
  version: 1,
  basis: '行政许可法第42条',
  title: '延期通知书',
  inForce: { from: '2019-04-23' },
  params: z
    .object({
      ...applicationFields,
      acceptedOn: legalDate,
      /** The decision period being extended, in working days (20 under art. 42 ¶1). */
      decisionDays: z.number().int().min(1).max(365).default(20),
      extensionDays: z.number().int().min(1).max(365),
      /** The provision that allows the extension; by default art. 42 ¶1 (at most 10 days). */
      basis: z.string().trim().min(1).max(200).default(ART_42),
      /** Who approved it: 本机关负责人 under art. 42 ¶1; 本级人民政府负责人 for joint handling. */
      approvedBy: z.string().trim().min(1).max(50).default('本机关负责人'),
      reason: clause,
      /** The new last day under the calendar in force. */
      decideBy: legalDate,
    })
    .refine((p) => p.basis !== ART_42 || (p.decisionDays === 20 && p.extensionDays <= 10), {
      message: 'art. 42 ¶1 allows 20 working days plus at most 10',
      path: ['extensionDays'],
    })
    .refine((p) => p.decideBy > p.acceptedOn, {
      message: 'the new deadline precedes acceptance',
      path: ['decideBy'],
    }),
  render: (p) => {
    const you = pronoun(p.applicant.kind);
    return {
      title: '延期通知书',
      recipient: p.applicant.name,
      paragraphs: [
        `${applicationPhrase(p)}，本机关已于${chineseDate(p.acceptedOn)}受理。因${sentence(p.reason).replace(/。$/, '')}，本机关不能在${workingDays(p.decisionDays)}内作出行政许可决定。`,
        `经${p.approvedBy}批准，根据${p.basis}的规定，本机关决定将审查期限延长${chineseNumber(p.extensionDays)}个工作日，并将于${chineseDate(p.decideBy)}前作出行政许可决定。${you}可凭办件编号${p.trackingNumber}查询办理进度。`,
        '特此通知。',
      ],
    };
  },
});
