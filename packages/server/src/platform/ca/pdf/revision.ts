import { entry, nameOf, type PdfValue } from './lexer.ts';
import type { ObjectDef, ParsedPdf } from './parse.ts';

/**
 * A revision of a PDF: the objects and trailer of the file's first `end` bytes, later
 * definitions of an object replacing earlier ones as incremental updates do (§7.5.6). And the
 * shadow-attack indicators of such a revision (Mainka, Mladenov, Rohlmann: "Shadow Attacks",
 * NDSS 2021): content that the signer's viewer did not show but that the signed bytes hold, ready
 * to be switched on by an update after signing.
 */

export type View = {
  end: number;
  objects: Map<string, ObjectDef>;
  root?: PdfValue;
  info?: PdfValue;
  encrypt?: PdfValue;
};

export const keyOf = (num: number, gen: number) => `${num} ${gen}`;
const MAX_REPORTED = 20;

export function viewUpTo(pdf: ParsedPdf, end: number): View {
  const objects = new Map<string, ObjectDef>();
  for (const def of pdf.objects)
    if (def.offset < end && def.num > 0) objects.set(keyOf(def.num, def.gen), def);
  const view: View = { end, objects };
  // A later trailer's entries win; an entry a later trailer leaves out is taken from an earlier one.
  for (const t of pdf.trailers) {
    if (t.offset >= end) continue;
    view.root = t.dict.entries.get('Root') ?? view.root;
    view.info = t.dict.entries.get('Info') ?? view.info;
    view.encrypt = t.dict.entries.get('Encrypt') ?? view.encrypt;
  }
  return view;
}

export const lookup = (view: View, v: PdfValue | undefined): PdfValue | undefined =>
  v?.kind === 'ref' ? view.objects.get(keyOf(v.num, v.gen))?.value : v;

/** The keys of the objects reachable from some values (by default the trailer's Root, Info and Encrypt). */
export function reachable(view: View, from: (PdfValue | undefined)[] = [view.root, view.info, view.encrypt]) {
  const seen = new Set<string>();
  const stack = from.filter((v): v is PdfValue => v !== undefined);
  for (let v = stack.pop(); v; v = stack.pop()) {
    if (v.kind === 'ref') {
      const key = keyOf(v.num, v.gen);
      const def = view.objects.get(key);
      if (seen.has(key) || !def) continue;
      seen.add(key);
      stack.push(def.value);
    } else if (v.kind === 'array') stack.push(...v.items);
    else if (v.kind === 'dict') stack.push(...v.entries.values());
  }
  return seen;
}

/** What a reader would take an object for. */
export function describe(def: ObjectDef): string {
  const type = nameOf(entry(def.value, 'Type'));
  const subtype = nameOf(entry(def.value, 'Subtype'));
  if (type === 'Page') return 'page';
  if (type === 'Pages') return 'page tree node';
  if (type === 'XObject' || subtype === 'Form' || subtype === 'Image')
    return `${subtype ?? ''} XObject`.trim();
  if (type === 'Annot' || subtype === 'Widget') return 'annotation';
  if (type === 'Catalog') return 'document catalog';
  if (def.stream) return type ? `${type} stream` : 'stream (a content stream?)';
  return type ? `${type} object` : 'object';
}

/** Shadow-attack indicators in the revision that ends at `view.end`. */
export function hiddenContent(pdf: ParsedPdf, view: View): string[] {
  const found = [
    ...unreachableObjects(view),
    ...duplicateDefinitions(pdf, view.end),
    ...xrefMismatches(pdf, view),
  ];
  return found.length > MAX_REPORTED
    ? [...found.slice(0, MAX_REPORTED), `… and ${found.length - MAX_REPORTED} more`]
    : found;
}

