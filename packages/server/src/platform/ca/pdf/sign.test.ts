import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFSignature, type PDFString } from 'pdf-lib';
import PDFDocumentKit from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeCms, ISSUER, samplePdf } from './fixtures.ts';
import {
  addSignatureField,
  embedSignature,
  inspectPdf,
  SignatureTooLargeError,
  signedBytesOf,
} from './index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-pdf-sign-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs a poppler tool on a file; they exit non-zero for signatures they cannot verify, which is fine here. */
function poppler(tool: 'pdfsig' | 'pdfinfo', pdf: Buffer): string {
  const file = path.join(dir, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const run = spawnSync(tool, [file], { encoding: 'utf8', timeout: 10_000 });
  return `${run.stdout}${run.stderr}`;
}

let placeholder: Buffer;
let signed: Buffer;
let cms: Buffer;
let received: Buffer | undefined;

beforeAll(async () => {
  placeholder = await samplePdf();
  cms = fakeCms();
  signed = await embedSignature(placeholder, async (bytes) => {
    received = bytes;
    return cms;
  });
});

describe('a sealed document', () => {
  it('keeps its length: the CMS goes into room reserved for it', () => {
    expect(signed.length).toBe(placeholder.length);
    expect(placeholder.toString('latin1')).toMatch(/\/Contents <0{32768}>/);
  });

  it('signs everything but the /Contents string, and holds exactly the CMS the signer returned', () => {
    const result = inspectPdf(signed);
    expect(result.kind).toBe('signed');
    expect(result.problems).toEqual([]);
    const [s] = result.signatures;
    expect(result.signatures).toHaveLength(1);
    expect(s?.byteRangeValid).toBe(true);
    expect(s?.coversWholeFile).toBe(true);
    expect(s?.appendedAfter).toBe(0);
    expect(s?.appendedChanges).toBe('none');
    expect(s?.hiddenContent).toEqual([]);
    expect(s?.subFilter).toBe('ETSI.CAdES.detached');
    expect(s?.fieldName).toBe('Seal1');
    expect(s?.signedBytes.equals(received as Buffer)).toBe(true);
    // The fake CMS ends in zero bytes, as a real one may: only its DER length tells them from padding.
    expect(cms.subarray(-3)).toEqual(Buffer.alloc(3));
    expect(s?.cms.equals(cms)).toBe(true);
    const [a, b, c, d] = s?.byteRange ?? [0, 0, 0, 0];
    expect([a, c + d]).toEqual([0, signed.length]);
    expect(signed.subarray(b, c).toString('latin1')).toMatch(/^<30820bb8[0-9a-f]+>$/);
    expect(signedBytesOf(signed, s?.byteRange ?? [0, 0, 0, 0]).equals(received as Buffer)).toBe(true);
  });

  it('is read by poppler: pdfsig finds the field and a byte range over the whole file; pdfinfo opens it', () => {
    const sig = poppler('pdfsig', signed);
    const [, b, c] = inspectPdf(signed).signatures[0]?.byteRange ?? [];
    expect(sig).toContain('Signature #1');
    expect(sig).toContain('Signature Field Name: Seal1');
    expect(sig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(sig).toContain(`Signed Ranges: [0 - ${b}], [${c} - ${signed.length}]`);
    expect(sig).toContain('Total document signed');
    expect(sig).not.toContain('Signature #2');
    const info = poppler('pdfinfo', signed);
    expect(info).toContain('Pages:           1');
    expect(info).toContain('Form:            AcroForm');
  });

  it('states reason, name and location in Chinese, as UTF-16BE text strings (read back with pdf-lib)', async () => {
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const field = doc.getForm().getFields()[0] as PDFSignature;
    expect(field).toBeInstanceOf(PDFSignature);
    expect(field.getName()).toBe('Seal1');
    const v = field.acroField.dict.lookup(PDFName.of('V'), PDFDict);
    const string = (key: string) => v.lookup(PDFName.of(key)) as PDFString;
    expect(string('Reason').asBytes().subarray(0, 4)).toEqual(new Uint8Array([0xfe, 0xff, 0x52, 0xa0])); // BOM, 加
    const texts = ['Reason', 'Name', 'Location'].map((k) => string(k).decodeText());
    expect(texts).toEqual(['加盖电子印章', ISSUER, '哈尔滨']);
    expect(v.lookup(PDFName.of('Filter'))).toBe(PDFName.of('Adobe.PPKLite'));
    const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    expect(form.lookup(PDFName.of('SigFlags'))?.toString()).toBe('3');
    expect(field.acroField.getWidgets()[0]?.getRectangle()).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it('refuses a CMS larger than the room reserved, and a file without one placeholder', async () => {
    const small = await samplePdf({ field: { signatureBytes: 1024 } });
    await expect(embedSignature(small, async () => fakeCms(1100))).rejects.toThrow(SignatureTooLargeError);
    await expect(embedSignature(signed, async () => cms)).rejects.toThrow(
      /one signature placeholder, found 0/,
    );
    expect(() => signedBytesOf(signed, [0, 10, 5, 1])).toThrow(RangeError);
    expect(() => signedBytesOf(signed, [0, 10, 20, signed.length])).toThrow(RangeError);
  });
});

describe('the widget', () => {
  it('takes a rectangle in pdfkit coordinates on a buffered page', async () => {
    const doc = new PDFDocumentKit({ size: 'A4', bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.text('page one');
    doc.addPage().text('page two');
    addSignatureField(doc, { reason: 'r', name: 'n', widget: { page: 0, rect: [100, 600, 120, 120] } });
    doc.end();
    await ended;
    const pdf = await PDFDocument.load(Buffer.concat(chunks));
    const widget = pdf.getForm().getFields()[0]?.acroField.getWidgets()[0];
    const r = widget?.getRectangle() ?? { x: 0, y: 0, width: 0, height: 0 };
    // A4 is 841.89 pt high: a box 600 pt down and 120 pt high has its lower edge 121.89 pt up.
    expect([r.x, r.y, r.width, r.height].map((n) => Number(n.toFixed(6)))).toEqual([100, 121.89, 120, 120]);
    expect(widget?.P()).toBe(pdf.getPage(0).ref);
  });

  it('cannot go on a page pdfkit has already written', () => {
    const doc = new PDFDocumentKit({ size: 'A4' });
    doc.addPage();
    expect(() =>
      addSignatureField(doc, { reason: 'r', name: 'n', widget: { page: 0, rect: [0, 0, 1, 1] } }),
    ).toThrow(/bufferPages: true/);
  });
});
