import type { Rule, RuleInput } from '../../../src-main/contract';
import type { z } from 'zod';

export type RuleDraft = z.infer<typeof RuleInput>;

/** The three positional groups every hospital asks for. */
export const RULE_PRESETS = [
  { key: 'directors', name: '正副主任', positions: ['主任', '副主任'] },
  { key: 'headNurses', name: '正副护士长', positions: ['护士长', '副护士长'] },
  { key: 'actingDirector', name: '主持工作的科主任', positions: ['主持工作的科主任'] },
] as const;

export type PresetKey = (typeof RULE_PRESETS)[number]['key'];

export function presetRule(key: PresetKey, topGroupIds: number[] = []): RuleDraft {
  const p = RULE_PRESETS.find((x) => x.key === key)!;
  return {
    kind: 'positional',
    name: p.name,
    positions: [...p.positions],
    topGroupIds: [...topGroupIds],
    enabled: true,
  };
}

/** Presets not yet present (same kind and name), so the empty state does not offer duplicates. */
export function missingPresets(rules: readonly Rule[]): Array<(typeof RULE_PRESETS)[number]> {
  return RULE_PRESETS.filter((p) => !rules.some((r) => r.kind === 'positional' && r.name === p.name));
}

export function emptyRule(kind: Rule['kind'] = 'positional'): RuleDraft {
  return { kind, name: '', positions: [], topGroupIds: [], enabled: true };
}

/** Tags input gives raw strings: trim, drop empties and duplicates, split on Chinese/ASCII commas. */
export function normalizePositions(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const piece of raw.flatMap((s) => s.split(/[,，、;；]/))) {
    const p = piece.trim();
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}
