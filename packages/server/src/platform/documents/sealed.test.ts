import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issue, samples } from './fixtures.ts';
import {
  renderDocument,
  SEALED_VERIFICATION_LABEL,
  type SealOptions,
  type SealPlacement,
  TemplateRegistry,
  UNSEALED_NOTE,
} from './index.ts';
import { BODY_SIZE, LEFT, LINE_PITCH, PAGE } from './layout.ts';
import { QR_QUIET_ZONE, QR_WIDTH } from './qr.ts';
import { SEAL_DIAMETER } from './seal.ts';

/**
 * Sealed documents read back with poppler (pdftotext, pdftoppm; Debian poppler-utils): the
 * verification line instead of the unsealed note, the seal over issuer and date on the page of
 * the signature block, and the QR code read back from the rendered page, module by module.
 */

const available = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error('sealed documents: poppler-utils not found');
    console.warn('sealed documents: SKIPPED, poppler-utils not found (pdftotext, pdftoppm)');
    return false;
  }
})();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-sealed-'));
let files = 0;
function run(name: string, pdf: Buffer, args: string[]): Buffer {
  const file = path.join(dir, `doc-${++files}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync(name, [...args, file, ...(name === 'pdftotext' ? ['-'] : [])], {
    maxBuffer: 256 * 1024 * 1024,
  });
}
/** The text of a PDF as laid out (pdftotext -layout keeps the hyphens at line ends). */
const text = (pdf: Buffer) => run('pdftotext', pdf, ['-layout']).toString('utf8');
const squash = (s: string) => s.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');

type Word = { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string };
function words(pdf: Buffer): Word[] {
  return run('pdftotext', pdf, ['-bbox'])
    .toString('utf8')
    .split('<page ')
    .slice(1)
    .flatMap((page, i) =>
      [
        ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
      ].map((m) => ({
        page: i,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5] ?? '',
      })),
    );
}

/** One page (0-based) rendered in grey by pdftoppm: dpi / 72 pixels to the point. */
function grey(pdf: Buffer, page: number, dpi: number) {
  const n = String(page + 1);
  const pgm = run('pdftoppm', pdf, ['-gray', '-r', String(dpi), '-f', n, '-l', n]);
  const header = pgm
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const width = Number(header[1]);
  const data = pgm.subarray(header[0].length);
  return {
    scale: dpi / 72,
    at: (x: number, y: number) => data[Math.round(y) * width + Math.round(x)] ?? 255,
  };
}

const code = 'ABCD-EFGH-JKMN-PQRS';
const url = `https://zwfw.hlj.gov.cn/verify?code=${code}`;

/** Renders with a seal and records the calls of `beforeEnd`. */
async function sealed(
  docCode: string,
  params: unknown,
  extra: Partial<Parameters<typeof renderDocument>[3]> = {},
) {
  const calls: { where: SealPlacement; current: number }[] = [];
  const seal: SealOptions = {
    verificationCode: code,
    verificationUrl: url,
    beforeEnd: (doc, where) => {
      const { start, count } = doc.bufferedPageRange();
      calls.push({ where, current: start + count - 1 });
    },
  };
  const pdf = await renderDocument(docCode, 'latest', params, { ...issue, seal, ...extra });
  return { pdf, calls };
}

// Test documents of one and of three pages, beside the samples (two pages).
const paragraph = '本机关依法对你单位的申请进行了审查，现将有关事项告知如下，请你单位按照要求办理。';
const testTemplate = (code: string, paragraphs: number) => ({
  code,
  version: 1,
  basis: '测试',
  title: '测试通知书',
  inForce: { from: '2020-01-01' },
  params: z.object({}),
  render: () => ({
    title: '测试通知书',
    recipient: '测试单位',
    paragraphs: Array(paragraphs).fill(paragraph),
  }),
});
const registry = new TemplateRegistry([testTemplate('test.short', 2), testTemplate('test.long', 24)]);

let refusal: Awaited<ReturnType<typeof sealed>>;
beforeAll(async () => {
  if (available) refusal = await sealed('licensing.refusal', samples['licensing.refusal']);
}, 60_000);

describe.skipIf(!available)('sealed documents (read back with poppler)', { timeout: 30_000 }, () => {
  it('print the verification code and URL instead of the unsealed note', async () => {
    const extracted = squash(text(refusal.pdf));
    expect(extracted).toContain(squash(`${SEALED_VERIFICATION_LABEL}：${code}（扫描二维码或访问`));
    expect(extracted).toContain(squash(`${url} 查验）`));
    expect(extracted).not.toContain(UNSEALED_NOTE);
    // The seal is a drawing: its characters do not mingle with the words of the page.
    expect(extracted).toContain(squash(`${issue.issuingUnit}2026年3月20日${SEALED_VERIFICATION_LABEL}`));
    const unsealed = await renderDocument('licensing.refusal', 'latest', samples['licensing.refusal'], issue);
    expect(squash(text(unsealed))).toContain(`（${UNSEALED_NOTE}）`);
    expect(squash(text(unsealed))).not.toContain(SEALED_VERIFICATION_LABEL);
  });

  it('say so in the English reference translation too', async () => {
    const en = await sealed('licensing.refusal', samples['licensing.refusal'], { language: 'en' });
    const extracted = squash(text(en.pdf));
    expect(extracted).toContain(squash(`(${SEALED_VERIFICATION_LABEL} Verification code: ${code}.`));
    expect(extracted).toContain(squash(`${url} to verify.)`));
    expect(extracted).not.toContain(UNSEALED_NOTE);
    expect(en.calls).toHaveLength(1);
  });

  it.each([
    ['test.short', 0],
    ['licensing.refusal', 1],
    ['test.long', 2],
  ])(
    '%s: beforeEnd is called once, with the seal over issuer and date on the page %i',
    async (which, page) => {
      const { pdf, calls } =
        which === 'licensing.refusal'
          ? refusal
          : await sealed(which, {}, { registry, issuingUnit: issue.issuingUnit });
      expect(calls).toHaveLength(1);
      const { where, current } = calls[0] as (typeof calls)[number];
      const all = words(pdf);
      const date = all.find((w) => w.text === '2026年3月20日') as Word;
      // The issuer of the signature block: the last one above the date (the header has it too).
      const issuer = all.filter((w) => w.text === issue.issuingUnit && w.page === date.page).at(-1) as Word;
      expect(where.page).toBe(page);
      expect(date.page).toBe(page);
      expect(current).toBe(page); // the seal's page is the current one when beforeEnd runs
      const [x, y, w, h] = where.rect;
      expect([w, h]).toEqual([SEAL_DIAMETER, SEAL_DIAMETER]);
      expect(x).toBeGreaterThan(0);
      expect(y).toBeGreaterThan(0);
      expect(x + w).toBeLessThan(PAGE.width);
      expect(y + h).toBeLessThan(PAGE.height);
      // Issuer and date within the seal, together a little below its centre (§7.3.5.1).
      const cx = x + w / 2;
      const cy = y + h / 2;
      for (const word of [issuer, date]) {
        expect(Math.hypot((word.xMin + word.xMax) / 2 - cx, (word.yMin + word.yMax) / 2 - cy)).toBeLessThan(
          w / 2,
        );
      }
      const middle = (issuer.yMin + issuer.yMax + date.yMin + date.yMax) / 4;
      expect(middle - cy).toBeGreaterThan(0);
      expect(middle - cy).toBeLessThan(LINE_PITCH / 2);
      // Its top within one line under the body text above, not on it; the verification line clear below.
      const onPage = all.filter((w) => w.page === page);
      const above = onPage
        .filter((w) => w.yMax < issuer.yMin)
        .sort((a, b) => a.yMax - b.yMax)
        .at(-1) as Word;
      expect(y).toBeGreaterThan(above.yMin + 0.8 * BODY_SIZE);
      expect(y - above.yMax).toBeLessThan(LINE_PITCH);
      const verification = onPage.find((w) => w.text.startsWith(SEALED_VERIFICATION_LABEL)) as Word;
      expect(verification.yMin).toBeGreaterThan(y + h);
    },
  );

  it('draws the QR code of the URL at the left of the block, module for module, clear of text and seal', () => {
    const { pdf, calls } = refusal;
    const { where } = calls[0] as (typeof calls)[number];
    const [sx, sy, , sh] = where.rect;
    const page = grey(pdf, where.page, 288);
    const s = page.scale;
    // Only the QR code is dark left of issuer and date, at the height of the seal: find its box.
    const onPage = words(pdf).filter((w) => w.page === where.page);
    const left = Math.min(...onPage.filter((w) => w.yMin > sy && w.yMax < sy + sh).map((w) => w.xMin));
    let [x0, y0, x1, y1] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0, 0];
    for (let y = (sy + 4) * s; y < (sy + sh) * s; y++)
      for (let x = 0; x < (left - 2) * s; x++)
        if (page.at(x, y) < 128) {
          [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
        }
    expect((x1 - x0) / s).toBeCloseTo(QR_WIDTH, 0);
    expect((y1 - y0) / s).toBeCloseTo(QR_WIDTH, 0);
    // Read every module back at its centre and compare with the symbol of the URL.
    const modules = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    const m = (x1 - x0) / modules.size;
    const read = (r: number, c: number) => (page.at(x0 + (c + 0.5) * m, y0 + (r + 0.5) * m) < 128 ? 1 : 0);
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) expect(read(r, c), `module ${r},${c}`).toBe(modules.get(r, c));
    // A quiet zone of four modules to every word, and apart from the seal.
    const box = { xMin: x0 / s, yMin: y0 / s, xMax: x1 / s, yMax: y1 / s };
    const quiet = QR_QUIET_ZONE * (QR_WIDTH / modules.size);
    for (const w of onPage) {
      const apart =
        w.xMin >= box.xMax + quiet ||
        w.xMax <= box.xMin - quiet ||
        w.yMin >= box.yMax + quiet ||
        w.yMax <= box.yMin - quiet;
      expect(apart, w.text).toBe(true);
    }
    expect(box.xMax + quiet).toBeLessThan(sx);
  });

  it('keeps the QR code clear of the longest issuer names too (60 characters, three lines)', async () => {
    const longUnit = '黑龙江省哈尔滨市南岗区市场监督管理局行政审批服务科'.padEnd(60, '测');
    const { pdf, calls } = await sealed('licensing.refusal', samples['licensing.refusal'], {
      issuingUnit: longUnit,
    });
    const { where } = calls[0] as (typeof calls)[number];
    const issuerLines = words(pdf).filter(
      (w) =>
        w.page === where.page && w.text.length > 1 && longUnit.includes(w.text) && w.yMin > where.rect[1],
    );
    // Three lines (pdftotext leaves out the characters that overrun the page's right edge).
    expect(issuerLines).toHaveLength(3);
    // The QR code's right edge, with its quiet zone (modules of the symbol of the URL).
    const qrRight = LEFT + QR_WIDTH + QR_QUIET_ZONE * (QR_WIDTH / QRCode.create(url).modules.size);
    for (const w of issuerLines) expect(w.xMin).toBeGreaterThan(qrRight);
  });

  it('refuses what a seal cannot print', async () => {
    const p = samples['licensing.refusal'];
    const render = (seal: Partial<SealOptions>) =>
      renderDocument('licensing.refusal', 'latest', p, {
        ...issue,
        seal: { verificationCode: code, verificationUrl: url, ...seal },
      });
    await expect(render({ verificationUrl: 'javascript:alert(1)' })).rejects.toThrow();
    await expect(render({ verificationUrl: `https://a.cn/${'x'.repeat(200)}` })).rejects.toThrow();
    await expect(render({ verificationUrl: 'https://例子.cn/verify' })).rejects.toThrow();
    await expect(render({ verificationCode: 'ABCD EFGH' })).rejects.toThrow();
  });
});
