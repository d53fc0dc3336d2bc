import { entry, type PdfValue } from './lexer.ts';
import { parsePdf } from './parse.ts';
import { BYTE_RANGE_PLACEHOLDER } from './placeholder.ts';

/**
 * Completes a signature reserved by addSignatureField (ISO 32000-1 §12.8.1): computes the byte
 * range (the whole file except the /Contents hex string), has the caller sign those bytes and
 * writes the CMS into /Contents. The file keeps its length, so no offset in it moves.
 *
 * Our own code rather than @signpdf/signpdf's SignPdf.sign: that finds /Contents as the first
 * "/Contents " after the placeholder and removes the file's final newline. Here the placeholder
 * is found by the same parser that inspect.ts verifies with, so what is signed is what the
 * inspection later calls a valid byte range.
 */

export type ByteRange = [number, number, number, number];

export class SignatureTooLargeError extends Error {
  override name = 'SignatureTooLargeError';
  constructor(
    readonly bytes: number,
    readonly room: number,
  ) {
    super(`the CMS has ${bytes} bytes; the placeholder has room for ${room}`);
  }
}

/** The placeholder: the /ByteRange array's and the /Contents string's spans (with their brackets). */
type Slot = { byteRange: { start: number; end: number }; contents: { start: number; end: number } };

export async function embedSignature(
  pdfWithPlaceholder: Buffer,
  sign: (signedBytes: Buffer) => Promise<Buffer>,
): Promise<Buffer> {
  const pdf = Buffer.from(pdfWithPlaceholder);
  const slot = findSlot(pdf);
  const { start, end } = slot.contents;
  const byteRange: ByteRange = [0, start, end, pdf.length - end];
  const written = `[${byteRange.join(' ')}]`;
  const width = slot.byteRange.end - slot.byteRange.start;
  if (written.length > width) throw new Error(`the /ByteRange placeholder is too narrow for ${written}`);
  // Spaces after the array keep every later offset where it was.
  pdf.write(written.padEnd(width, ' '), slot.byteRange.start, 'latin1');
  const cms = await sign(signedBytesOf(pdf, byteRange));
  const room = Math.floor((end - start - 2) / 2);
  if (!(cms instanceof Uint8Array) || cms.length === 0) throw new Error('the signer returned no CMS');
  if (cms.length > room) throw new SignatureTooLargeError(cms.length, room);
  // The rest stays zeros: the CMS's own length marks its end (see inspect.ts).
  pdf.write(
    Buffer.from(cms)
      .toString('hex')
      .padEnd(end - start - 2, '0'),
    start + 1,
    'latin1',
  );
  return pdf;
}

/** The bytes a byte range covers, range 1 then range 2. */
export function signedBytesOf(pdf: Uint8Array, byteRange: readonly [number, number, number, number]): Buffer {
  const [a, b, c, d] = byteRange;
  if (!byteRange.every((n) => Number.isSafeInteger(n) && n >= 0) || a + b > c || c + d > pdf.length) {
    throw new RangeError(`byte range [${byteRange.join(' ')}] does not fit a file of ${pdf.length} bytes`);
  }
  const view = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  return Buffer.concat([view.subarray(a, a + b), view.subarray(c, c + d)]);
}

/** The one signature dictionary whose /ByteRange is still the placeholder. */
function findSlot(pdf: Buffer): Slot {
  const isPlaceholder = (v: PdfValue | undefined) =>
    v?.kind === 'array' &&
    v.items.length === 4 &&
    v.items[0]?.kind === 'number' &&
    v.items[0].value === 0 &&
    v.items.slice(1).every((x) => x.kind === 'name' && x.value === BYTE_RANGE_PLACEHOLDER);
  const slots = parsePdf(pdf)
    .objects.filter((d) => d.container === undefined && isPlaceholder(entry(d.value, 'ByteRange')))
    .map((d) => ({ byteRange: entry(d.value, 'ByteRange'), contents: entry(d.value, 'Contents') }));
  if (slots.length !== 1) throw new Error(`expected one signature placeholder, found ${slots.length}`);
  const [{ byteRange, contents }] = slots as [{ byteRange?: PdfValue; contents?: PdfValue }];
  if (!byteRange || contents?.kind !== 'string' || !contents.hex) {
    throw new Error('the signature placeholder has no /Contents hex string');
  }
  return { byteRange, contents };
}
