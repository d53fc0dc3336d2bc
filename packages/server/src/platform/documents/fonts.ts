import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { Measure } from './layout.ts';

/**
 * The fonts of official documents. The vendor fonts GB/T 9704-2012 names (方正小标宋, 仿宋_GB2312)
 * are licensed per installation, so free fonts stand in for them, both arriving with npm install:
 *
 * - Noto Serif SC (思源宋体), Regular for the body and Bold for the header and the title, from
 *   @expo-google-fonts/noto-serif-sc 0.4.3. © 2017 Adobe (Source Han Serif); SIL Open Font
 *   License 1.1 (LICENSE_FONT in the package). 30,920 glyphs: all of U+4E00–9FFF and CJK
 *   Extension A, and 217 ideographs of Plane 2, the 通用规范汉字表's among them (e.g. 𬌗).
 * - 花园明朝 HanaMin A/B (Hanazono Mincho, GlyphWiki), for any character Noto lacks: every CJK
 *   unified ideograph up to Extension F, so also the rest of Extension B (e.g. 𠀀 U+20000) that
 *   GB 18030-2022 level 3 requires. From the npm package hanamin 0.0.5 (the package's own MIT
 *   licence covers its CSS; the font is the Hanazono font, free under its own licence or, at
 *   the user's choice, the SIL Open Font License 1.1). It is split into WOFF2 files by Unicode
 *   block; the one a character needs is decoded to TrueType with wawoff2 (MIT) and cached.
 *   Not covered by either: Extensions G–I (Plane 3) and U+2A6D7–2A6DF, newer than the 2017 release.
 *
 * pdfkit embeds only the glyphs a document uses (subsetting), so a page costs tens of kilobytes.
 */

const require = createRequire(import.meta.url);
/** wawoff2 2.0.1 (MIT): Google's woff2 decoder compiled to WebAssembly; CommonJS, without types. */
const { decompress } = require('wawoff2') as { decompress: (woff2: Uint8Array) => Promise<Uint8Array> };

export type Face = 'regular' | 'bold';

const NOTO: Record<Face, string> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};

type Loaded = { bytes: Buffer; font: fontkit.Font };

const main = new Map<Face, Loaded>();

function load(bytes: Buffer): Loaded {
  const font = fontkit.create(bytes);
  if (!('glyphForCodePoint' in font)) throw new Error('a font collection where a font was expected');
  return { bytes, font };
}

function mainFont(face: Face): Loaded {
  let loaded = main.get(face);
  if (!loaded) {
    loaded = load(fs.readFileSync(require.resolve(NOTO[face])));
    main.set(face, loaded);
  }
  return loaded;
}

/** One WOFF2 file of the fallback font and the code points it holds (from its CSS unicode-range). */
type Chunk = { file: string; ranges: [number, number][] };

let chunks: Chunk[] | undefined;

function fallbackChunks(): Chunk[] {
  if (chunks) return chunks;
  const css = fs.readFileSync(require.resolve('hanamin/HanaMin.css'), 'utf8');
  const dir = path.dirname(require.resolve('hanamin/HanaMin.css'));
  chunks = [];
  for (const face of css.split('@font-face').slice(1)) {
    const file = face.match(/url\(([^)]+\.woff2)\)/)?.[1];
    const range = face.match(/unicode-range:\s*([^;]+);/)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      const from = Number.parseInt(a ?? '', 16);
      return [from, b ? Number.parseInt(b, 16) : from];
    });
    chunks.push({ file: path.join(dir, file), ranges });
  }
  return chunks;
}

function chunkFor(cp: number): Chunk | undefined {
  return fallbackChunks().find((c) => c.ranges.some(([a, b]) => cp >= a && cp <= b));
}

/** Decoded fallback files, most recently used last; a few dozen at most are kept. */
const decoded = new Map<string, Promise<Loaded>>();
const DECODED_LIMIT = 24;

function fallbackFont(chunk: Chunk): Promise<Loaded> {
  const cached = decoded.get(chunk.file);
  const loaded = cached ?? decompress(fs.readFileSync(chunk.file)).then((ttf) => load(Buffer.from(ttf)));
  decoded.delete(chunk.file);
  decoded.set(chunk.file, loaded);
  if (decoded.size > DECODED_LIMIT) decoded.delete(decoded.keys().next().value as string);
  if (!cached) loaded.catch(() => decoded.delete(chunk.file));
  return loaded;
}

/** The fonts one document needs, loaded, and how each character is measured and drawn. */
export type FontBook = {
  /** Font key → TrueType bytes, to register with pdfkit. */
  sources: Map<string, Buffer>;
  measure(face: Face): Measure;
  /** Characters no font has: they would print as empty boxes. */
  missing: string[];
  /** Ascent and the ideographic em box top of a font key, as fractions of the size. */
  metrics(key: string): { ascent: number; descent: number; emTop: number };
  /** The top of a character's outline above the baseline, as a fraction of the size. */
  inkTop(face: Face, char: string): number;
  /** A character's outline in a font key as an SVG path, in font units with y up (to draw it as a shape). */
  outline(key: string, char: string): { path: string; unitsPerEm: number };
};

const width = (f: fontkit.Font, cp: number, size: number) =>
  (f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm) * size;

/** Loads what the given text needs: the two Noto faces and any fallback files. */
export async function prepareFonts(text: string): Promise<FontBook> {
  const sources = new Map<string, Buffer>();
  const fonts = new Map<string, fontkit.Font>();
  for (const face of ['regular', 'bold'] as const) {
    const { bytes, font } = mainFont(face);
    sources.set(face, bytes);
    fonts.set(face, font);
  }
  const regular = fonts.get('regular') as fontkit.Font;
  const byCodePoint = new Map<number, string>();
  const missing = new Set<string>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0) as number;
    if (regular.hasGlyphForCodePoint(cp) || cp < 0x20) continue;
    const chunk = chunkFor(cp);
    const fallback = chunk ? await fallbackFont(chunk) : undefined;
    if (chunk && fallback?.font.hasGlyphForCodePoint(cp)) {
      const key = `fallback-${path.basename(chunk.file, '.woff2')}`;
      sources.set(key, fallback.bytes);
      fonts.set(key, fallback.font);
      byCodePoint.set(cp, key);
    } else missing.add(ch);
  }
  return {
    sources,
    missing: [...missing],
    measure: (face) => (cp, size) => {
      const key = byCodePoint.get(cp) ?? face;
      return { font: key, width: width(fonts.get(key) as fontkit.Font, cp, size) };
    },
    inkTop: (face, char) => {
      const f = fonts.get(face) as fontkit.Font;
      return f.glyphForCodePoint(char.codePointAt(0) as number).bbox.maxY / f.unitsPerEm;
    },
    outline: (key, char) => {
      const f = fonts.get(key) as fontkit.Font;
      return {
        path: f.glyphForCodePoint(char.codePointAt(0) as number).path.toSVG(),
        unitsPerEm: f.unitsPerEm,
      };
    },
    metrics: (key) => {
      const f = fonts.get(key) as fontkit.Font;
      const typoAscender = f['OS/2']?.typoAscender;
      return {
        ascent: f.ascent / f.unitsPerEm,
        descent: f.descent / f.unitsPerEm,
        // The ideographic em box's top (OS/2 typo ascender in CJK fonts: 880 of 1000).
        emTop: (typoAscender ?? 880) / f.unitsPerEm,
      };
    },
  };
}

/** The characters of a text that no document font can print (so that a caller can refuse early). */
export async function uncoveredCharacters(text: string): Promise<string[]> {
  return (await prepareFonts(text)).missing;
}
