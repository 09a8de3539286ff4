import { describe, expect, it } from 'vitest';
import { checkPattern, formatDocNumber, nextSeq, parseDocNumber } from './doc-number';
import { earliestSend } from './notice-pacing';

describe('文号', () => {
  it('formats and parses back', () => {
    const p = '新医综〔{年}〕{号}号';
    expect(formatDocNumber(p, 2026, 15)).toBe('新医综〔2026〕15号');
    expect(parseDocNumber(p, 2026, '新医综〔2026〕15号')).toBe(15);
    expect(parseDocNumber(p, 2026, '新医综〔2025〕15号')).toBeNull();
    expect(parseDocNumber('院发(2026){号}', 2026, '院发(2026)3')).toBe(3);
  });

  it('checks the pattern', () => {
    expect(checkPattern('')).toBe('pattern.empty');
    expect(checkPattern('新医综〔{年}〕号')).toBe('pattern.noSeq');
    expect(checkPattern('{号}-{号}')).toBe('pattern.twice');
    expect(checkPattern('新医综〔{年}〕{号}号')).toBeNull();
    expect(() => formatDocNumber('x', 2026, 1)).toThrow();
  });

  it('numbers continue after the highest issued, never reusing one', () => {
    expect(nextSeq([])).toBe(1);
    expect(nextSeq([1, 2, 5, 3])).toBe(6);
  });
});

describe('pacing', () => {
  const now = 10_000_000;
  const limits = { perMinute: 3, perHour: 5 };
  it('sends at once under the limits', () => {
    expect(earliestSend(['a'], () => [now - 1000, now - 2000], now, limits)).toBe(now);
  });

  it('waits until the oldest message of the minute leaves the window', () => {
    const times = [now - 50_000, now - 20_000, now - 10_000];
    expect(earliestSend(['a'], () => times, now, limits)).toBe(now - 50_000 + 60_000);
  });

  it('waits for the hour window too, and for the slowest member', () => {
    const hour = [now - 3_500_000, now - 3_000_000, now - 2_000_000, now - 1_000_000, now - 500_000];
    const at = earliestSend(['a', 'b'], (m) => (m === 'b' ? hour : []), now, limits);
    expect(at).toBe(now - 3_500_000 + 3_600_000);
  });
});
