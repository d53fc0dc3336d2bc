import { describe, expect, it } from 'vitest';
import { FileTypeMismatchProblem, FileTypeNotAllowedProblem } from './problems.ts';
import { samples, zip } from './samples.ts';
import { checkMaterialType, normaliseMediaType, sniffType, zipEntryNames } from './sniff.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('sniffing materials', () => {
  it.each([
    ['a PDF', samples.pdf(), 'application/pdf'],
    ['a PNG', samples.png(), 'image/png'],
    ['a JPEG', samples.jpeg(), 'image/jpeg'],
    ['a DOCX', samples.docx(), DOCX],
    ['an OFD', samples.ofd(), 'application/ofd'],
  ])('recognises %s and accepts it declared as itself', async (_, bytes, type) => {
    expect(await sniffType(bytes)).toBe(type);
    expect(await checkMaterialType(type, bytes)).toBe(type);
  });

  it('ignores case and parameters in the declared type', async () => {
    expect(await checkMaterialType('Application/PDF; charset=binary', samples.pdf())).toBe('application/pdf');
  });

  it('refuses a PNG declared as a JPEG, saying both types', async () => {
    const refusal = await checkMaterialType('image/jpeg', samples.png()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FileTypeMismatchProblem);
    expect(refusal).toMatchObject({
      status: 422,
      code: 'file_type_mismatch',
      declared: 'image/jpeg',
      sniffed: 'image/png',
    });
    expect((refusal as Error).message).toContain('image/jpeg');
    expect((refusal as Error).message).toContain('image/png');
  });

  it('refuses an OFD declared as a plain zip or as a PDF', async () => {
    await expect(checkMaterialType('application/zip', samples.ofd())).rejects.toBeInstanceOf(
      FileTypeMismatchProblem,
    );
    await expect(checkMaterialType('application/pdf', samples.ofd())).rejects.toBeInstanceOf(
      FileTypeMismatchProblem,
    );
  });

  it('refuses a missing declared type as a mismatch', async () => {
    await expect(checkMaterialType('', samples.pdf())).rejects.toMatchObject({ code: 'file_type_mismatch' });
  });

  it.each([
    ['a plain zip', samples.zip(), 'application/zip'],
    ['a Windows executable', samples.exe(), 'application/x-msdownload'],
    ['plain text', samples.text(), 'text/plain'],
    ['an empty file', Buffer.alloc(0), 'application/pdf'],
  ])('refuses %s whatever it is declared as', async (_, bytes, declared) => {
    const refusal = await checkMaterialType(declared, bytes).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FileTypeNotAllowedProblem);
    expect(refusal).toMatchObject({ status: 415, code: 'file_type_not_allowed' });
  });

  it('refuses an executable declared as a PDF as not allowed, not as a mismatch', async () => {
    await expect(checkMaterialType('application/pdf', samples.exe())).rejects.toBeInstanceOf(
      FileTypeNotAllowedProblem,
    );
  });

  it('does not take a zip with OFD.xml below the root for an OFD document', async () => {
    expect(await sniffType(zip([['Doc_0/OFD.xml', '<x/>']]))).toBe('application/zip');
  });
});

describe('zip entry names', () => {
  it('lists the central directory', () => {
    expect(zipEntryNames(samples.ofd())).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
  });

  it('returns nothing for truncated or foreign bytes, without throwing', () => {
    const ofd = samples.ofd();
    for (let cut = 0; cut < ofd.length; cut += 7) expect(zipEntryNames(ofd.subarray(0, cut))).toEqual([]);
    expect(zipEntryNames(samples.pdf())).toEqual([]);
    const lying = Buffer.from(ofd);
    lying.writeUInt16LE(60_000, lying.length - 12); // the end record claims more entries than exist
    expect(zipEntryNames(lying)).toEqual([]);
  });
});

it('normalises media types', () => {
  expect(normaliseMediaType(' IMAGE/PNG ; q=1')).toBe('image/png');
});
