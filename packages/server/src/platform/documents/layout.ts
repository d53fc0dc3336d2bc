/**
 * The geometry of GB/T 9704-2012 and a line breaker for Chinese official text. Pure: fonts come
 * in as a `Measure`, so that the grid and the breaking rules are tested without a PDF.
 *
 * GB/T 9704-2012 §5.2: A4 (210 × 297 mm); top margin (天头) 37 mm, left margin (订口) 28 mm, text
 * block (版心) 156 × 225 mm. §5.2.2 and §7.3.4: body in 3号 (16 pt), 22 lines of 28 characters,
 * filling the block. So the first line's characters start at the block's top-left corner and the
 * 28th character of the 22nd line ends at its bottom-right corner:
 *   character pitch = (156 mm − 16 pt) / 27 ≈ 15.785 pt (tracking −0.215 pt),
 *   line pitch      = (225 mm − 16 pt) / 21 ≈ 29.609 pt.
 */

export const MM = 72 / 25.4;

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const TOP = 37 * MM;
export const LEFT = 28 * MM;
export const BLOCK_WIDTH = 156 * MM;
export const BLOCK_HEIGHT = 225 * MM;
export const BODY_SIZE = 16; // 3号
export const TITLE_SIZE = 22; // 2号
export const PAGE_NUMBER_SIZE = 14; // 4号
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const CHAR_PITCH = (BLOCK_WIDTH - BODY_SIZE) / (CHARS_PER_LINE - 1);
export const LINE_PITCH = (BLOCK_HEIGHT - BODY_SIZE) / (LINES_PER_PAGE - 1);
/** Added after each full-width character of the body so that 28 fill the block exactly. */
export const BODY_TRACKING = CHAR_PITCH - BODY_SIZE;
/** The red of the issuing-body header, the rule and the seal. */
export const RED = '#e60012';

/** How wide a code point is at a size, and in which font it is drawn. */
export type Measure = (codePoint: number, size: number) => { font: string; width: number };

/** One drawn character (or a space, which is not drawn) at its place on the line. */
export type Glyph = {
  text: string;
  font: string;
  x: number;
  width: number;
  fullWidth: boolean;
  space: boolean;
};

/** A line ready to draw: glyphs with x offsets from the block's left edge. */
export type Line = { glyphs: Glyph[]; size: number; width: number };

/** Characters that may not begin a line (GB/T 15834 punctuation; 避头点). */
const NO_START = new Set(Array.from('，。、；：？！）》〕】」』”’…—·%‰℃,.;:?!)]}'));
/** Characters that may not end a line (避尾点). */
const NO_END = new Set(Array.from('（《〔【「『“‘([{'));

/**
 * Letters and digits of alphabetic scripts, in their half-width forms: parts of words, never
 * cells of the grid, however wide (m, W).
 */
const LETTERS = /^(?![\uff00-\uffef])[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9]$/u;

type Token = { glyphs: Omit<Glyph, 'x'>[]; space: boolean };

/** Splits text into breakable units: each full-width character alone, Latin words whole, spaces alone. */
function tokenize(text: string, size: number, measure: Measure): Token[] {
  const tokens: Token[] = [];
  let word: Omit<Glyph, 'x'>[] = [];
  const flush = () => {
    if (word.length) tokens.push({ glyphs: word, space: false });
    word = [];
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (ch === ' ' || ch === '\u00a0') {
      flush();
      const m = measure(cp, size);
      tokens.push({
        glyphs: [{ text: ch, font: m.font, width: m.width, fullWidth: false, space: true }],
        space: true,
      });
      continue;
    }
    const m = measure(cp, size);
    const fullWidth = !LETTERS.test(ch) && m.width >= size * 0.9;
    if (fullWidth) {
      flush();
      tokens.push({
        glyphs: [{ text: ch, font: m.font, width: m.width, fullWidth, space: false }],
        space: false,
      });
    } else {
      word.push({ text: ch, font: m.font, width: m.width, fullWidth, space: false });
      // A line may break after a hyphen or slash inside a word, as in 230100-20260301-000123.
      if (ch === '-' || ch === '/') flush();
    }
  }
  flush();
  return tokens;
}

/** The width of glyphs set side by side: full-width ones carry the tracking, except the last. */
function widthOf(glyphs: readonly Omit<Glyph, 'x'>[], tracking: number): number {
  let w = 0;
  glyphs.forEach((g, i) => {
    w += g.width + (g.fullWidth && i < glyphs.length - 1 ? tracking : 0);
  });
  return w;
}

const firstChar = (t: Token) => t.glyphs[0]?.text ?? '';
const lastChar = (t: Token) => t.glyphs.at(-1)?.text ?? '';

export type BreakOptions = {
  size: number;
  /** Width available to every line. */
  width: number;
  /** Indent of the first line (首行缩进), in points. */
  firstIndent?: number;
  /** Indent of the following lines (回行), in points. */
  restIndent?: number;
  /** Spread each line but the last over the full width (撑满版心). */
  justify?: boolean;
  tracking?: number;
};

/**
 * Breaks a paragraph into lines: greedy, then moves characters forward until no line starts with
 * a closing mark and none ends with an opening one; a Latin word too long for a line is cut.
 */
