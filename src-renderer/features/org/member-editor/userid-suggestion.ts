import type { MemberIndexRow } from '../../../../src-main/contract';
import {
  detectUseridStyle,
  suggestUserid,
  type UseridStyle,
} from '../../../../src-main/domain/userid-suggest';

/**
 * The syllables of a name, the surname read as a surname (曾 → zeng), ü written v as userids do.
 * pinyin-pro is loaded only when a new member is being named, so its dictionary is not in the
 * start-up bundle.
 */
export async function nameSyllables(name: string): Promise<string[]> {
  const { pinyin } = await import('pinyin-pro');
  return pinyin(name.trim(), { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'removed' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s !== '');
}

/** The corp's 账号 pattern from the directory (null: not pinyin, so no suggestion). */
export const useridStyleOf = (rows: readonly MemberIndexRow[]): UseridStyle | null => detectUseridStyle(rows);

/**
 * The suggested 账号 for a name: the corp's pattern, numbered past every userid in the directory as
 * the editor sees it (staged new members included). Main still refuses a clash it alone can see.
 */
export async function suggestUseridFor(
  name: string,
  style: UseridStyle,
  rows: readonly MemberIndexRow[],
): Promise<string> {
  const syllables = await nameSyllables(name);
  return suggestUserid(syllables, style, new Set(rows.map((r) => r.userid.toLowerCase())));
}