function unreachableObjects(view: View): string[] {
  const live = reachable(view);
  // The linearization dictionary and its hint streams are found by position, not by reference.
  const hints = new Set<number>();
  for (const def of view.objects.values()) {
    const h = entry(def.value, 'H');
    if (entry(def.value, 'Linearized') && h?.kind === 'array') {
      for (const x of h.items.filter((_, i) => i % 2 === 0)) if (x.kind === 'number') hints.add(x.value);
    }
  }
  const out: string[] = [];
  for (const [key, def] of view.objects) {
    const type = nameOf(entry(def.value, 'Type'));
    if (live.has(key) || type === 'XRef' || type === 'ObjStm' || entry(def.value, 'Linearized')) continue;
    if (hints.has(def.offset) || inert(def)) continue;
    out.push(
      `${describe(def)} ${key} (at ${def.offset}) is in the signed bytes but not reachable from the trailer`,
    );
  }
  return out;
}

/**
 * Neither a stream nor referring to anything: nothing a reader could be made to show (pdfkit,
 * for one, always writes an empty outline dictionary that nothing refers to).
 */
function inert(def: ObjectDef): boolean {
  if (def.stream) return false;
  const stack: PdfValue[] = [def.value];
  for (let v = stack.pop(); v; v = stack.pop()) {
    if (v.kind === 'ref') return false;
    if (v.kind === 'array') stack.push(...v.items);
    if (v.kind === 'dict') stack.push(...v.entries.values());
  }
  return true;
}

/** Two definitions of one object in one revision: which one counts depends on the reader. */
function duplicateDefinitions(pdf: ParsedPdf, end: number): string[] {
  const out: string[] = [];
  for (const { object, offsets } of repeatedDefinitions(pdf)) {
    const signed = offsets.filter((o) => o < end);
    if (signed.length > 1)
      out.push(
        `object ${object} is defined ${signed.length} times in one revision (at ${signed.join(', ')})`,
      );
  }
  return out;
}

type Repeated = { object: string; offsets: number[] };
const repeatedCache = new WeakMap<ParsedPdf, Repeated[]>();

/** The objects defined more than once in one revision, and where (computed once a file). */
function repeatedDefinitions(pdf: ParsedPdf): Repeated[] {
  const cached = repeatedCache.get(pdf);
  if (cached) return cached;
  const seen = new Map<string, number[]>();
  let revision = 0;
  for (const def of pdf.objects) {
    // Definitions and %%EOF markers both come in file order.
    while (revision < pdf.eofs.length && (pdf.eofs[revision] as number) <= def.offset) revision++;
    const key = `${keyOf(def.num, def.gen)}@${revision}`;
    const offsets = seen.get(key);
    if (offsets) offsets.push(def.offset);
    else seen.set(key, [def.offset]);
  }
  const repeated = [...seen]
    .filter(([, offsets]) => offsets.length > 1)
    .map(([key, offsets]) => ({ object: key.split('@')[0] as string, offsets }));
  repeatedCache.set(pdf, repeated);
  return repeated;
}

const definitionStarts = new WeakMap<ParsedPdf, Map<number, ObjectDef>>();

/**
 * Cross-reference entries of the revision that point where no definition of that object starts:
 * a reader following them would read something this inspection never saw (an object hidden in
 * another object's stream data, say, or the other of two definitions).
 */
function xrefMismatches(pdf: ParsedPdf, view: View): string[] {
  let starts = definitionStarts.get(pdf);
  if (!starts) {
    starts = new Map(pdf.objects.filter((d) => d.container === undefined).map((d) => [d.offset, d]));
    definitionStarts.set(pdf, starts);
  }
  const out: string[] = [];
  for (const section of pdf.xrefs) {
    if (section.offset >= view.end) continue;
    for (const e of section.entries) {
      if (e.type !== 'offset' || e.num === 0) continue;
      let at = e.at;
      // Writers that count a line end differently are off by a byte or two; that is no attack.
      while (at < view.end && at < e.at + 4 && !starts.has(at)) at++;
      const def = starts.get(at);
      if (!def || def.offset >= view.end || def.num !== e.num || def.gen !== e.gen) {
        out.push(
          `the cross-reference entry of ${keyOf(e.num, e.gen)} points at ${e.at}, where that object is not defined`,
        );
      }
    }
  }
  return out;
}
