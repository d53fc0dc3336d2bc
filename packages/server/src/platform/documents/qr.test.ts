import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { MM } from './layout.ts';
import { drawQr, QR_WIDTH, qrRuns } from './qr.ts';

/** Records the rectangles drawn and paints them back onto a grid of modules. */
function recorder() {
  const rects: [number, number, number, number][] = [];
  const fills: string[] = [];
  return {
    rects,
    fills,
    canvas: {
      rect: (x: number, y: number, w: number, h: number) => rects.push([x, y, w, h]),
      fill: (color: string) => fills.push(color),
    },
  };
}

function paint(
  rects: [number, number, number, number][],
  x0: number,
  y0: number,
  module: number,
  size: number,
) {
  const grid = Array.from({ length: size }, () => Array<number>(size).fill(0));
  for (const [x, y, w, h] of rects) {
    const row = Math.round((y - y0) / module);
    const col = Math.round((x - x0) / module);
    expect(h / module).toBeCloseTo(1, 9);
    for (let c = col; c < col + Math.round(w / module); c++) {
      const cells = grid[row] as number[];
      expect(cells[c], `module ${row},${c} drawn twice`).toBe(0);
      cells[c] = 1;
    }
  }
  return grid;
}

const modulesOf = (text: string) => {
  const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return Array.from({ length: m.size }, (_, r) => Array.from({ length: m.size }, (_, c) => m.get(r, c)));
};

describe('the verification QR code', () => {
  const url = 'https://zwfw.hlj.gov.cn/verify?code=ABCD-EFGH-JKMN-PQRS';

  it('draws exactly the modules of QRCode.create(url), 22 mm wide, in one fill', () => {
    const r = recorder();
    const matrix = drawQr(r.canvas, url, 100, 200);
    const expected = modulesOf(url);
    expect(matrix.size).toBe(expected.length);
    expect(paint(r.rects, 100, 200, QR_WIDTH / matrix.size, matrix.size)).toEqual(expected);
    expect(QR_WIDTH / MM).toBeCloseTo(22, 9);
    expect(r.fills).toEqual(['black']);
    // Every rectangle inside the 22 mm square.
    for (const [x, y, w, h] of r.rects) {
      expect(x).toBeGreaterThanOrEqual(100);
      expect(y).toBeGreaterThanOrEqual(200);
      expect(x + w).toBeLessThanOrEqual(100 + QR_WIDTH + 1e-9);
      expect(y + h).toBeLessThanOrEqual(200 + QR_WIDTH + 1e-9);
    }
  });

  it('merges the dark modules of a row into runs, one rectangle each', () => {
    const m = {
      size: 4,
      get: (r: number, c: number) => Number(([0b1101, 0b0000, 0b1111, 0b0110][r] ?? 0) & (8 >> c)),
    };
    expect(qrRuns(m)).toEqual([
      { row: 0, col: 0, length: 2 },
      { row: 0, col: 3, length: 1 },
      { row: 2, col: 0, length: 4 },
      { row: 3, col: 1, length: 2 },
    ]);
  });

  it('keeps modules of the longest accepted URL (200 characters) above 0.38 mm', () => {
    const long = `https://zwfw.hlj.gov.cn/verify?code=${'A'.repeat(200 - 36)}`;
    expect(long.length).toBe(200);
    const size = modulesOf(long).length;
    expect(size).toBeLessThanOrEqual(57); // version 10
    expect(QR_WIDTH / size / MM).toBeGreaterThan(0.38);
  });
});
