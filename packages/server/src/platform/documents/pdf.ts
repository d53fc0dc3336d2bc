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
  LINES_PER_PAGE,
  type Line,
  MM,
  PAGE,
  PAGE_NUMBER_SIZE,
  runsOf,
  TITLE_SIZE,
  TOP,
} from './layout.ts';
import { chineseDate, englishDate } from './legalText.ts';
import type { DocumentText, IssueContext, TemplateRef } from './types.ts';

/**
 * Lays a document out after GB/T 9704-2012 and writes it as PDF with pdfkit. Fonts and their
 * licences: see fonts.ts (free fonts stand in for the licensed 小标宋 and 仿宋).
 *
 * The head of the page follows the compact practice of 行政执法文书 by default: the red issuing-body
 * header (§7.2.4) at the top of the text block, the document number one line below, the red rule
 * 4 mm under it, the title (2号) one line below the rule. `head: 'gb9704'` gives the spacing of
 * §7.2 for 文件-format documents instead (header 35 mm into the block, two blank lines each).
 */

export const RED = '#e60012';
const HEADER_SIZE = 36;
/** The white between two body lines. */
const LEAD = LINE_PITCH - BODY_SIZE;
const RULE_WIDTH = 1;
/** The unsigned state, said on the page until an electronic seal exists (附注 position, §7.3.6). */
export const UNSEALED_NOTE = '本文书尚未加盖电子印章';

export type PdfOptions = IssueContext & {
  template: TemplateRef;
  /** 'en' renders a reference translation (参考译文), marked as not authoritative. */
  language?: 'zh' | 'en';
  head?: 'compact' | 'gb9704';
  /** The PDF's creation time (defaults to now); fixed in tests to make output repeatable. */
  createdAt?: Date;
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
/** One slot of the body grid: a line of text, or a blank line. */
type Row = { line?: Line; x?: number; group?: 'signature' };

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function renderPdf(text: DocumentText, o: PdfOptions): Promise<Buffer> {
  const en = o.language === 'en';
  const banner = en
    ? '参考译文 Reference translation. Only the Chinese original is authoritative.'
    : undefined;
  const date = en ? englishDate(o.issuedOn) : chineseDate(o.issuedOn);
  const note = en
    ? `(${UNSEALED_NOTE}: this document does not yet bear an electronic seal.)`
    : `（${UNSEALED_NOTE}）`;
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
  // Issuer centred over the date; the date 4 characters from the right (§7.3.5.1, sealed
  // documents). One blank line above: a 42 mm seal centred a little above issuer and date then
  // reaches up into it, within one line of the body as §7.3.5.1 asks. The note under the date.
  const dateLine = body(date, 0, 0, false)[0] as Line;
  const dateX = BLOCK_WIDTH - 4 * CHAR_PITCH - dateLine.width;
  const signature: Row[] = [{ group: 'signature' }];
  for (const line of body(o.issuingUnit, 0, 0, false)) {
    signature.push({ line, x: Math.max(0, dateX + (dateLine.width - line.width) / 2), group: 'signature' });
  }
  signature.push({ line: dateLine, x: dateX, group: 'signature' });
  for (const line of body(note, 2 * CHAR_PITCH, 2 * CHAR_PITCH, false))
    signature.push({ line, x: 0, group: 'signature' });

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
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Puts rows into pages of 22 slots. The signature block stays together; where it does not fit
 * it takes the last two lines of the body with it, so that no page holds a seal without text.
 * A page never begins with a blank line.
 */
function paginate(rows: Row[], signature: Row[], firstSlot: number): Row[][] {
  const pages: Row[][] = [Array<Row>(firstSlot).fill({})];
  const current = () => pages.at(-1) as Row[];
  const push = (row: Row) => {
    if (current().length >= LINES_PER_PAGE) pages.push([]);
    if (current().length === 0 && !row.line) return;
    current().push(row);
  };
  for (const row of rows) push(row);
  const room = LINES_PER_PAGE - current().length;
  if (room < signature.length) {
    const page = current();
    const textRows = page.filter((r) => r.line).length;
    const carried = textRows > 2 ? page.splice(page.length - 2, 2) : [];
    pages.push([...carried]);
  }
  for (const row of signature) {
    if (current().length === 0 && !row.line) continue;
    current().push(row);
  }
  return pages;
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
