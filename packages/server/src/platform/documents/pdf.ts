import PDFDocument from 'pdfkit';
import { type FontBook, prepareFonts } from './fonts.ts';
import {
  BLOCK_HEIGHT,
  BLOCK_WIDTH,
  BODY_SIZE,
  BODY_TRACKING,
  breakParagraph,
  CHAR_PITCH,
  LEFT,
  LINE_PITCH,
  type Line,
  MM,
  PAGE,
  PAGE_NUMBER_SIZE,
  RED,
  runsOf,
  TITLE_SIZE,
  TOP,
} from './layout.ts';
import { chineseDate, englishDate } from './legalText.ts';
import {
  drawSealMarks,
  paginate,
  type Row,
  type SealOptions,
  signatureNote,
  signatureRows,
} from './signature.ts';
import type { DocumentText, IssueContext, TemplateRef } from './types.ts';

export { RED } from './layout.ts';
export {
  SEALED_VERIFICATION_LABEL,
  type SealOptions,
  type SealPlacement,
  UNSEALED_NOTE,
} from './signature.ts';

/**
 * Lays a document out after GB/T 9704-2012 and writes it as PDF with pdfkit. Fonts and their
 * licences: see fonts.ts (free fonts stand in for the licensed 小标宋 and 仿宋).
 *
 * The head of the page follows the compact practice of 行政执法文书 by default: the red issuing-body
 * header (§7.2.4) at the top of the text block, the document number one line below, the red rule
 * 4 mm under it, the title (2号) one line below the rule. `head: 'gb9704'` gives the spacing of
 * §7.2 for 文件-format documents instead (header 35 mm into the block, two blank lines each).
 */

const HEADER_SIZE = 36;
/** The white between two body lines. */
const LEAD = LINE_PITCH - BODY_SIZE;
const RULE_WIDTH = 1;

export type PdfOptions = IssueContext & {
  template: TemplateRef;
  /** 'en' renders a reference translation (参考译文), marked as not authoritative. */
  language?: 'zh' | 'en';
  head?: 'compact' | 'gb9704';
  /** The PDF's creation time (defaults to now); fixed in tests to make output repeatable. */
  createdAt?: Date;
  /** The electronic seal: drawn with the verification code and QR code instead of the unsealed note. */
  seal?: SealOptions;
};

