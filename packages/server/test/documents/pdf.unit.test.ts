import { beforeAll, describe, expect, it } from 'vitest';
import { issue, RARE_COMPANY, RARE_PERSON, samples } from '../../src/platform/documents/fixtures.ts';
import { prepareFonts } from '../../src/platform/documents/fonts.ts';
import {
  composeDocument,
  legalTemplates,
  renderDocument,
  UNSEALED_NOTE,
  UnprintableCharactersError,
  uncoveredCharacters,
} from '../../src/platform/documents/index.ts';
import { BLOCK_HEIGHT, BLOCK_WIDTH, LEFT, LINE_PITCH, MM, TOP } from '../../src/platform/documents/layout.ts';
import { pixels, poppler, popplerAvailable, screenshot, type Word, words } from './poppler.ts';

/**
 * The PDFs read back with poppler: page size, where the text block is, that the Chinese text
 * (rare characters included) comes out intact, page numbers, the red head, the unsealed note.
 */

const available = popplerAvailable();
const codes = Object.keys(samples) as (keyof typeof samples)[];
const pdfs = new Map<string, Buffer>();
const squash = (s: string) => s.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');

/** The top of the ideographic em box of a word, from its poppler box and the font's metrics. */
let emTopOf: (w: Word, face?: 'regular' | 'bold') => number;

beforeAll(async () => {
  if (!available) return;
  for (const code of codes) pdfs.set(code, await renderDocument(code, 'latest', samples[code], issue));
  const fonts = await prepareFonts('');
  emTopOf = (w, face = 'regular') => {
    const m = fonts.metrics(face);
    const size = (w.yMax - w.yMin) / (m.ascent - m.descent);
    return w.yMin + (m.ascent - m.emTop) * size;
  };
}, 60_000);

