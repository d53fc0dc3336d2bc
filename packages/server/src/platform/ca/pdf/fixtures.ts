import crypto from 'node:crypto';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { prepareFonts } from '../../documents/fonts.ts';
import { addSignatureField, type SignatureFieldOptions } from './placeholder.ts';

/**
 * Test documents, and incremental updates written by hand the way an attacker (or a long-term
 * validation tool) would append them. For the tests of this folder only.
 */

export const TITLE = '行政许可决定书';
export const ISSUER = '哈尔滨市市场监督管理局';
export const SIGNED_AT = new Date('2026-03-20T01:00:00Z');

type SampleOptions = {
  /** Text of a content stream written into the file but referenced by nothing (a shadow "hide"). */
  hidden?: string;
  field?: Partial<SignatureFieldOptions> | false;
};

/** A one-page document in the official font, with a signature placeholder. */
export async function samplePdf(o: SampleOptions = {}): Promise<Buffer> {
  const body = `${TITLE}${ISSUER}准予行政许可。`;
  const fonts = await prepareFonts(body);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { CreationDate: SIGNED_AT },
  });
  for (const [key, bytes] of fonts.sources) doc.registerFont(key, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.addPage({ size: 'A4', margin: 0 });
  doc.font('regular').fontSize(22).text(TITLE, 72, 100, { lineBreak: false });
  doc.font('regular').fontSize(16).text(`${ISSUER}准予行政许可。`, 72, 160, { lineBreak: false });
  doc.font('Helvetica').fontSize(12).text('Fee: 100', 72, 200, { lineBreak: false });
  if (o.hidden) {
    const font = (doc as unknown as { _font: { id: string } })._font.id;
    const ref = (doc as unknown as { ref(d: object): { end(s: string): void } }).ref({});
    ref.end(`BT /${font} 24 Tf 72 600 Td (${o.hidden}) Tj ET`);
  }
  if (o.field !== false) {
    addSignatureField(doc, {
      reason: '加盖电子印章',
      name: ISSUER,
      location: '哈尔滨',
      signingTime: SIGNED_AT,
      ...o.field,
    });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Stand-in for a CMS: a DER SEQUENCE of random bytes, its last bytes zero (as a real one may end). */
export function fakeCms(contentLength = 3000): Buffer {
  const content = crypto.randomBytes(contentLength);
  content.fill(0, contentLength - 3);
  const header = Buffer.from([0x30, 0x82, contentLength >> 8, contentLength & 0xff]);
  return Buffer.concat([header, content]);
}

const latin1 = (b: Buffer) => b.toString('latin1');

/** The number of the first object whose dictionary says /Type /Page. */
export function pageNumberOf(pdf: Buffer): number {
  const m = /\n(\d+) 0 obj\s*<<\s*\/Type \/Page\b/.exec(latin1(pdf));
  if (!m) throw new Error('no page');
  return Number(m[1]);
}

/** The text between "N 0 obj" and "endobj" of the last definition of a (stream-less) object. */
export function objectBody(pdf: Buffer, num: number): string {
  const all = [...latin1(pdf).matchAll(new RegExp(`(?:^|\\s)${num} 0 obj\\s*([\\s\\S]*?)\\s*endobj`, 'g'))];
  const body = all.at(-1)?.[1];
  if (body === undefined) throw new Error(`no object ${num}`);
  return body;
}

/** The highest object number, from the last trailer's /Size. */
export const sizeOf = (pdf: Buffer) => Number(/\/Size (\d+)/.exec(latin1(pdf).slice(-2000))?.[1]);

type Update = {
  objects?: { num: number; body: string }[];
  /** Cross-reference entries pointing where the caller says (the "replace" without new objects). */
  pointers?: { num: number; offset: number }[];
  /** A classic table (default), or a compressed cross-reference stream with PNG-Up rows (§7.5.8). */
  xref?: 'table' | 'stream';
};

/** Appends an incremental update (§7.5.6): objects, a cross-reference section, a trailer with /Prev. */
export function appendUpdate(pdf: Buffer, update: Update): Buffer {
  const text = latin1(pdf);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  const info = /\/Info (\d+ \d+ R)/.exec(trailer)?.[1];
  const lead = text.endsWith('\n') ? '' : '\n';
  const parts: string[] = [lead];
  let offset = pdf.length + lead.length;
  const entries = new Map<number, number>();
  for (const o of update.objects ?? []) {
    const written = `${o.num} 0 obj\n${o.body}\nendobj\n`;
    entries.set(o.num, offset);
    parts.push(written);
    offset += Buffer.byteLength(written, 'latin1');
  }
  for (const p of update.pointers ?? []) entries.set(p.num, p.offset);
  const size = Math.max(sizeOf(pdf), ...[...entries.keys()].map((n) => n + 1));
  const fields = `/Root ${root} /Info ${info} /Prev ${prev}`;
  if (update.xref === 'stream') parts.push(xrefStream(entries, size, offset, fields));
  else {
    const xref = ['xref', '0 1', '0000000000 65535 f '];
    for (const [num, at] of [...entries].sort(([a], [b]) => a - b)) {
      xref.push(`${num} 1`, `${String(at).padStart(10, '0')} 00000 n `);
    }
    parts.push(`${xref.join('\n')}\ntrailer\n<< /Size ${size} ${fields} >>\n`);
  }
  parts.push(`startxref\n${offset}\n%%EOF\n`);
  return Buffer.concat([pdf, Buffer.from(parts.join(''), 'latin1')]);
}

/** A cross-reference stream object (numbered `size`, listing itself too) written at `offset`. */
function xrefStream(entries: Map<number, number>, size: number, offset: number, fields: string): string {
  const all = [...entries, [size, offset] as [number, number]].sort(([a], [b]) => a - b);
  const rows = all.map(([, at]) =>
    Buffer.from([1, at >>> 24, (at >>> 16) & 0xff, (at >>> 8) & 0xff, at & 0xff, 0, 0]),
  );
  // PNG "Up" predictor: each row after a filter-type byte 2 is the difference to the row above.
  const predicted = rows.map((row, i) =>
    Buffer.from([2, ...row.map((b, k) => (b - (i ? ((rows[i - 1] as Buffer)[k] as number) : 0)) & 0xff)]),
  );
  const data = zlib.deflateSync(Buffer.concat(predicted)).toString('latin1');
  const index = all.map(([num]) => `${num} 1`).join(' ');
  const dict = `/Type /XRef /Size ${size + 1} ${fields} /W [1 4 2] /Index [${index}] /Filter /FlateDecode /DecodeParms << /Columns 7 /Predictor 12 >> /Length ${data.length}`;
  return `${size} 0 obj\n<< ${dict} >>\nstream\n${data}\nendstream\nendobj\n`;
}

/** A content stream object's body. */
export const contentStream = (ops: string) => `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`;

/**
 * Inserts bytes before an offset of a file that has one classic cross-reference table, moving
 * the table's offsets after it along (so the file stays consistent to a reader).
 */
export function insertBefore(pdf: Buffer, at: number, bytes: string): Buffer {
  const shift = Buffer.byteLength(bytes, 'latin1');
  const text = latin1(pdf);
  const xrefAt = text.lastIndexOf('\nxref\n') + 1;
  const table = text
    .slice(xrefAt, text.indexOf('trailer', xrefAt))
    .replace(/^(\d{10}) (\d{5}) n/gm, (_, o: string, g: string) => {
      const n = Number(o);
      return `${String(n >= at ? n + shift : n).padStart(10, '0')} ${g} n`;
    });
  const tail = text
    .slice(text.indexOf('trailer', xrefAt))
    .replace(/startxref\s+\d+/, `startxref\n${xrefAt + shift}`);
  return Buffer.from(text.slice(0, at) + bytes + text.slice(at, xrefAt) + table + tail, 'latin1');
}