/** A character none of the document fonts can print; the document is refused rather than printed with a box. */
export class UnprintableCharactersError extends Error {
  override name = 'UnprintableCharactersError';
  constructor(readonly characters: string[]) {
    super(
      `no font prints ${characters.map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()})`).join(', ')}`,
    );
  }
}

type Drawn = { line: Line; baseline: number; x: number; color: string };

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function renderPdf(text: DocumentText, o: PdfOptions): Promise<Buffer> {
  const en = o.language === 'en';
  const banner = en
    ? '参考译文 Reference translation. Only the Chinese original is authoritative.'
    : undefined;
  const date = en ? englishDate(o.issuedOn) : chineseDate(o.issuedOn);
  const note = signatureNote(en, o.seal);
  const attachmentLabel = en ? 'Attachments: ' : '附件：';
  const paragraphs = text.paragraphs.map(normalise);
  const all = [
    o.issuingUnit,
    o.documentNumber,
    text.title,
    text.recipient,
    banner ?? '',
    date,
    note,
    attachmentLabel,
  ]
    .concat(paragraphs, text.attachments ?? [], ['— 0123456789 —'])
    .join('');
  const fonts = await prepareFonts(all);
  if (fonts.missing.length) throw new UnprintableCharactersError(fonts.missing);
  const regular = fonts.measure('regular');
  const bold = fonts.measure('bold');
  const emTop = fonts.metrics('regular').emTop;
  const body = (s: string, first: number, rest: number, justify = true) =>
    breakParagraph(s, regular, {
      size: BODY_SIZE,
      width: BLOCK_WIDTH,
      firstIndent: first,
      restIndent: rest,
      justify,
      tracking: BODY_TRACKING,
    });
  const centred = (line: Line) => (BLOCK_WIDTH - line.width) / 2;

  // The head of the first page, placed by distances: "one blank line" is the white between two
  // body lines (LEAD) plus one line pitch.
  const compact = o.head !== 'gb9704';
  const blank = compact ? 1 : 2;
  const below = (bottom: number, blankLines: number) => bottom + LEAD + blankLines * LINE_PITCH;
  const head: Drawn[] = [];
  let y = TOP + (compact ? 0 : 35 * MM);
  const natural = breakParagraph(o.issuingUnit, bold, { size: 1, width: Number.POSITIVE_INFINITY })[0];
  const headerSize = Math.min(HEADER_SIZE, BLOCK_WIDTH / Math.max(1, natural?.width ?? 1));
  for (const line of breakParagraph(o.issuingUnit, bold, { size: headerSize, width: BLOCK_WIDTH })) {
    head.push({ line, baseline: y + emTop * headerSize, x: centred(line), color: RED });
    y += headerSize + LEAD;
  }
  y = below(y - LEAD, blank);
  for (const line of body(o.documentNumber, 0, 0, false)) {
    head.push({ line, baseline: y + emTop * BODY_SIZE, x: centred(line), color: 'black' });
  }
  const rule = y + BODY_SIZE + 4 * MM;
  y = below(rule, blank);
  for (const line of breakParagraph(text.title, bold, {
    size: TITLE_SIZE,
    width: BLOCK_WIDTH - 4 * CHAR_PITCH,
  })) {
    head.push({ line, baseline: y + emTop * TITLE_SIZE, x: centred(line), color: 'black' });
    y += TITLE_SIZE + LEAD;
  }
  // The recipient one blank line under the title, on the next line of the body grid.
  const firstSlot = Math.ceil((below(y - LEAD, 1) - TOP) / LINE_PITCH - 0.001);

  // The body grid: 22 slots a page, the first page starting under its head.
  const rows: Row[] = [];
  if (banner) for (const line of body(banner, 0, 0, false)) rows.push({ line, x: 0 });
  for (const line of body(`${text.recipient}${en ? ':' : '：'}`, 0, 0, false)) rows.push({ line, x: 0 });
  for (const p of paragraphs) for (const line of body(p, 2 * CHAR_PITCH, 0, !en)) rows.push({ line, x: 0 });
  const attachments = text.attachments ?? [];
  if (attachments.length) {
    rows.push({});
    const label = body(attachmentLabel, 0, 0, false)[0]?.width ?? 0;
    attachments.forEach((a, i) => {
      const numbered = attachments.length > 1 ? `${i + 1}.${a}` : a;
      const s = i === 0 ? `${attachmentLabel}${numbered}` : numbered;
      const indent = 2 * CHAR_PITCH + (i === 0 ? 0 : label);
      for (const line of body(s, indent, 2 * CHAR_PITCH + label, false)) rows.push({ line, x: 0 });
    });
  }
  // Issuer over date, one blank line above them for the seal (§7.3.5.1); see signature.ts.
  const signature = signatureRows(body, { issuingUnit: o.issuingUnit, date, note, sealed: Boolean(o.seal) });
  const pages = paginate(rows, signature, firstSlot);

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    lang: en ? 'en' : 'zh-CN',
    displayTitle: true,
    info: {
      Title: text.title,
      Author: o.issuingUnit,
      Subject: o.documentNumber,
      Keywords: `template:${o.template.code}@${o.template.version}${en ? ' reference-translation' : ''}`,
      Creator: 'Yiwang 一网',
      CreationDate: o.createdAt ?? new Date(),
    },
  });
  for (const [key, bytes] of fonts.sources) doc.registerFont(key, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  pages.forEach((page, index) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    if (index === 0) {
      for (const d of head) draw(doc, d);
      doc
        .moveTo(LEFT, rule)
        .lineTo(LEFT + BLOCK_WIDTH, rule)
        .lineWidth(RULE_WIDTH)
        .strokeColor(RED)
        .stroke();
    }
    page.forEach((row, slot) => {
      if (!row?.line) return;
      const baseline = TOP + slot * LINE_PITCH + emTop * BODY_SIZE;
      draw(doc, { line: row.line, baseline, x: row.x ?? 0, color: 'black' });
    });
    pageNumber(doc, fonts, index + 1);
  });
  if (o.seal) {
    // The signature block is on the last page, the current one.
    const index = pages.length - 1;
    const page = pages[index] as Row[];
    const where = drawSealMarks(doc, fonts, { issuingUnit: o.issuingUnit, seal: o.seal, page, index });
    o.seal.beforeEnd?.(doc, where);
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function draw(doc: PDFKit.PDFDocument, d: Drawn): void {
  doc.fillColor(d.color);
  for (const run of runsOf(d.line)) {
    doc
      .font(run.font)
      .fontSize(d.line.size)
      .text(run.text, LEFT + d.x + run.x, d.baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        characterSpacing: run.spacing,
        features: [],
      });
  }
}

/** 4号 numerals between em dashes, 7 mm under the block; odd pages right, even left, one character in (§7.5). */
function pageNumber(doc: PDFKit.PDFDocument, fonts: FontBook, n: number): void {
  const [line] = breakParagraph(`— ${n} —`, fonts.measure('regular'), {
    size: PAGE_NUMBER_SIZE,
    width: BLOCK_WIDTH,
  });
  if (!line) return;
  const x = n % 2 === 1 ? BLOCK_WIDTH - PAGE_NUMBER_SIZE - line.width : PAGE_NUMBER_SIZE;
  // The top of the dash (一字线) 7 mm under the block.
  const baseline = TOP + BLOCK_HEIGHT + 7 * MM + fonts.inkTop('regular', '—') * PAGE_NUMBER_SIZE;
  draw(doc, { line, baseline, x, color: 'black' });
}
