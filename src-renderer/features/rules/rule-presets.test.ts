import { describe, expect, it } from 'vitest';
import { RuleInput } from '../../../src-main/contract';
import { missingPresets, normalizePositions, presetRule, RULE_PRESETS } from './rule-presets';

describe('rule presets', () => {
  it('builds the three standard positional rules, valid for the contract', () => {
    expect(presetRule('directors')).toEqual({
      kind: 'positional',
      name: '正副主任',
      positions: ['主任', '副主任'],
      topGroupIds: [],
      enabled: true,
    });
    expect(presetRule('headNurses', [12]).positions).toEqual(['护士长', '副护士长']);
    expect(presetRule('headNurses', [12]).topGroupIds).toEqual([12]);
    expect(presetRule('actingDirector').positions).toEqual(['主持工作的科主任']);
    for (const p of RULE_PRESETS) expect(RuleInput.safeParse(presetRule(p.key)).success).toBe(true);
  });

  it('offers only presets not already there', () => {
    const existing = { ...presetRule('directors'), id: 1 };
    expect(missingPresets([existing]).map((p) => p.key)).toEqual(['headNurses', 'actingDirector']);
  });

  it('normalizes position input', () => {
    expect(normalizePositions([' 主任，副主任 ', '主任', '', '护士长、副护士长'])).toEqual([
      '主任',
      '副主任',
      '护士长',
      '副护士长',
    ]);
  });
});
