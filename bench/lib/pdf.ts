import { randomBytes } from 'node:crypto';

/**
 * A well-formed one-page PDF of exactly `size` bytes, like a scanned form: an A4 page showing a
 * greyscale image of random pixels (incompressible, as a scan's JPEG data is), a correct xref
 * table, and a comment line that fills what the pixels leave to the exact size.
 */
const DRAW = 'q 595 0 0 842 0 0 cm /Im0 Do Q';

export function paddedPdf(size: number): Buffer {
  const width = 1024;
  const head = (height: number) => [
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n',
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>\nendobj\n',
    `4 0 obj\n<< /Length ${DRAW.length} >>\nstream\n${DRAW}\nendstream\nendobj\n`,
    `5 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${width * height} >>\nstream\n`,
  ];
  const tailOf = (xrefAt: number, offsets: number[]) =>
    `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
    `trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // Everything but the pixels and the filler takes well under 2 KiB.
  const height = Math.floor((size - 2048) / width);
  if (height < 1) throw new RangeError(`a padded PDF needs at least ${2048 + width} bytes`);
  const parts = head(height).map((p) => Buffer.from(p, 'latin1'));
  const offsets: number[] = [];
  let at = 0;
  parts.forEach((p, i) => {
    if (i > 0) offsets.push(at);
    at += p.length;
  });
  const pixels = randomBytes(width * height);
  const endImage = Buffer.from('\nendstream\nendobj\n', 'latin1');
  at += pixels.length + endImage.length;
  // The filler, a comment line, goes before the xref: its length moves only startxref's value.
  const tailLength = (fill: number) => Buffer.byteLength(tailOf(at + fill, offsets), 'latin1');
  let fill = size - at - tailLength(0);
  while (fill + at + tailLength(fill) > size) fill -= 1;
  while (fill + at + tailLength(fill) < size) fill += 1;
  if (fill < 2) throw new Error('the padded PDF does not come out at its size');
  const filler = Buffer.from(`%${' '.repeat(fill - 2)}\n`, 'latin1');
  const pdf = Buffer.concat([
    ...parts,
    pixels,
    endImage,
    filler,
    Buffer.from(tailOf(at + fill, offsets), 'latin1'),
  ]);
  if (pdf.length !== size) throw new Error(`padded PDF of ${pdf.length} bytes, not ${size}`);
  return pdf;
}
