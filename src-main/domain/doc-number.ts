/**
 * 文号 (document numbers) for the 发文登记: one pattern per 发文机关, numbered per year from 1 with no
 * gaps, e.g. 「新医综〔{年}〕{号}号」 → 新医综〔2026〕15号. The database allocates the sequence (unique per
 * corp, 机关 and year, in the same transaction as the register entry); this leaf formats and checks.
 */

export const YEAR_TOKEN = '{年}';
export const SEQ_TOKEN = '{号}';

export type PatternIssue = 'pattern.empty' | 'pattern.noSeq' | 'pattern.twice' | 'pattern.tooLong';

export const PATTERN_MESSAGES: Record<PatternIssue, string> = {
  'pattern.empty': '请填写文号格式，例如「新医综〔{年}〕{号}号」',
  'pattern.noSeq': '文号格式里要有「{号}」，表示当年的流水号',
  'pattern.twice': '「{年}」和「{号}」各只能出现一次',
  'pattern.tooLong': '文号格式不能超过 40 个字',
};

export function checkPattern(pattern: string): PatternIssue | null {
  const p = pattern.trim();
  if (p === '') return 'pattern.empty';
  if (!p.includes(SEQ_TOKEN)) return 'pattern.noSeq';
  if (p.split(SEQ_TOKEN).length > 2 || p.split(YEAR_TOKEN).length > 2) return 'pattern.twice';
  if ([...p].length > 40) return 'pattern.tooLong';
  return null;
}

export function formatDocNumber(pattern: string, year: number, seq: number): string {
  if (checkPattern(pattern) !== null) throw new Error(`bad 文号 pattern: ${pattern}`);
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`bad 文号 sequence: ${seq}`);
  return pattern.trim().replace(YEAR_TOKEN, String(year)).replace(SEQ_TOKEN, String(seq));
}

/** The sequence a formatted 文号 carries under `pattern`, or null when it does not match. */
export function parseDocNumber(pattern: string, year: number, docNo: string): number | null {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    `^${esc(pattern.trim()).replace(esc(YEAR_TOKEN), String(year)).replace(esc(SEQ_TOKEN), '([1-9]\\d*)')}$`,
  );
  const m = re.exec(docNo.trim());
  return m ? Number(m[1]) : null;
}

/** The next number after the ones already issued: max + 1 (issued numbers never come back). */
export function nextSeq(issued: readonly number[]): number {
  let max = 0;
  for (const n of issued) if (n > max) max = n;
  return max + 1;
}
