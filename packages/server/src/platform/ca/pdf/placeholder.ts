/**
 * Reserves room for a signature in a PDF that pdfkit is writing (ISO 32000-1 §12.8, PAdES
 * baseline: ETSI EN 319 142-1 §5.3): an /AcroForm with one signature field whose value is a
 * signature dictionary with placeholders for /ByteRange and /Contents. sign.ts fills them in
 * once the file is complete.
 *
 * Our own port of the idea of @signpdf/placeholder-pdfkit, which declares pdfkit ^0.11 and
 * reaches into internals that pdfkit 0.20 has changed. The pdfkit internals used here are
 * listed in PdfkitInternals; the tests render with the installed pdfkit and read the result back.
 */

/** Bytes reserved for the CMS when the caller does not say (the size pki/cms stays within). */
export const DEFAULT_SIGNATURE_BYTES = 16384;
/** The name placeholder sign.ts looks for, wide enough for four ten-digit numbers. */
export const BYTE_RANGE_PLACEHOLDER = '**********';

export type SignatureFieldOptions = {
  reason: string;
  location?: string;
  /** The signer's name as the signature dictionary states it (/Name). */
  name: string;
  contactInfo?: string;
  /** Room for the CMS in bytes (written as twice as many hex digits). */
  signatureBytes?: number;
  /**
   * Where the field's widget sits: a 0-based page index and [x, y, width, height] in pdfkit's
   * coordinates (points from the top left, as the renderer draws the seal image). Without it the
   * widget is invisible (a zero rectangle) on the current page. The widget has no appearance of
   * its own: the seal is drawn on the page by the document renderer.
   */
  widget?: { page: number; rect: [number, number, number, number] };
  /** The field's name (/T); `Seal1`, `Seal2`, … by default. */
  fieldName?: string;
  /** The signing time stated in /M (defaults to now). */
  signingTime?: Date;
};

type Ref = { data: Record<string, unknown>; end(): void };
type Page = { dictionary: Ref; height: number; annotations: unknown[] };
/** The parts of pdfkit 0.20's PDFDocument used here (not in its type definitions). */
type PdfkitInternals = {
  ref(data: Record<string, unknown>): Ref;
  page?: Page;
  _root: Ref;
  _pageBuffer: Page[];
  _pageBufferStart: number;
  _acroform?: { fonts: Record<string, unknown>; defaultFont: string };
};

// Annotation flags (§12.5.3): print with the page, and lock the field against being moved.
const PRINT = 4;
const LOCKED = 128;
// SigFlags (§12.7.2): signatures exist; the file is to be saved by incremental updates only.
const SIG_FLAGS = 3;

/** Adds a signature field with a placeholder signature; call before `doc.end()`. Returns the field's name. */
export function addSignatureField(doc: PDFKit.PDFDocument, o: SignatureFieldOptions): string {
  const pdf = doc as unknown as PdfkitInternals;
  const bytes = o.signatureBytes ?? DEFAULT_SIGNATURE_BYTES;
  if (!Number.isInteger(bytes) || bytes < 64 || bytes > 1024 * 1024) {
    throw new RangeError(`signatureBytes must be an integer from 64 to 1 MiB, not ${bytes}`);
  }
  const page = pageOf(pdf, o.widget?.page);
  const form = acroForm(pdf);
  const fields = form.data.Fields as unknown[];
  const fieldName = o.fieldName ?? `Seal${fields.length + 1}`;
  // pdfkit writes a JavaScript String object as a PDF text string: ASCII as is, anything else
  // as UTF-16BE after a byte order mark (§7.9.2.2), so Chinese names and reasons survive.
  const text = (s: string) => new String(s);
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    // sign.ts finds /ByteRange first and then /Contents after it; keep this order.
    ByteRange: [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER],
    Contents: new Uint8Array(bytes),
    M: o.signingTime ?? new Date(),
    Reason: text(o.reason),
    Name: text(o.name),
    ...(o.location === undefined ? {} : { Location: text(o.location) }),
    ...(o.contactInfo === undefined ? {} : { ContactInfo: text(o.contactInfo) }),
  });
  const widget = pdf.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: text(fieldName),
    V: signature,
    F: PRINT | LOCKED,
    P: page.dictionary,
    Rect: o.widget ? pdfRect(page, o.widget.rect) : [0, 0, 0, 0],
  });
  page.annotations.push(widget);
  fields.push(widget);
  form.data.SigFlags = SIG_FLAGS;
  signature.end();
  widget.end();
  return fieldName;
}

/** A page whose dictionary pdfkit has not written yet (only those can take the widget). */
function pageOf(pdf: PdfkitInternals, index: number | undefined): Page {
  if (index === undefined) {
    if (!pdf.page) throw new Error('the document has no page for the signature field');
    return pdf.page;
  }
  const page = pdf._pageBuffer[index - pdf._pageBufferStart];
  if (!page) {
    throw new Error(
      `page ${index} is not buffered (pages ${pdf._pageBufferStart}–${pdf._pageBufferStart + pdf._pageBuffer.length - 1} are); create the document with bufferPages: true`,
    );
  }
  return page;
}

/**
 * The document's AcroForm, created if pdfkit has none. pdfkit's end() finishes an AcroForm
 * through its own form code, which expects the state that initForm() leaves behind: a font table
 * and a /DR /Font dictionary. An empty one of each is set up here rather than calling initForm(),
 * which would also set /NeedAppearances, asking viewers to rewrite the fields of a signed file.
 */
function acroForm(pdf: PdfkitInternals): Ref {
  const existing = pdf._root.data.AcroForm as Ref | undefined;
  if (existing) return existing;
  pdf._acroform ??= { fonts: {}, defaultFont: 'Helvetica' };
  const form = pdf.ref({ Fields: [], DR: { Font: {} } });
  pdf._root.data.AcroForm = form;
  return form;
}

/** pdfkit's top-left [x, y, w, h] to a PDF rectangle [llx, lly, urx, ury] in default user space. */
function pdfRect(page: Page, [x, y, w, h]: [number, number, number, number]): number[] {
  return [x, page.height - y - h, x + w, page.height - y];
}
