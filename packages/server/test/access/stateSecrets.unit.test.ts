import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findStateSecretMarking,
  refuseStateSecrets,
  StateSecretRefused,
} from '../../src/platform/access/classification/stateSecrets.ts';
import { HttpProblem } from '../../src/platform/http/problems.ts';

// Markings as they appear on documents (GB/T 9704-2012 §7.2.2) and in titles.
const MARKED: [text: string, marking: string, excerpt: string][] = [
  ['机密★5年\n关于开展专项检查的通知', '机密', '机密★5年'],
  ['绝密★长期', '绝密', '绝密★长期'],
  ['秘密★1年', '秘密', '秘密★1年'],
  ['000123\n机密★10年\n特急', '机密', '机密★10年'],
  ['绝密★启用前\n2026年度考试试卷', '绝密', '绝密★启用前'],
  ['【机密】关于某某事项的请示', '机密', '【机密】'],
  ['关于某某事项的报告（机密）', '机密', '(机密)'],
  ['关于某某事项的报告(秘密★6个月)', '秘密', '(秘密★6个月)'],
  ['〔绝密〕', '绝密', '〔绝密〕'],
  ['机密\n关于某某事项的通知', '机密', '机密'],
  ['　机　密　\r\n正文', '机密', '机 密'],
  ['发文稿纸\n密级：秘密\n缓急：平件', '秘密', '密级:秘密'],
  ['秘密 ☆ 3年', '秘密', '秘密 ☆ 3年'],
  ['机\u200b密＊2年', '机密', '机密*2年'],
  ['正文第一段。\n秘密', '秘密', '秘密'],
];

// Ordinary words and sentences about secrets, which are not markings.
const UNMARKED = [
  '商业秘密',
  '涉及个人隐私和商业秘密的政府信息，不予公开。',
  '公民有保守国家秘密的义务。',
  '工作人员应当履行国家秘密的保密义务。',
  '信息系统应保证数据的机密性和完整性。',
  '国家秘密的密级分为“绝密”“机密”“秘密”三级。',
  '国家秘密的密级分为绝密、机密、秘密三级（保密法第十三条）。',
  '绝密级国家秘密是最重要的国家秘密。',
  '请勿在互联网上传阅机密文件。',
  '泄露商业机密的，依法承担责任。',
  '商业秘密★',
  '（商业秘密）',
  '秘密性',
  '',
];

describe('findStateSecretMarking', () => {
  it.each(MARKED)('finds the marking in %j', (text, marking, excerpt) => {
    expect(findStateSecretMarking(text)).toEqual({ marking, excerpt });
  });

  it.each(UNMARKED)('does not take %j for a marking', (text) => {
    expect(findStateSecretMarking(text)).toBeNull();
  });

  it('looks at every text it is given, and reports the first marking', () => {
    expect(findStateSecretMarking('标题', '正文', '附件：\n绝密★长期')?.marking).toBe('绝密');
    expect(findStateSecretMarking('正文（秘密）\n机密★1年')?.marking).toBe('秘密');
    expect(findStateSecretMarking()).toBeNull();
  });

  const ordinary = fc.constantFrom(
    ...UNMARKED,
    '政府信息公开',
    '依申请公开',
    '，',
    '。',
    '\n',
    ' ',
    '保密',
    '密级',
  );
  const marking = fc.constantFrom(...MARKED.map(([, , excerpt]) => excerpt));

  it('never flags text made of ordinary words about secrets', () => {
    fc.assert(
      fc.property(fc.array(ordinary, { maxLength: 12 }), (parts) => !findStateSecretMarking(parts.join(''))),
    );
  });

  it('always flags such text once a marking heads it', () => {
    fc.assert(
      fc.property(marking, fc.array(ordinary, { maxLength: 12 }), (m, parts) => {
        return findStateSecretMarking(`${m}\n${parts.join('')}`) !== null;
      }),
    );
  });
});

describe('refuseStateSecrets', () => {
  it('refuses marked content with a stable code, whatever level is asked for', () => {
    const refusal = (() => {
      try {
        refuseStateSecrets('关于某某事项的通知', '机密★10年\n正文');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(StateSecretRefused);
    expect(refusal).toBeInstanceOf(HttpProblem);
    expect(refusal).toMatchObject({
      code: 'state_secret_refused',
      status: 422,
      finding: { marking: '机密', excerpt: '机密★10年' },
    });
  });

  it('lets unmarked content through', () => {
    expect(() => refuseStateSecrets('涉及商业秘密的部分已作区分处理。')).not.toThrow();
  });
});
