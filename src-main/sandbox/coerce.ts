// WeCom is lenient about SDKs that stringify numbers ("agentid":"1", "safe":"0" — NOTES.md),
// so integer fields accept digit strings; anything else is treated as absent/invalid.

export function asInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v)) return Number.parseInt(v, 10);
  return undefined;
}

/** Integer array or undefined when the value is not an array of integers. */
export function asIntArray(v: unknown): number[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: number[] = [];
  for (const item of v) {
    const n = asInt(item);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

export function asStringArray(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const item of v) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number') out.push(String(item));
    else return undefined;
  }
  return out;
}

/** Counts characters the way the doc does (code points, a CJK char is one). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
