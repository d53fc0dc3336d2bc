import type { FontBook } from './fonts.ts';
import {
  BLOCK_WIDTH,
  BODY_SIZE,
  CHAR_PITCH,
  LEFT,
  LINE_PITCH,
  LINES_PER_PAGE,
  type Line,
  TOP,
} from './layout.ts';
import { drawQr, QR_WIDTH } from './qr.ts';
import { drawSeal, SEAL_RADIUS } from './seal.ts';

/**
 * The signature block (落款) of GB/T 9704-2012 §7.3.5.1 for sealed documents: the issuer centred
 * over the date, the date four characters from the right, one blank line above them for the seal.
 * Unsealed, the note "（本文书尚未加盖电子印章）" follows the date in the 附注 position (§7.3.6).
 * Sealed, the unit's round seal is pressed on issuer and date, they sitting a little below its
 * centre; a QR code of the verification URL stands at the block's left, level with them; and the
 * verification line follows one blank line under the date, clear of the seal.
 */

/** The unsigned state, said on the page until an electronic seal exists (附注 position, §7.3.6). */
export const UNSEALED_NOTE = '本文书尚未加盖电子印章';
/** The label of the verification line of a sealed document. */
export const SEALED_VERIFICATION_LABEL = '验证码';

/** Where the drawn seal is: the page (0-based) and its box [x, y from the top, width, height] in points. */
export type SealPlacement = { page: number; rect: [number, number, number, number] };

/** The electronic seal of a document: what to print for verification, and a hook for the signature field. */
export type SealOptions = {
  /** Printed on the page, e.g. ABCD-EFGH-JKMN-PQRS. */
  verificationCode: string;
  /** Printed on the page and encoded in the QR code (http or https, printable ASCII). */
  verificationUrl: string;
  /**
   * Called once, right before the PDF is ended, with the drawn seal's place; the seal's page is
   * the last one, the current page of `doc` then (a signature field's widget goes over the seal).
   */
  beforeEnd?: (doc: PDFKit.PDFDocument, where: SealPlacement) => void;
};

/** One slot of the body grid: a line of text, or a blank line. */
export type Row = { line?: Line; x?: number; group?: 'signature'; role?: 'issuer' | 'date' };

/** The seal sits this much higher than the middle of issuer and date ("居印章中心偏下位置"). */
const SEAL_RAISE = LINE_PITCH / 6;

/** The line under the date: the unsealed note, or the verification code and where to check it. */
export function signatureNote(en: boolean, seal: SealOptions | undefined): string {
  if (!seal) {
    return en
      ? `(${UNSEALED_NOTE}: this document does not yet bear an electronic seal.)`
      : `（${UNSEALED_NOTE}）`;
  }
  const { verificationCode: code, verificationUrl: url } = seal;
  return en
    ? `(${SEALED_VERIFICATION_LABEL} Verification code: ${code}. Scan the QR code or visit ${url} to verify.)`
    : `${SEALED_VERIFICATION_LABEL}：${code}（扫描二维码或访问 ${url} 查验）`;
}

type Breaker = (text: string, first: number, rest: number, justify?: boolean) => Line[];

/** The rows of the signature block, kept together on one page. */
export function signatureRows(
  body: Breaker,
  o: { issuingUnit: string; date: string; note: string; sealed: boolean },
): Row[] {
  const dateLine = body(o.date, 0, 0, false)[0] as Line;
  const dateX = BLOCK_WIDTH - 4 * CHAR_PITCH - dateLine.width;
  const rows: Row[] = [{ group: 'signature' }];
  for (const line of body(o.issuingUnit, 0, 0, false)) {
    const x = Math.max(0, dateX + (dateLine.width - line.width) / 2);
    rows.push({ line, x, group: 'signature', role: 'issuer' });
  }
  rows.push({ line: dateLine, x: dateX, group: 'signature', role: 'date' });
  // Sealed, a blank line keeps the verification line out from under the seal's lower rim.
  if (o.sealed) rows.push({ group: 'signature' });
  for (const line of body(o.note, 2 * CHAR_PITCH, 2 * CHAR_PITCH, false)) {
    rows.push({ line, x: 0, group: 'signature' });
  }
  return rows;
}

/**
 * Puts rows into pages of 22 slots. The signature block stays together; where it does not fit
 * it takes the last two lines of the body with it, so that no page holds a seal without text.
 * A page never begins with a blank line.
 */
export function paginate(rows: Row[], signature: Row[], firstSlot: number): Row[][] {
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

/** The centres of the seal and the QR code on the page of the signature block, in points. */
export function sealGeometry(page: Row[]): {
  seal: { cx: number; cy: number };
  qr: { x: number; y: number };
} {
  const top = (slot: number) => TOP + slot * LINE_PITCH;
  const first = page.findIndex((r) => r.role === 'issuer');
  const last = page.findIndex((r) => r.role === 'date');
  const date = page[last];
  if (first < 0 || !date?.line) throw new Error('no signature block on the page');
  // The middle of the issuer and date lines (their em boxes).
  const middle = (top(first) + top(last) + BODY_SIZE) / 2;
  return {
    seal: { cx: LEFT + (date.x ?? 0) + date.line.width / 2, cy: middle - SEAL_RAISE },
    qr: { x: LEFT, y: middle - QR_WIDTH / 2 },
  };
}

/** Draws seal and QR code on the current page (that of the signature block) and says where the seal is. */
export function drawSealMarks(
  doc: PDFKit.PDFDocument,
  fonts: FontBook,
  o: { issuingUnit: string; seal: SealOptions; page: Row[]; index: number },
): SealPlacement {
  const { seal, qr } = sealGeometry(o.page);
  drawQr(doc, o.seal.verificationUrl, qr.x, qr.y);
  drawSeal(doc, fonts, o.issuingUnit, seal.cx, seal.cy);
  const d = 2 * SEAL_RADIUS;
  return { page: o.index, rect: [seal.cx - SEAL_RADIUS, seal.cy - SEAL_RADIUS, d, d] };
}
