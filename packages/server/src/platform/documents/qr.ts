import QRCode from 'qrcode';
import { MM } from './layout.ts';

/**
 * The verification QR code of a sealed document: the verification URL, error correction level M
 * (15 %), drawn as vector rectangles (no image), 22 mm wide. A URL of up to 200 characters gives
 * at most version 10 (57 modules), so a module stays above 0.38 mm and scans from paper.
 */

export const QR_WIDTH = 22 * MM;
/** The white margin a reader needs around the symbol, in modules (ISO/IEC 18004: 4). */
export const QR_QUIET_ZONE = 4;

/** The module matrix of a text; `get(row, col)` is 1 for a dark module. */
export type QrMatrix = Pick<QRCode.BitMatrix, 'size' | 'get'>;

export function qrMatrix(text: string): QrMatrix {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
}

/** A horizontal run of dark modules: row, first column, length. */
export type QrRun = { row: number; col: number; length: number };

/** The dark modules of each row, merged into runs so that one rectangle draws each run. */
export function qrRuns(matrix: QrMatrix): QrRun[] {
  const runs: QrRun[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return runs;
}

/** What drawing a QR code needs of a PDF document (a pdfkit document, or a recorder in tests). */
export type QrCanvas = {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color: string): unknown;
};

/**
 * Draws the QR code of `text` with its top-left corner at (x, y), `width` wide, as one filled
 * path of rectangles (one fill, so no seams between rows). Returns the matrix drawn.
 */
export function drawQr(doc: QrCanvas, text: string, x: number, y: number, width = QR_WIDTH): QrMatrix {
  const matrix = qrMatrix(text);
  const module = width / matrix.size;
  for (const run of qrRuns(matrix)) {
    doc.rect(x + run.col * module, y + run.row * module, run.length * module, module);
  }
  doc.fill('black');
  return matrix;
}
