/**
 * The Content-Disposition of a file the platform sends (RFC 6266): the name percent-encoded as
 * UTF-8 in `filename*`, so Chinese names arrive intact and no quote or newline can break the header.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  return `${kind}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
