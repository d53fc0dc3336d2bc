import { describe, expect, it } from 'vitest';
import {
  BLOCK_HEIGHT,
  BLOCK_WIDTH,
  BODY_SIZE,
  BODY_TRACKING,
  breakParagraph,
  CHAR_PITCH,
  CHARS_PER_LINE,
  LEFT,
  LINE_PITCH,
  LINES_PER_PAGE,
  type Measure,
  MM,
  PAGE,
  runsOf,
  TOP,
} from './layout.ts';

// A stand-in font: ideographs and full-width marks 1 em, everything else half an em.
const measure: Measure = (cp, size) => ({
  font: cp > 0x2e80 ? 'cjk' : 'latin',
  width: cp > 0x2e80 ? size : size / 2,
});
const body = (text: string, justify = true) =>
  breakParagraph(text, measure, { size: BODY_SIZE, width: BLOCK_WIDTH, tracking: BODY_TRACKING, justify });
const textOf = (line: { glyphs: { text: string }[] }) => line.glyphs.map((g) => g.text).join('');

describe('GB/T 9704-2012 geometry', () => {
  it('is A4 with a 156 × 225 mm block 37 mm from the top and 28 mm from the left', () => {
    expect(PAGE.width).toBeCloseTo(210 * MM, 1);
    expect(PAGE.height).toBeCloseTo(297 * MM, 1);
    expect(TOP / MM).toBeCloseTo(37, 6);
    expect(LEFT / MM).toBeCloseTo(28, 6);
  });

  it('fits 28 characters of 3号 to a line and 22 lines to the block exactly', () => {
    expect((CHARS_PER_LINE - 1) * CHAR_PITCH + BODY_SIZE).toBeCloseTo(BLOCK_WIDTH, 9);
    expect((LINES_PER_PAGE - 1) * LINE_PITCH + BODY_SIZE).toBeCloseTo(BLOCK_HEIGHT, 9);
    expect(CHAR_PITCH).toBeCloseTo(15.785, 3);
    expect(LINE_PITCH).toBeCloseTo(29.609, 3);
  });
});

describe('breaking Chinese official text', () => {
  it('sets 28 characters on a full line, filling the block', () => {
    const lines = body('一'.repeat(60));
    expect(lines.map((l) => l.glyphs.length)).toEqual([28, 28, 4]);
    expect(lines[0]?.width).toBeCloseTo(BLOCK_WIDTH, 6);
    expect(lines[0]?.glyphs[27]?.x).toBeCloseTo(27 * CHAR_PITCH, 6);
  });

  it('indents the first line by two characters and brings the rest back to the edge', () => {
    const lines = breakParagraph('一'.repeat(40), measure, {
      size: BODY_SIZE,
      width: BLOCK_WIDTH,
      tracking: BODY_TRACKING,
      firstIndent: 2 * CHAR_PITCH,
    });
    expect(lines[0]?.glyphs.length).toBe(26);
    expect(lines[0]?.glyphs[0]?.x).toBeCloseTo(2 * CHAR_PITCH, 6);
    expect(lines[1]?.glyphs[0]?.x).toBe(0);
  });

  it('starts no line with a closing mark and ends none with an opening one, and still fills the line', () => {
    const lines = body(`${'一'.repeat(28)}。${'二'.repeat(26)}《三》`);
    for (const line of lines) {
      expect('，。、；：？！）》'.includes(textOf(line)[0] ?? '')).toBe(false);
      expect('（《'.includes(textOf(line).at(-1) ?? '')).toBe(false);
    }
    expect(textOf(lines[0] as never)).toBe('一'.repeat(27));
    expect(textOf(lines[1] as never).startsWith('一。')).toBe(true);
    // Justified: the shorter line is spread to the full width.
    expect(lines[0]?.width ?? 0).toBeCloseTo(BLOCK_WIDTH, 6);
  });

  it('keeps Latin words and numbers whole, breaks after hyphens, and cuts only what is wider than a line', () => {
    const numbers = body(`办件编号${'一'.repeat(20)}230100-20260301-000123号`);
    expect(numbers.map(textOf).join('|')).toContain('230100-|20260301-000123号');
    const words = body(`许可证编号${'一'.repeat(17)}JY12301020000158`);
    expect(words.map(textOf).join('|')).toContain('|JY12301020000158');
    // The line left short is not spread letter by letter.
    expect(words[0]?.width).toBeLessThan(BLOCK_WIDTH - 2 * BODY_SIZE);
    const long = body('x'.repeat(100), false);
    expect(long.length).toBe(2);
    expect(long[0]?.width).toBeLessThanOrEqual(BLOCK_WIDTH);
  });

  it('breaks English at spaces and drops the space at the break', () => {
    const lines = body('word '.repeat(40).trim(), false);
    for (const line of lines) {
      expect(textOf(line)).toMatch(/^word( word)*$/);
      expect(line.width).toBeLessThanOrEqual(BLOCK_WIDTH + 0.01);
    }
  });

  it('draws a line in runs of one font and one pitch', () => {
    const [line] = body('你于2026年3月1日', false);
    const runs = runsOf(line as never);
    expect(runs.map((r) => [r.text, r.font])).toEqual([
      ['你于', 'cjk'],
      ['2026', 'latin'],
      ['年', 'cjk'],
      ['3', 'latin'],
      ['月', 'cjk'],
      ['1', 'latin'],
      ['日', 'cjk'],
    ]);
    expect(runs[0]?.spacing).toBeCloseTo(BODY_TRACKING, 9);
    expect(runs[1]?.spacing).toBeCloseTo(0, 9);
  });
});
