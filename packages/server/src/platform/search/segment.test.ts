import { describe, expect, it } from 'vitest';
import { joinSegmented, queryWords, segmentForIndex } from './segment.ts';

describe('Chinese word segmentation for search', () => {
  it('cuts a notice title into words and their parts, without punctuation', () => {
    const words = segmentForIndex('关于公开征求《政务数据共享管理办法》意见的通知').split(' ');
    expect(words).toEqual(
      expect.arrayContaining(['政务', '数据', '共享', '数据共享', '管理', '办法', '通知']),
    );
    expect(words).not.toContain('《');
  });

  it('cuts a query the same way, so a query word matches an indexed word', () => {
    const indexed = new Set(segmentForIndex('食品经营许可办理时限压缩').split(' '));
    for (const w of queryWords('食品经营许可')) expect(indexed.has(w)).toBe(true);
  });

  it('folds full-width letters and case', () => {
    expect(segmentForIndex('ＡＢＣ Test')).toBe('abc test');
  });

  it('puts highlighted Chinese words back together', () => {
    expect(joinSegmented('关于 <b>数据</b> <b>共享</b> 的 通知')).toBe('关于<b>数据</b><b>共享</b>的通知');
  });
});
