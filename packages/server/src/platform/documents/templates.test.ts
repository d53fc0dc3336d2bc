import { describe, expect, it } from 'vitest';
import { samples, samplesV1 } from './fixtures.ts';
import { chineseDate, chineseNumber, documentNumber } from './legalText.ts';
import { legalTemplates, TemplateParamsError, TemplateRegistry, UnknownTemplateError } from './templates.ts';
import type { DocumentText } from './types.ts';

const all = (t: DocumentText) => [t.title, t.recipient, ...t.paragraphs, ...(t.attachments ?? [])].join('\n');
const codes = Object.keys(samples) as (keyof typeof samples)[];

describe('legal text helpers', () => {
  it('writes dates as GB/T 9704 §7.3.5 does: Arabic numerals, no zero padding', () => {
    expect(chineseDate('2026-03-01')).toBe('2026年3月1日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(() => chineseDate('2026-02-30')).toThrow(RangeError);
  });

  it('writes periods in Chinese numerals', () => {
    expect([5, 10, 15, 20, 45, 60, 100, 105, 110, 120].map(chineseNumber)).toEqual([
      '五',
      '十',
      '十五',
      '二十',
      '四十五',
      '六十',
      '一百',
      '一百零五',
      '一百一十',
      '一百二十',
    ]);
  });

  it('accepts document numbers like 哈市监许〔2026〕15号 only', () => {
    expect(documentNumber.safeParse('哈市监许〔2026〕15号').success).toBe(true);
    for (const bad of ['哈市监许[2026]15号', '哈市监许〔2026〕015号', '哈市监许〔26〕15号', '〔2026〕15号'])
      expect(documentNumber.safeParse(bad).success, bad).toBe(false);
  });
});

describe('the template registry (Administrative Licensing Law documents)', () => {
  it('holds the seven documents of one-network approval', () => {
    expect(legalTemplates.codes()).toEqual([
      'licensing.acceptance',
      'licensing.correction',
      'licensing.extension',
      'licensing.grant',
      'licensing.hearing_notice',
      'licensing.refusal',
      'licensing.refusal_to_accept',
    ]);
    expect(legalTemplates.get('licensing.acceptance').basis).toBe('行政许可法第32条');
  });

  it.each(codes)('%s renders every parameter it is given', (code) => {
    const p = samples[code] as Record<string, unknown> & {
      applicant: { name: string };
      trackingNumber: string;
    };
    const { text, template } = legalTemplates.render(code, 'latest', p);
    expect(template).toEqual({ code, version: legalTemplates.get(code).version });
    const words = all(text);
    expect(text.title).toBe(legalTemplates.get(code).title);
    expect(words).toContain(p.trackingNumber);
    expect(words).toContain(p.serviceName as string);
    expect(words).toContain(chineseDate(p.appliedOn as string));
    for (const key of ['acceptedOn', 'receivedOn', 'requestBy', 'decideBy', 'decisionDue', 'correctBy'])
      if (typeof p[key] === 'string') expect(words, key).toContain(chineseDate(p[key] as string));
    for (const key of ['reviewBody', 'court', 'reason', 'interests', 'serviceBasis'])
      if (typeof p[key] === 'string') expect(words, key).toContain(p[key]);
    expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}|年0|月0|undefined|\[object/);
    // The applicant is addressed, or named where an interested party is.
    expect(words).toContain(p.applicant.name);
  });

  it('tells every missing item in one correction notice (art. 32 ¶1 (4))', () => {
    const missingItems = Array.from({ length: 12 }, (_, i) => ({
      item: `第${i + 1}份材料`,
      requirement: `要求${i + 1}`,
    }));
    const { text } = legalTemplates.render('licensing.correction', 'latest', {
      ...samples['licensing.correction'],
      missingItems,
    });
    const words = all(text);
    expect(words).toContain('一次告知');
    expect(words).toContain('共12项');
    missingItems.forEach((m, i) => {
      expect(text.paragraphs).toContain(`${i + 1}.${m.item}：${m.requirement}。`);
    });
    expect(() =>
      legalTemplates.render('licensing.correction', 'latest', {
        ...samples['licensing.correction'],
        missingItems: [],
      }),
    ).toThrow(TemplateParamsError);
  });

  it('gives a refusal its reasons and both rights with their periods (art. 38 ¶2)', () => {
    const { text } = legalTemplates.render('licensing.refusal', 'latest', samples['licensing.refusal']);
    const words = all(text);
    for (const r of samples['licensing.refusal'].reasons) expect(words).toContain(r);
    expect(words).toMatch(/《中华人民共和国行政复议法》第二十条.*六十日内向哈尔滨市人民政府申请行政复议/);
    expect(words).toMatch(
      /《中华人民共和国行政诉讼法》第四十六条.*六个月内依法向哈尔滨市南岗区人民法院提起行政诉讼/,
    );
    const en = legalTemplates.render('licensing.refusal', 'latest', samples['licensing.refusal']).reference;
    expect(en).toMatchObject({ language: 'en', authoritative: false });
    expect(all(en as DocumentText)).toMatch(/within 60 days.*art\. 20.*within 6 months.*art\. 46/s);
  });

  it("names the right agency when the matter is not this agency's power (art. 32 ¶1 (2))", () => {
    const { text } = legalTemplates.render(
      'licensing.refusal_to_accept',
      'latest',
      samples['licensing.refusal_to_accept'],
    );
    expect(all(text)).toContain('请你向黑龙江省药品监督管理局哈尔滨检查分局提出申请');
    expect(all(text)).toContain('第三十二条第一款第二项');
    expect(all(text)).toMatch(/六十日内.*行政复议.*六个月内.*行政诉讼/);
    const withoutAgency = { ...samples['licensing.refusal_to_accept'], refusal: { ground: 'not_our_power' } };
    expect(() => legalTemplates.render('licensing.refusal_to_accept', 'latest', withoutAgency)).toThrow(
      /rightAgency/,
    );
  });

  it('keeps versions side by side, each with its own wording and parameters', () => {
    const [v1, v2] = legalTemplates.versions('licensing.refusal');
    expect([v1?.version, v2?.version]).toEqual([1, 2]);
    expect(legalTemplates.get('licensing.refusal', 'latest').version).toBe(2);
    expect(legalTemplates.inForceOn('licensing.refusal', '2023-12-31').version).toBe(1);
    expect(legalTemplates.inForceOn('licensing.refusal', '2024-01-01').version).toBe(2);

    const old = legalTemplates.render('licensing.refusal', 1, samplesV1['licensing.refusal']);
    expect(old.template).toEqual({ code: 'licensing.refusal', version: 1 });
    expect(all(old.text)).toContain('第九条');
    expect(all(old.text)).toContain('向哈尔滨市人民政府或者黑龙江省市场监督管理局申请行政复议');
    const current = legalTemplates.render('licensing.refusal', 2, samples['licensing.refusal']);
    expect(all(current.text)).toContain('第二十条');
    // Each version checks its own parameters.
    expect(() => legalTemplates.render('licensing.refusal', 1, samples['licensing.refusal'])).toThrow(
      /reviewBodies/,
    );
    expect(() => legalTemplates.render('licensing.refusal', 2, samplesV1['licensing.refusal'])).toThrow(
      /reviewBody/,
    );
    expect(
      legalTemplates.render('licensing.refusal_to_accept', 1, samplesV1['licensing.refusal_to_accept'])
        .template,
    ).toEqual({ code: 'licensing.refusal_to_accept', version: 1 });
  });

  it('refuses unknown templates, gaps in versions and overlapping periods', () => {
    expect(() => legalTemplates.get('licensing.nothing')).toThrow(UnknownTemplateError);
    expect(() => legalTemplates.get('licensing.grant', 7)).toThrow(UnknownTemplateError);
    const registry = new TemplateRegistry([legalTemplates.get('licensing.refusal', 1)]);
    const v2 = legalTemplates.get('licensing.refusal', 2);
    expect(() => registry.register({ ...v2, version: 3 })).toThrow(/must follow 1/);
    expect(() => registry.register({ ...v2, inForce: { from: '2023-06-01' } })).toThrow(/must end before/);
    registry.register(v2);
    expect(registry.get('licensing.refusal').version).toBe(2);
  });

  it('checks parameters: legal dates, the art. 42 limit, the hearing deadline', () => {
    const bad = (code: string, p: unknown) => () => legalTemplates.render(code, 'latest', p);
    expect(bad('licensing.grant', { ...samples['licensing.grant'], appliedOn: '2026-02-30' })).toThrow(
      /appliedOn/,
    );
    expect(bad('licensing.extension', { ...samples['licensing.extension'], extensionDays: 11 })).toThrow(
      /at most 10/,
    );
    // Another law's limit: a joint handling of 45 + 15 days under art. 42 ¶2.
    const joint = legalTemplates.render('licensing.extension', 'latest', {
      ...samples['licensing.extension'],
      decisionDays: 45,
      extensionDays: 15,
      basis: '《中华人民共和国行政许可法》第四十二条第二款',
      approvedBy: '哈尔滨市人民政府负责人',
    });
    expect(all(joint.text)).toContain('不能在四十五个工作日内作出行政许可决定');
    expect(all(joint.text)).toContain('经哈尔滨市人民政府负责人批准');
    expect(all(joint.text)).toContain('延长十五个工作日');
    expect(
      bad('licensing.hearing_notice', { ...samples['licensing.hearing_notice'], requestBy: '2026-02-01' }),
    ).toThrow(/deadline/);
  });

  it('addresses a person as 你 and an organisation as 你单位', () => {
    const p = samples['licensing.acceptance'];
    const org = all(legalTemplates.render('licensing.acceptance', 'latest', p).text);
    const person = all(
      legalTemplates.render('licensing.acceptance', 'latest', {
        ...p,
        applicant: { name: '张三', kind: 'person' },
      }).text,
    );
    expect(org).toMatch(/^你单位于/m);
    expect(person).toMatch(/^你于/m);
  });

  it('tells an interested party of the hearing right, the 5 days and that hearings cost nothing (arts. 47–48)', () => {
    const { text } = legalTemplates.render(
      'licensing.hearing_notice',
      'latest',
      samples['licensing.hearing_notice'],
    );
    const words = all(text);
    expect(text.recipient).toBe(samples['licensing.hearing_notice'].recipient.name);
    expect(words).toContain(
      `${samples['licensing.hearing_notice'].applicant.name}于2026年3月1日向本机关提出`,
    );
    expect(words).toMatch(/五个工作日内，即于2026年3月27日前/);
    expect(words).toContain('七日前');
    expect(words).toContain('不承担本机关组织听证的费用');
    expect(words).toContain('不计算在行政许可审查期限内');
  });

  it('offers English reference renderings of the decisions, marked as not authoritative', () => {
    for (const code of ['licensing.grant', 'licensing.refusal', 'licensing.refusal_to_accept']) {
      const r = legalTemplates.render(code, 'latest', samples[code as keyof typeof samples]);
      expect(r.reference, code).toMatchObject({ language: 'en', authoritative: false });
      expect(all(r.reference as DocumentText)).not.toMatch(/undefined/);
    }
    const grant = legalTemplates.render('licensing.grant', 'latest', samples['licensing.grant']).reference;
    expect(all(grant as DocumentText)).toContain('Valid from March 20, 2026 to March 19, 2031');
  });
});
