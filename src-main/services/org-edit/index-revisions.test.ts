import { describe, expect, it } from 'vitest';
import { IndexRevisions } from './index-revisions';

describe('IndexRevisions', () => {
  it('gives the same array the same revision and a new array a new one', () => {
    const revs = new IndexRevisions();
    const a: unknown[] = [];
    const b: unknown[] = [];
    expect(revs.of(a)).toBe(revs.of(a));
    expect(revs.of(b)).not.toBe(revs.of(a));
  });

  it('never repeats a revision of another run', () => {
    expect(new IndexRevisions().of([])).not.toBe(new IndexRevisions().of([]));
  });
});
