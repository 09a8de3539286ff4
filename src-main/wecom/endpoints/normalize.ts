/** WeCom sends some numbers as strings and omits empty fields; coerce defensively. */
export const num = (v: unknown, fallback = 0): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
};
export const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const numArr = (v: unknown): number[] => arr(v).map((x) => num(x));
export const strArr = (v: unknown): string[] =>
  arr(v)
    .map(str)
    .filter((s) => s !== '');
