/**
 * The PDF side of electronic seals: reserving a signature in a PDF that pdfkit writes, embedding
 * the CMS once it exists (platform/ca/pki/cms makes it), and inspecting a PDF that someone
 * uploads for verification.
 */

export type { AppendedChanges } from './changes.ts';
export { type InspectedSignature, inspectPdf, MAX_INSPECT_BYTES, type PdfInspection } from './inspect.ts';
export { addSignatureField, DEFAULT_SIGNATURE_BYTES, type SignatureFieldOptions } from './placeholder.ts';
export { type ByteRange, embedSignature, SignatureTooLargeError, signedBytesOf } from './sign.ts';
