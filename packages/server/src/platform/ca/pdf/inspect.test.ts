import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendUpdate,
  contentStream,
  fakeCms,
  insertBefore,
  objectBody,
  pageNumberOf,
  samplePdf,
  sizeOf,
} from './fixtures.ts';
import { embedSignature, inspectPdf, MAX_INSPECT_BYTES, type PdfInspection } from './index.ts';

// F1 is the page's Helvetica (pdfkit's default font, registered first).
const EVIL = 'BT /F1 24 Tf 72 600 Td (PAY 1,000,000) Tj ET';
/** What poppler shows on the page: the attacks below are real to a reader. */
function textSeen(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `yiwang-inspect-${process.pid}-${crypto.randomUUID()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return spawnSync('pdftotext', [file, '-'], { encoding: 'utf8', timeout: 10_000 }).stdout;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
const sign = (pdf: Buffer) => embedSignature(pdf, async () => fakeCms());
const only = (r: PdfInspection) => {
  expect(r.signatures).toHaveLength(1);
  return r.signatures[0] as PdfInspection['signatures'][number];
};
/** The page's /Contents reference, and the page object with it replaced. */
const contentsOf = (pdf: Buffer, page: number) =>
  Number(/\/Contents (\d+) 0 R/.exec(objectBody(pdf, page))?.[1]);
const withContents = (pdf: Buffer, page: number, contents: string) =>
  objectBody(pdf, page).replace(/\/Contents [^/]+? R/, `/Contents ${contents}`);
/** Rewrites the /ByteRange in place, padded to its width (the file keeps its length). */
function withByteRange(pdf: Buffer, range: number[]): Buffer {
  const text = pdf.toString('latin1');
  const m = /\/ByteRange (\[[^\]]*\] *)/.exec(text);
  const at = (m?.index ?? 0) + '/ByteRange '.length;
  const out = Buffer.from(pdf);
  out.write(`[${range.join(' ')}]`.padEnd(m?.[1]?.length ?? 0, ' '), at, 'latin1');
  return out;
}

let signed: Buffer;
let shadow: Buffer;

beforeAll(async () => {
  signed = await sign(await samplePdf());
  shadow = await sign(await samplePdf({ hidden: 'PAY 1,000,000' }));
});

describe('updates appended after the signature', () => {
  it('a new content stream drawn on the page is content', () => {
    const page = pageNumberOf(signed);
    const size = sizeOf(signed);
    const tampered = appendUpdate(signed, {
      objects: [
        { num: size, body: contentStream(EVIL) },
        { num: page, body: withContents(signed, page, `[${contentsOf(signed, page)} 0 R ${size} 0 R]`) },
      ],
    });
    const result = inspectPdf(tampered);
    const s = only(result);
    expect(result.kind).toBe('signed');
    expect(s.byteRangeValid).toBe(true);
    expect(s.coversWholeFile).toBe(false);
    expect(s.appendedAfter).toBe(tampered.length - signed.length);
    expect(s.appendedChanges).toBe('content');
    expect(s.signedBytes.equals(only(inspectPdf(signed)).signedBytes)).toBe(true);
    expect(result.problems.join('\n')).toMatch(
      new RegExp(`replaces ${page} 0, defined by the signed revision`),
    );
    expect(result.problems.join('\n')).toMatch(new RegExp(`adds ${size} 0, which is not part of a /DSS`));
  });

  it('a /DSS with certificates, the catalog otherwise unchanged, is benign; anything more is content', () => {
    const size = sizeOf(signed);
    const root = Number(/\/Root (\d+) 0 R/.exec(signed.toString('latin1').slice(-500))?.[1]);
    const catalog = objectBody(signed, root);
    const dss = [
      { num: size, body: `<< /Certs [${size + 1} 0 R] /CRLs [] >>` },
      { num: size + 1, body: contentStream('0\x82\x01\x0a certificate bytes') },
    ];
    const benign = appendUpdate(signed, {
      objects: [...dss, { num: root, body: catalog.replace(/>>$/, `/DSS ${size} 0 R\n>>`) }],
    });
    expect(only(inspectPdf(benign)).appendedChanges).toBe('benign');
    expect(only(inspectPdf(benign)).coversWholeFile).toBe(false);
    const opening = appendUpdate(signed, {
      objects: [
        ...dss,
        { num: root, body: catalog.replace(/>>$/, `/DSS ${size} 0 R /OpenAction [0 0 R /Fit]\n>>`) },
      ],
    });
    expect(only(inspectPdf(opening)).appendedChanges).toBe('content');
    const stray = appendUpdate(signed, {
      objects: [{ num: size, body: '<< /Type /Annot /Subtype /Text >>' }],
    });
    expect(only(inspectPdf(stray)).appendedChanges).toBe('content');
  });

  it('reads updates written with compressed cross-reference streams (PNG predictor) the same way', () => {
    const size = sizeOf(signed);
    const root = Number(/\/Root (\d+) 0 R/.exec(signed.toString('latin1').slice(-500))?.[1]);
    const catalog = objectBody(signed, root).replace(/>>$/, `/DSS ${size + 1} 0 R\n>>`);
    const dss = { num: size + 1, body: '<< /Certs [] >>' };
    const benign = appendUpdate(signed, { objects: [dss, { num: root, body: catalog }], xref: 'stream' });
    const result = inspectPdf(benign);
    expect(result.problems).toEqual([]);
    expect(only(result).appendedChanges).toBe('benign');
    const page = pageNumberOf(signed);
    const repointed = appendUpdate(signed, { pointers: [{ num: page, offset: 15 }], xref: 'stream' });
    const content = inspectPdf(repointed);
    expect(only(content).appendedChanges).toBe('content');
    expect(content.problems.join('\n')).toContain(
      `points object ${page} 0 at offset 15, inside the signed revision`,
    );
  });

  it('only white space after %%EOF changes nothing', () => {
    const s = only(inspectPdf(Buffer.concat([signed, Buffer.from('\r\n\n')])));
    expect([s.coversWholeFile, s.appendedAfter, s.appendedChanges]).toEqual([false, 3, 'none']);
  });
});

describe('shadow attacks (Mainka et al., NDSS 2021)', () => {
  it('hide: a content stream in the signed bytes that no page uses is reported, with nothing appended', () => {
    const result = inspectPdf(shadow);
    const s = only(result);
    expect(result.kind).toBe('signed');
    expect([s.byteRangeValid, s.coversWholeFile, s.appendedChanges]).toEqual([true, true, 'none']);
    expect(s.hiddenContent).toHaveLength(1);
    const [, at] = /\(at (\d+)\)/.exec(s.hiddenContent[0] ?? '') ?? [];
    // The object reported is the one carrying the hidden text.
    const object = shadow.subarray(Number(at)).toString('latin1');
    const data = object.slice(object.indexOf('stream\n') + 7, object.indexOf('\nendstream'));
    expect(zlib.inflateSync(Buffer.from(data, 'latin1')).toString()).toContain('PAY 1,000,000');
  });

  it('hide-and-replace: an update pointing the page at the hidden stream is content, and the hiding is reported', () => {
    const page = pageNumberOf(shadow);
    const hidden = Number(
      /stream \(a content stream\?\) (\d+) 0/.exec(only(inspectPdf(shadow)).hiddenContent[0] ?? '')?.[1],
    );
    const replaced = appendUpdate(shadow, {
      objects: [{ num: page, body: withContents(shadow, page, `${hidden} 0 R`) }],
    });
    expect(textSeen(shadow)).not.toContain('PAY 1,000,000');
    expect(textSeen(replaced)).toContain('PAY 1,000,000');
    const s = only(inspectPdf(replaced));
    expect(s.appendedChanges).toBe('content');
    expect(s.hiddenContent.join('\n')).toContain(`${hidden} 0`);
  });

  it('two definitions of one object in the signed revision, and an update that only re-points the cross-reference', async () => {
    const unsigned = await samplePdf();
    const contents = contentsOf(unsigned, pageNumberOf(unsigned));
    const original = unsigned.toString('latin1').indexOf(`\n${contents} 0 obj`) + 1;
    const evil = `${contents} 0 obj\n${contentStream(EVIL)}\nendobj\n`;
    const doubled = await sign(insertBefore(unsigned, original, evil));
    const s = only(inspectPdf(doubled));
    expect(s.appendedChanges).toBe('none');
    expect(s.hiddenContent).toEqual([
      expect.stringMatching(new RegExp(`object ${contents} 0 is defined 2 times`)),
    ]);
    // Nothing but a cross-reference section that sends readers to the other definition.
    const repointed = appendUpdate(doubled, { pointers: [{ num: contents, offset: original }] });
    expect(textSeen(doubled)).not.toContain('PAY 1,000,000');
    expect(textSeen(repointed)).toContain('PAY 1,000,000');
    const result = inspectPdf(repointed);
    expect(only(result).appendedChanges).toBe('content');
    expect(result.problems.join('\n')).toContain(
      `points object ${contents} 0 at offset ${original}, inside the signed revision`,
    );
  });
});

describe('byte ranges', () => {
  const range = () => only(inspectPdf(signed)).byteRange;

  it('a second range that starts a byte late is invalid', () => {
    const [a, b, c, d] = range();
    expect(only(inspectPdf(withByteRange(signed, [a, b, c + 1, d - 1]))).byteRangeValid).toBe(false);
  });

  it('a first range that stops short of /Contents (leaving more than it out) is invalid', () => {
    const [a, b, c, d] = range();
    expect(only(inspectPdf(withByteRange(signed, [a, b - 100, c, d]))).byteRangeValid).toBe(false);
  });

  it('a range past the end of the file is invalid; one that stops short of it does not cover the file', () => {
    const [a, b, c, d] = range();
    expect(only(inspectPdf(withByteRange(signed, [a, b, c, d + 10]))).byteRangeValid).toBe(false);
    const short = only(inspectPdf(withByteRange(signed, [a, b, c, d - 500])));
    expect([short.byteRangeValid, short.coversWholeFile, short.appendedAfter]).toEqual([true, false, 500]);
    expect(short.appendedChanges).toBe('content');
  });
});

describe('whatever is uploaded', () => {
  const timed = (bytes: Uint8Array) => {
    const start = performance.now();
    const result = inspectPdf(bytes);
    expect(performance.now() - start).toBeLessThan(1000);
    return result;
  };

  it('garbage and an empty file are not PDFs', () => {
    expect(timed(crypto.randomBytes(100_000)).kind).toBe('not_pdf');
    expect(timed(new Uint8Array(0)).kind).toBe('not_pdf');
    expect(timed(Buffer.alloc(25 * 1024 * 1024)).kind).toBe('not_pdf');
  });

  it('a huge PDF is refused unread', () => {
    const huge = Buffer.alloc(MAX_INSPECT_BYTES + 1, 0x20);
    huge.write('%PDF-1.7\n');
    const result = timed(huge);
    expect(result.kind).toBe('too_large');
    expect(result.problems[0]).toMatch(/more than the 20971520/);
  });

  it('a truncated signed PDF is malformed', () => {
    const result = timed(signed.subarray(0, signed.length >> 1));
    expect(result.kind).toBe('malformed');
    expect(result.problems).toContain('no %%EOF: the file is truncated or not a PDF');
    expect(result.signatures.every((s) => !s.byteRangeValid)).toBe(true);
  });

  it('a /ByteRange with a broken /Contents is malformed', () => {
    const text = signed.toString('latin1');
    const digit = text.indexOf('/Contents <') + 20;
    const broken = Buffer.from(signed);
    broken.write('zz', digit, 'latin1');
    const result = timed(broken);
    expect(result.kind).toBe('malformed');
    expect(result.problems.join('\n')).toMatch(
      /\/ByteRange at \d+ is not part of a readable signature dictionary/,
    );
    const zeroed = Buffer.from(
      text.replace(/(\/Contents <)([0-9a-f]+)>/, (_, k, hex: string) => `${k}${'0'.repeat(hex.length)}>`),
      'latin1',
    );
    const empty = timed(zeroed);
    expect(empty.problems.join('\n')).toMatch(/does not hold a DER SEQUENCE/);
  });

  it('an unsigned document and an unfilled placeholder', async () => {
    expect(timed(await samplePdf({ field: false })).kind).toBe('unsigned');
    const placeholder = timed(await samplePdf());
    expect(placeholder.kind).toBe('malformed');
    expect(placeholder.problems.join('\n')).toMatch(/unfilled placeholder/);
  });

  it('hostile structure ends in time: unterminated objects, deep nesting, random damage', () => {
    const objects = Buffer.from(`%PDF-1.7\n${'1 0 obj (\n'.repeat(300_000)}`);
    expect(timed(objects).kind).toBe('malformed');
    expect(timed(Buffer.from(`%PDF-1.7\n1 0 obj ${'['.repeat(1_000_000)}`)).kind).toBe('malformed');
    expect(timed(Buffer.from(`%PDF-1.7\n1 0 obj ${'<<'.repeat(500_000)}`)).kind).toBe('malformed');
    for (let i = 0; i < 30; i++) {
      const damaged = Buffer.from(signed);
      for (let k = 0; k < 50; k++) damaged[crypto.randomInt(damaged.length)] = crypto.randomInt(256);
      expect(['signed', 'malformed', 'unsigned', 'not_pdf']).toContain(timed(damaged).kind);
    }
  });
});
