import { describe, expect, it } from 'vitest';
import { MM } from './layout.ts';
import { SEAL_DIAMETER, SEAL_RADIUS, sealName } from './seal.ts';

// A stand-in font: ideographs 1 em, everything else half an em.
const measure = (cp: number, size: number) => ({ font: 'regular', width: cp > 0x2e80 ? size : size / 2 });
const ring = 1.2 * MM;

/** The characters stand on radii; at their feet (the inner edge) neighbours must not touch. */
function gapAtFeet(name: ReturnType<typeof sealName>): number {
  const [a, b] = name.glyphs;
  if (!a || !b) return Number.POSITIVE_INFINITY;
  const step = ((b.angle - a.angle) * Math.PI) / 180;
  const inner = name.radius - name.size / 2;
  return inner * step - Math.max(a.width, b.width) * name.scaleX;
}

describe('the seal', () => {
  it('is 42 mm across', () => {
    expect(SEAL_DIAMETER / MM).toBeCloseTo(42, 9);
  });

  it('sets the unit name left to right over 240°, symmetric about the top, inside the ring', () => {
    const name = sealName('哈尔滨市市场监督管理局', measure);
    const angles = name.glyphs.map((g) => g.angle);
    expect(name.glyphs.map((g) => g.char).join('')).toBe('哈尔滨市市场监督管理局');
    expect(angles[0]).toBeCloseTo(-120, 9);
    expect(angles.at(-1)).toBeCloseTo(120, 9);
    for (let i = 1; i < angles.length; i++) expect(angles[i]).toBeGreaterThan(angles[i - 1] as number);
    // Outer edge of the characters inside the ring's inner edge; condensed, not touching.
    expect(name.radius + name.size / 2).toBeLessThan(SEAL_RADIUS - ring);
    expect(name.size / MM).toBeCloseTo(6.5, 6);
    expect(name.scaleX).toBeGreaterThan(0.6);
    expect(name.scaleX).toBeLessThan(1);
    expect(gapAtFeet(name)).toBeGreaterThan(0);
  });

  it('does not spread a short name over the whole arc, nor make it wider than its characters', () => {
    const name = sealName('某某局', measure);
    expect(name.glyphs.map((g) => g.angle)).toEqual([-40, 0, 40]);
    expect(name.scaleX).toBe(1);
    expect(sealName('某局', measure).glyphs.map((g) => g.angle)).toEqual([-20, 20]);
    expect(sealName('局', measure).glyphs.map((g) => g.angle)).toEqual([0]);
  });

  it('sets a very long name smaller, so that its characters still do not touch', () => {
    const long = '黑龙江省哈尔滨市南岗区人民政府'.repeat(4); // 60 characters, the longest issuer name
    const name = sealName(long, measure);
    expect(name.glyphs).toHaveLength(60);
    expect(name.size).toBeLessThan(6.5 * MM);
    expect(name.scaleX).toBeGreaterThanOrEqual(0.6 - 1e-9);
    expect(gapAtFeet(name)).toBeGreaterThan(0);
    expect(name.radius + name.size / 2).toBeLessThan(SEAL_RADIUS - ring);
  });
});
