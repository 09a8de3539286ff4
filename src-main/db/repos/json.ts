/** JSON columns: null and undefined are stored as SQL NULL. */
export const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

export const parseJson = <T = unknown>(s: unknown): T | null =>
  typeof s === 'string' ? (JSON.parse(s) as T) : null;
