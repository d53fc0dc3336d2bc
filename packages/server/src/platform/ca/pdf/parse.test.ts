import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { berElementLength } from './der.ts';
import { samplePdf } from './fixtures.ts';
import { inspectPdf } from './inspect.ts';
import { Lexer, type PdfValue, textOf } from './lexer.ts';
import { parsePdf } from './parse.ts';

const value = (s: string) => new Lexer(Buffer.from(s, 'latin1'), 0).value();
const bytesOf = (v: PdfValue) => (v.kind === 'string' ? [...v.bytes] : undefined);

describe('the object parser', () => {
  it('reads strings with escapes, nesting and line continuations, and odd hex strings', () => {
    expect(bytesOf(value('(a\\(b\\)c (nested) \\101\\7\\\\\\\nz)'))).toEqual([
      ...Buffer.from('a(b)c (nested) A\x07\\z'),
    ]);
    expect(bytesOf(value('<4 1 4>'))).toEqual([0x41, 0x40]);
    expect(textOf(value('<FEFF52A076D6>'))).toBe('加盖');
    expect(() => value('<41zz>')).toThrow(/not a hex digit/);
    expect(() => value('(open')).toThrow(/unterminated/);
  });

  it('tells references from numbers, and records where each value stands', () => {
    const dict = value('<< /A 12 0 R /B [1 2 R] /C 3 /D#20E true >>');
    expect(dict.kind === 'dict' && dict.entries.get('A')).toMatchObject({
      kind: 'ref',
      num: 12,
      gen: 0,
      start: 6,
      end: 12,
    });
    const b = dict.kind === 'dict' ? dict.entries.get('B') : undefined;
    expect(b?.kind === 'array' && b.items.map((i) => i.kind)).toEqual(['ref']);
    expect(dict.kind === 'dict' && [...dict.entries.keys()]).toEqual(['A', 'B', 'C', 'D E']);
  });
});

describe('BER/DER lengths', () => {
  it('follows definite and indefinite lengths, and refuses what does not fit', () => {
    expect(berElementLength(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00, 0x00, 0x00]))).toBe(5);
    expect(berElementLength(Buffer.from([0x30, 0x82, 0x01, 0x00, ...Buffer.alloc(256)]))).toBe(260);
    // SEQUENCE (indefinite) { [0] (indefinite) { INTEGER 0 } } and the end-of-contents markers.
    const ber = [0x30, 0x80, 0xa0, 0x80, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00];
    expect(berElementLength(Buffer.from([...ber, 0x00, 0x00]))).toBe(ber.length);
    expect(berElementLength(Buffer.from([0x30, 0x82, 0x01, 0x00, 0x00]))).toBeUndefined();
    expect(berElementLength(Buffer.from([0x30, 0x80, 0x02, 0x01]))).toBeUndefined();
  });
});

describe('reading a whole file', () => {
  it('finds every object of a pdfkit file where its cross-reference table says', async () => {
    const pdf = parsePdf(await samplePdf());
    const table = pdf.xrefs[0]?.entries.filter((e) => e.type === 'offset') ?? [];
    expect(pdf.problems).toEqual([]);
    expect(pdf.objects).toHaveLength(table.length);
    for (const e of table) expect(pdf.objects.find((d) => d.offset === e.at)?.num).toBe(e.num);
  });

  it('reads object streams and cross-reference streams (as pdf-lib writes them)', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('object streams', { font: await doc.embedFont(StandardFonts.Helvetica) });
    const bytes = await doc.save({ useObjectStreams: true });
    const pdf = parsePdf(bytes);
    expect(pdf.problems).toEqual([]);
    expect(pdf.objects.filter((d) => d.container !== undefined).length).toBeGreaterThan(3);
    expect(pdf.xrefs.flatMap((x) => x.entries).some((e) => e.type === 'compressed')).toBe(true);
    expect(pdf.trailers.at(-1)?.dict.entries.get('Root')?.kind).toBe('ref');
    expect(inspectPdf(bytes)).toEqual({ kind: 'unsigned', signatures: [], problems: [] });
  });
});