describe.skipIf(!available)('official documents as PDF (read back with poppler)', { timeout: 30_000 }, () => {
  it('is A4 and says which template and version made it', () => {
    for (const [code, pdf] of pdfs) {
      const info = poppler('pdfinfo', pdf);
      expect(info, code).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(info).toMatch(
        new RegExp(`Keywords:\\s+template:${code.replace('.', '\\.')}@${legalTemplates.get(code).version}`),
      );
      expect(info).toContain(`Title:           ${legalTemplates.get(code).title}`);
    }
  });

  it('embeds subsets of its fonts with Unicode maps, and stays small', () => {
    for (const [code, pdf] of pdfs) {
      const rows = poppler('pdffonts', pdf).trim().split('\n').slice(2);
      expect(rows.length, code).toBeGreaterThanOrEqual(2);
      for (const row of rows) expect(row, code).toMatch(/Identity-H\s+yes\s+yes\s+yes/);
      expect(pdf.length, code).toBeLessThan(120_000);
    }
  });

  it.each(codes)('%s: every word extracts intact, rare-character names included', (code) => {
    const pdf = pdfs.get(code) as Buffer;
    const { text } = composeDocument(code, 'latest', samples[code]);
    const extracted = squash(poppler('pdftotext', pdf, ['-layout']));
    for (const part of [
      issue.issuingUnit,
      issue.documentNumber,
      text.title,
      `${text.recipient}：`,
      ...text.paragraphs,
    ])
      expect(extracted).toContain(squash(part));
    expect(extracted).toContain('2026年3月20日');
    expect(extracted).toContain(`（${UNSEALED_NOTE}）`);
  });

  it('keeps names from GB 18030-2022 beyond GB 2312: 䶮 (Ext. A), 𬌗 (Ext. E), 𠀀 (Ext. B, from the fallback font)', async () => {
    expect(await uncoveredCharacters(`${RARE_PERSON}${RARE_COMPANY}`)).toEqual([]);
    // Extensions C (𪜀 U+2A700), D (𫝀 U+2B740), E (𫠠 U+2B820) and F (𬺰 U+2CEB0) from the fallback too.
    expect(await uncoveredCharacters('\u{2A700}\u{2B740}\u{2B820}\u{2CEB0}')).toEqual([]);
    expect(await uncoveredCharacters('\u{30000}\u{2A6DF}')).toEqual(['\u{30000}', '\u{2A6DF}']);
    const person = squash(poppler('pdftotext', pdfs.get('licensing.refusal') as Buffer));
    expect(person).toContain(`${RARE_PERSON}：`);
    const company = pdfs.get('licensing.grant') as Buffer;
    expect(squash(poppler('pdftotext', company))).toContain(`${RARE_COMPANY}：`);
    expect(poppler('pdffonts', company)).toMatch(/\+HanaMinB\s/);
  });

  it('refuses a character no font has rather than print an empty box', async () => {
    const ext = String.fromCodePoint(0x30000); // Extension G, newer than the fallback font
    await expect(
      renderDocument(
        'licensing.acceptance',
        'latest',
        { ...samples['licensing.acceptance'], applicant: { name: `王${ext}`, kind: 'person' } },
        issue,
      ),
    ).rejects.toThrow(UnprintableCharactersError);
  });

  it('puts the head at the top of the block: red header 37 mm down, the text block 28 mm in', () => {
    const page1 = words(pdfs.get('licensing.grant') as Buffer).filter((w) => w.page === 1);
    const header = page1.find((w) => w.text === issue.issuingUnit) as Word;
    expect(emTopOf(header, 'bold') / MM).toBeCloseTo(37, 0);
    expect(Math.abs(emTopOf(header, 'bold') - TOP)).toBeLessThan(0.5 * MM);
    const recipient = page1.find((w) => w.text.startsWith(RARE_COMPANY)) as Word;
    expect(Math.abs(recipient.xMin - LEFT)).toBeLessThan(0.1);
    // A full body line ends at the block's right edge, 28 + 156 mm from the left.
    const full = page1.filter((w) => Math.abs(w.xMax - (LEFT + BLOCK_WIDTH)) < 0.1);
    expect(full.length).toBeGreaterThanOrEqual(3);
  });

  it('sets 22 lines on a full page, the first 37 mm from the top, the last at the foot of the block', async () => {
    const missingItems = Array.from({ length: 40 }, (_, i) => ({
      item: `第${i + 1}项申请材料`,
      requirement: '须为原件扫描件并加盖单位公章，页面清晰完整',
    }));
    const pdf = await renderDocument(
      'licensing.correction',
      'latest',
      { ...samples['licensing.correction'], missingItems },
      issue,
    );
    const page2 = words(pdf).filter((w) => w.page === 2 && w.yMin < TOP + BLOCK_HEIGHT);
    const tops = [...new Set(page2.map((w) => emTopOf(w).toFixed(1)))].map(Number).sort((a, b) => a - b);
    expect(tops.length).toBe(22);
    expect(Math.abs((tops[0] as number) - TOP)).toBeLessThan(0.5 * MM);
    expect(Math.abs((tops[21] as number) + 16 - (TOP + BLOCK_HEIGHT))).toBeLessThan(0.5 * MM);
    for (let i = 1; i < tops.length; i++)
      expect((tops[i] as number) - (tops[i - 1] as number)).toBeCloseTo(LINE_PITCH, 0);
    expect(Math.min(...page2.map((w) => w.xMin))).toBeCloseTo(LEFT, 1);
    const extracted = squash(poppler('pdftotext', pdf, ['-layout']));
    for (const m of missingItems) expect(extracted).toContain(`${m.item}：${m.requirement}`);
    screenshot(pdf, 'correction-40-items');
  });

  it('numbers pages in 4号 with em dashes under the block, odd right and even left', async () => {
    const missingItems = Array.from({ length: 40 }, (_, i) => ({ item: `第${i + 1}项申请材料` }));
    const pdf = await renderDocument(
      'licensing.correction',
      'latest',
      { ...samples['licensing.correction'], missingItems },
      issue,
    );
    const all = words(pdf);
    const pages = Math.max(...all.map((w) => w.page));
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const foot = all.filter((w) => w.page === page && w.yMin > TOP + BLOCK_HEIGHT);
      expect(foot.map((w) => w.text).join('')).toBe(`—${page}—`);
      const left = Math.min(...foot.map((w) => w.xMin));
      const right = Math.max(...foot.map((w) => w.xMax));
      if (page % 2 === 1) expect(right).toBeCloseTo(LEFT + BLOCK_WIDTH - 14, 0);
      else expect(left).toBeCloseTo(LEFT + 14, 0);
      // The dash's ink: its top 7 mm under the block (the first dash alone in its columns).
      const dpi = 288;
      const { width, height, rgb } = pixels(pdf, page, dpi);
      const px = (pt: number) => Math.round((pt / 72) * dpi);
      let top = Number.POSITIVE_INFINITY;
      for (let y = px(TOP + BLOCK_HEIGHT); y < height; y++)
        for (let x = px(left + 3); x < px(left + 9); x++)
          if ((rgb[(y * width + x) * 3] ?? 255) < 128) top = Math.min(top, y);
      expect(Math.abs((top / dpi) * 25.4 - (TOP + BLOCK_HEIGHT) / MM - 7)).toBeLessThan(0.3);
    }
  });

  it('prints the header and the rule under the document number in red, the body in black', () => {
    const dpi = 36;
    const { width, rgb } = pixels(pdfs.get('licensing.grant') as Buffer, 1, dpi);
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    const red = (y0: number, y1: number) => {
      let n = 0;
      for (let y = px(y0); y < px(y1); y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 3;
          if ((rgb[i] ?? 0) > 180 && (rgb[i + 1] ?? 255) < 90 && (rgb[i + 2] ?? 255) < 90) n++;
        }
      return n;
    };
    const words1 = words(pdfs.get('licensing.grant') as Buffer).filter((w) => w.page === 1);
    const docNumber = words1.find((w) => w.text === issue.documentNumber) as Word;
    const title = words1.find((w) => w.text === legalTemplates.get('licensing.grant').title) as Word;
    expect(red(37, docNumber.yMin / MM)).toBeGreaterThan(200); // the header
    expect(red(docNumber.yMax / MM, title.yMin / MM)).toBeGreaterThan(100); // the rule
    expect(red(title.yMin / MM, 297)).toBe(0);
  });

  it('renders the English reference translation marked as such', async () => {
    for (const code of ['licensing.grant', 'licensing.refusal']) {
      const pdf = await renderDocument(code, 'latest', samples[code as keyof typeof samples], {
        ...issue,
        language: 'en',
      });
      const text = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
      expect(text).toContain('参考译文 Reference translation. Only the Chinese original is authoritative.');
      expect(poppler('pdfinfo', pdf)).toContain('reference-translation');
      if (code === 'licensing.refusal') {
        expect(text).toMatch(/within 60 days .* within 6 months/);
        screenshot(pdf, 'refusal-en');
      }
    }
    await expect(
      renderDocument('licensing.correction', 'latest', samples['licensing.correction'], {
        ...issue,
        language: 'en',
      }),
    ).rejects.toThrow(/no English reference/);
  });

  it('checks the issuing details', async () => {
    await expect(
      renderDocument('licensing.grant', 'latest', samples['licensing.grant'], {
        ...issue,
        documentNumber: '哈市监许[2026]15号',
      }),
    ).rejects.toThrow(/document number/);
    await expect(
      renderDocument('licensing.grant', 'latest', samples['licensing.grant'], {
        ...issue,
        issuedOn: '2026-3-1',
      }),
    ).rejects.toThrow();
  });

  it('lays out the 文件 head of §7.2 on request: header 35 mm into the block', async () => {
    const pdf = await renderDocument('licensing.refusal', 'latest', samples['licensing.refusal'], {
      ...issue,
      head: 'gb9704',
    });
    const header = words(pdf).find((w) => w.page === 1 && w.text === issue.issuingUnit) as Word;
    expect(Math.abs(emTopOf(header, 'bold') - (TOP + 35 * MM))).toBeLessThan(0.5 * MM);
  });

  it('leaves pictures of the pages for people (test-results/screenshots/documents)', () => {
    for (const [code, pdf] of pdfs) screenshot(pdf, code.replace('.', '-'));
  });
});