export function breakParagraph(text: string, measure: Measure, o: BreakOptions): Line[] {
  const tracking = o.tracking ?? 0;
  const lines: Token[][] = [];
  let tokens = tokenize(text, o.size, measure);
  // Cut words wider than a line into pieces that fit.
  tokens = tokens.flatMap((t) => {
    if (t.space || widthOf(t.glyphs, tracking) <= o.width - (o.restIndent ?? 0)) return [t];
    const pieces: Token[] = [];
    let piece: Omit<Glyph, 'x'>[] = [];
    for (const g of t.glyphs) {
      if (piece.length && widthOf([...piece, g], tracking) > o.width - (o.restIndent ?? 0)) {
        pieces.push({ glyphs: piece, space: false });
        piece = [];
      }
      piece.push(g);
    }
    if (piece.length) pieces.push({ glyphs: piece, space: false });
    return pieces;
  });

  let current: Token[] = [];
  const available = () => o.width - (lines.length === 0 ? (o.firstIndent ?? 0) : (o.restIndent ?? 0));
  const fits = (line: Token[]) =>
    widthOf(
      trimSpaces(line).flatMap((t) => t.glyphs),
      tracking,
    ) <=
    available() + 0.01;
  for (const token of tokens) {
    if (current.length === 0 && token.space) continue;
    if (fits([...current, token])) {
      current.push(token);
      continue;
    }
    // The token goes to the next line; carry characters back with it while the rules ask.
    const carried: Token[] = [token];
    while (current.length > 1) {
      const last = current.at(-1) as Token;
      const next = carried[0] as Token;
      const startsBadly = NO_START.has(firstChar(next));
      const endsBadly = NO_END.has(lastChar(last));
      if (!startsBadly && !endsBadly) break;
      carried.unshift(current.pop() as Token);
    }
    lines.push(trimSpaces(current));
    current = carried.filter((t, i) => !(i === 0 && t.space));
  }
  if (current.length) lines.push(trimSpaces(current));

  return lines.map((tokensOfLine, i) => {
    const indent = i === 0 ? (o.firstIndent ?? 0) : (o.restIndent ?? 0);
    const isLast = i === lines.length - 1;
    return place(tokensOfLine, indent, o.width - indent, o.size, tracking, Boolean(o.justify && !isLast));
  });
}

function trimSpaces(tokens: Token[]): Token[] {
  let a = 0;
  let b = tokens.length;
  while (a < b && tokens[a]?.space) a++;
  while (b > a && tokens[b - 1]?.space) b--;
  return tokens.slice(a, b);
}

/**
 * Gives each glyph its x. A justified line spreads its slack over its spaces (English), or else
 * over the gaps next to full-width characters, never between the letters of a word or number.
 */
function place(
  tokens: Token[],
  indent: number,
  width: number,
  size: number,
  tracking: number,
  justify: boolean,
): Line {
  const glyphs = tokens.flatMap((t) => t.glyphs);
  const natural = widthOf(glyphs, tracking);
  const spaces = glyphs.filter((g) => g.space).length;
  const slack = justify ? Math.max(0, width - natural) : 0;
  const inWord = (i: number) => {
    const a = glyphs[i];
    const b = glyphs[i + 1];
    return Boolean(a && b && !a.fullWidth && !b.fullWidth && !a.space && !b.space);
  };
  const gaps = glyphs.slice(0, -1).filter((_, i) => !inWord(i)).length;
  // A line left short by a long unbreakable word is not spread thin.
  const spread = justify && spaces === 0 && gaps > 0 && slack / gaps <= size / 4;
  const perSpace = justify && spaces > 0 ? slack / spaces : 0;
  const perGap = spread ? slack / gaps : 0;
  let x = indent;
  const placed = glyphs.map((g, i) => {
    const at = { ...g, x };
    const last = i === glyphs.length - 1;
    x +=
      g.width +
      (g.fullWidth && !last ? tracking : 0) +
      (g.space ? perSpace : 0) +
      (last || inWord(i) ? 0 : perGap);
    return at;
  });
  return { glyphs: placed, size, width: x - indent };
}

/** A run of glyphs drawn with one text operation: same font, evenly spaced. */
export type Run = { text: string; font: string; x: number; spacing: number };

/**
 * Groups a line's glyphs into runs that one `text` call can draw: consecutive non-space glyphs in
 * one font whose pitch (x of the next minus width) is the same.
 */
export function runsOf(line: Line): Run[] {
  const runs: Run[] = [];
  const visible = line.glyphs.filter((g) => !g.space);
  let i = 0;
  while (i < visible.length) {
    const first = visible[i] as Glyph;
    let text = first.text;
    let spacing = 0;
    let j = i + 1;
    const next = visible[j];
    if (next && next.font === first.font && adjacent(line, first, next)) {
      spacing = next.x - first.x - first.width;
      while (j < visible.length) {
        const prev = visible[j - 1] as Glyph;
        const cur = visible[j] as Glyph;
        if (cur.font !== first.font || !adjacent(line, prev, cur)) break;
        if (Math.abs(cur.x - prev.x - prev.width - spacing) > 0.001) break;
        text += cur.text;
        j++;
      }
    }
    runs.push({ text, font: first.font, x: first.x, spacing });
    i = j;
  }
  return runs;
}

/** Two visible glyphs with no space glyph between them on the line. */
function adjacent(line: Line, a: Glyph, b: Glyph): boolean {
  const ia = line.glyphs.indexOf(a);
  const ib = line.glyphs.indexOf(b);
  return ib === ia + 1;
}
