import { entry, isWhitespace, nameOf, type PdfValue, sameValue } from './lexer.ts';
import type { ObjectDef, ParsedPdf } from './parse.ts';
import { keyOf, reachable, type View } from './revision.ts';

/**
 * What the incremental updates after a signature do (ISO 32000-1 §12.8.2.2 allows a signed file
 * to grow; ETSI EN 319 142-1 §5.4 adds a DSS dictionary that way for long-term validation).
 *
 * Conservative by design: the updates are 'benign' only when every object they write is proved
 * harmless, namely a catalog that differs from the signed one in /DSS alone, or a new object
 * reachable only through that /DSS (certificates, CRLs, OCSP responses, VRI), or the bookkeeping
 * of cross-reference and object streams. Anything else is 'content', with the reasons: new or
 * replaced pages, content streams, annotations, form fields, a second signature, deletions, and
 * cross-reference entries that re-point an object at bytes of the signed revision (the "replace"
 * half of a shadow attack, which writes no object at all).
 */

export type AppendedChanges = 'none' | 'benign' | 'content';

export function appendedChanges(
  pdf: ParsedPdf,
  signed: View,
  latest: View,
): { changes: AppendedChanges; reasons: string[] } {
  const end = signed.end;
  if (onlyWhitespaceFrom(pdf.buf, end)) return { changes: 'none', reasons: [] };
  const reasons = [
    ...pdf.unreadable.filter((at) => at >= end).map((at) => `an update has an unreadable object at ${at}`),
    ...pdf.junk.filter((at) => at >= end).map((at) => `an update has bytes at ${at} that are not PDF syntax`),
    ...trailerChanges(signed, latest),
    ...xrefChanges(pdf, signed),
    ...objectChanges(pdf, signed, latest),
  ];
  return { changes: reasons.length ? 'content' : 'benign', reasons };
}

function onlyWhitespaceFrom(buf: Uint8Array, end: number): boolean {
  for (let i = end; i < buf.length; i++) if (!isWhitespace(buf[i])) return false;
  return true;
}

function trailerChanges(signed: View, latest: View): string[] {
  const out: string[] = [];
  if (!sameValue(signed.root, latest.root)) out.push('an update replaces the document catalog (/Root)');
  if (!sameValue(signed.encrypt, latest.encrypt) && (signed.encrypt || latest.encrypt)) {
    out.push('an update changes the encryption (/Encrypt)');
  }
  return out;
}

function xrefChanges(pdf: ParsedPdf, signed: View): string[] {
  const out: string[] = [];
  const signedNumbers = new Set([...signed.objects.values()].map((d) => d.num));
  for (const section of pdf.xrefs) {
    if (section.offset < signed.end) continue;
    for (const e of section.entries) {
      const key = keyOf(e.num, e.gen);
      if (e.num === 0) continue;
      if (e.type === 'free' && signed.objects.has(key)) out.push(`an update deletes object ${key}`);
      if (e.type === 'offset' && e.at < signed.end) {
        out.push(`an update points object ${key} at offset ${e.at}, inside the signed revision`);
      }
      if (e.type === 'compressed' && signedNumbers.has(e.at))
        out.push(`an update points object ${key} into object stream ${e.at} of the signed revision`);
    }
  }
  return out;
}

function objectChanges(pdf: ParsedPdf, signed: View, latest: View): string[] {
  const rootKey = signed.root?.kind === 'ref' ? keyOf(signed.root.num, signed.root.gen) : undefined;
  const dss = entry(latest.objects.get(rootKey ?? '')?.value, 'DSS');
  const dssObjects = dss ? reachable(latest, [dss]) : new Set<string>();
  const out: string[] = [];
  for (let i = firstAtOrAfter(pdf.objects, signed.end); i < pdf.objects.length; i++) {
    const def = pdf.objects[i] as ObjectDef;
    const key = keyOf(def.num, def.gen);
    const before = signed.objects.get(key);
    const type = nameOf(entry(def.value, 'Type'));
    if (before) {
      if (sameDefinition(before, def)) continue;
      if (key === rootKey && differsInDssOnly(before.value, def.value)) continue;
      out.push(`an update replaces ${key}, defined by the signed revision`);
    } else if (type !== 'XRef' && type !== 'ObjStm' && !dssObjects.has(key)) {
      out.push(`an update adds ${key}${type ? ` (/Type /${type})` : ''}, which is not part of a /DSS`);
    }
  }
  return out;
}

/** The index of the first definition at or after an offset (definitions are in file order). */
function firstAtOrAfter(defs: ObjectDef[], offset: number): number {
  let [lo, hi] = [0, defs.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((defs[mid] as ObjectDef).offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameDefinition(a: ObjectDef, b: ObjectDef): boolean {
  if (!sameValue(a.value, b.value) || !a.stream !== !b.stream) return false;
  if (!a.stream || !b.stream) return true;
  const data = (d: ObjectDef, s: { start: number; end: number }) =>
    Buffer.from(d.buf.subarray(s.start, s.end));
  return data(a, a.stream).equals(data(b, b.stream));
}

function differsInDssOnly(before: PdfValue, after: PdfValue): boolean {
  if (before.kind !== 'dict' || after.kind !== 'dict') return false;
  const keys = new Set([...before.entries.keys(), ...after.entries.keys()]);
  keys.delete('DSS');
  return [...keys].every((k) => sameValue(before.entries.get(k), after.entries.get(k)));
}
