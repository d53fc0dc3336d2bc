import type { FontBook } from './fonts.ts';
import { MM, RED } from './layout.ts';

/**
 * The drawn electronic seal (电子印章) of the issuing unit, as the seal of a government department
 * looks on paper (国发〔1999〕25号: round, 4.2 cm across, a five-pointed star in the centre, the
 * unit's name in 宋体 along the rim, left to right). Red, a little transparent, so that the issuer
 * and date it is pressed on stay legible. The cryptographic seal (PAdES) is another matter: its
 * signature field is placed over this drawing by the caller.
 */

export const SEAL_DIAMETER = 42 * MM;
export const SEAL_RADIUS = SEAL_DIAMETER / 2;
export const SEAL_OPACITY = 0.85;
const RING_WIDTH = 1.2 * MM;
/** The star's outer radius (a 14 mm star) and the ratio of its inner to outer radius. */
const STAR_RADIUS = 7 * MM;
const STAR_INNER = 0.382;
/** The outer edge of the name's characters, 0.8 mm inside the ring. */
const NAME_OUTER = SEAL_RADIUS - RING_WIDTH - 0.8 * MM;
/** The name's characters: 6.5 mm high, condensed as on a seal, centres spread over 240° at most. */
const NAME_SIZE = 6.5 * MM;
const NAME_SPAN = 240;
/** A short name is not spread over the whole arc: its characters at most 40° apart. */
const NAME_MAX_STEP = 40;
/** The narrowest a character is condensed to before the name is set smaller; ink gap between characters. */
const NAME_MIN_SCALE = 0.6;
const NAME_FILL = 0.9;

/** One character of the name: its angle from the top, clockwise, in degrees. */
export type SealGlyph = { char: string; font: string; width: number; angle: number };
/** The name along the arc: size, horizontal condensing, radius of the characters' centres. */
export type SealName = { size: number; scaleX: number; radius: number; glyphs: SealGlyph[] };

/** Where each character of the name goes, and how large; pure, so the arithmetic is tested. */
export function sealName(
  name: string,
  measure: (cp: number, size: number) => { font: string; width: number },
) {
  const chars = Array.from(name);
  const n = chars.length;
  const step = n > 1 ? Math.min(NAME_MAX_STEP, NAME_SPAN / (n - 1)) : 0;
  // Characters stand on radii: the pitch is narrowest at their feet (NAME_OUTER − size), where
  // they must not touch. A long name is set smaller, just so that its characters condensed to
  // the limit fit: (NAME_OUTER − size) · k ≥ NAME_MIN_SCALE · size.
  const k = ((step * Math.PI) / 180) * NAME_FILL;
  const size = n > 1 ? Math.min(NAME_SIZE, (NAME_OUTER * k) / (NAME_MIN_SCALE + k)) : NAME_SIZE;
  const radius = NAME_OUTER - size / 2;
  const room = n > 1 ? (NAME_OUTER - size) * k : size;
  const glyphs = chars.map((char, i) => {
    const m = measure(char.codePointAt(0) as number, size);
    return { char, font: m.font, width: m.width, angle: (i - (n - 1) / 2) * step };
  });
  const widest = Math.max(...glyphs.map((g) => g.width), 1e-9);
  return { size, scaleX: Math.min(1, room / widest), radius, glyphs } satisfies SealName;
}

/** Draws the seal centred on (cx, cy): ring, star, name. */
export function drawSeal(
  doc: PDFKit.PDFDocument,
  fonts: FontBook,
  name: string,
  cx: number,
  cy: number,
): void {
  doc.save();
  doc.fillOpacity(SEAL_OPACITY).strokeOpacity(SEAL_OPACITY).fillColor(RED).strokeColor(RED);
  ring(doc, cx, cy);
  star(doc, cx, cy);
  arcText(doc, fonts, sealName(name, fonts.measure('bold')), cx, cy);
  doc.restore();
}

function ring(doc: PDFKit.PDFDocument, cx: number, cy: number): void {
  // The stroke is centred on the path: its outer edge is the seal's 42 mm.
  doc
    .circle(cx, cy, SEAL_RADIUS - RING_WIDTH / 2)
    .lineWidth(RING_WIDTH)
    .stroke();
}

/** A five-pointed star, one point up. */
function star(doc: PDFKit.PDFDocument, cx: number, cy: number): void {
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? STAR_RADIUS : STAR_RADIUS * STAR_INNER;
    const a = (k * Math.PI) / 5;
    const x = cx + r * Math.sin(a);
    const y = cy - r * Math.cos(a);
    if (k === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  }
  doc.closePath().fill();
}

/**
 * Each character upright towards the rim: turned by its angle around the seal's centre. Drawn as
 * its outline, a shape like the rest of the seal: the document's text (pdftotext, screen readers,
 * search) stays the document's words, without the seal's characters strewn among them.
 */
function arcText(doc: PDFKit.PDFDocument, fonts: FontBook, name: SealName, cx: number, cy: number): void {
  for (const g of name.glyphs) {
    const a = (g.angle * Math.PI) / 180;
    const { path, unitsPerEm } = fonts.outline(g.font, g.char);
    // The em box centred on the character's point: the baseline is below the centre.
    const baseline = (fonts.metrics(g.font).emTop - 0.5) * name.size;
    const unit = name.size / unitsPerEm;
    doc.save();
    doc.translate(cx + name.radius * Math.sin(a), cy - name.radius * Math.cos(a));
    doc.rotate(g.angle);
    doc.scale(name.scaleX, 1);
    doc.translate(-g.width / 2, baseline);
    doc.scale(unit, -unit);
    doc.path(path).fill();
    doc.restore();
  }
}
