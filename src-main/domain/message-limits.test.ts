import { describe, expect, it } from 'vitest';
import { utf8Bytes } from './message-limits';

describe('utf8Bytes', () => {
  it('counts like Buffer.byteLength for ASCII, CJK, emoji and a lone surrogate', () => {
    for (const s of ['', 'abc', '汉字', 'a汉\n😀b', 'é', '\ud83d', '〔2026〕15号']) {
      expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });
});
