import { describe, expect, it } from 'vitest';
import { createFakeApi, err, ok } from '../../test-support/fake-api';
import { change } from '../../test-support/org-edit-fixtures';
import { presetRule } from './rule-presets';
import { createRulesStore, draftKey } from './rules-store';

describe('rules store', () => {
  it('previews before saving, saves, applies and deletes', async () => {
    let staged = 0;
    const rules = [{ ...presetRule('directors'), id: 1 }];
    const api = createFakeApi({
      'rules.list': () => ok({ rules }),
      'rules.preview': () => ok({ groups: [], ops: 4 }),
      'rules.save': (input) => ok({ rule: { ...input, id: 2 } }),
      'rules.apply': () => ok({ change: change(7, '应用规则「正副主任」') }),
      'rules.delete': () => ok({ deleted: true }),
    });
    const store = createRulesStore(api, { onStaged: () => staged++ });
    await store.getState().load();
    expect(store.getState().rules).toHaveLength(1);
    const draft = presetRule('headNurses');
    await store.getState().runPreview(draft);
    expect(store.getState().preview?.ops).toBe(4);
    expect(store.getState().previewKey).toBe(draftKey(draft));
    expect(api.calls.some((c) => c.name === 'rules.save')).toBe(false);
    const saved = await store.getState().save(draft);
    expect(saved.ok && saved.rule.id).toBe(2);
    const applied = await store.getState().apply(1);
    expect(applied.ok && applied.change?.id).toBe(7);
    expect(staged).toBe(1);
    expect(await store.getState().remove(1)).toBeNull();
    expect(store.getState().rules).toEqual([]);
  });

  it('apply with nothing to do stages nothing; errors are returned', async () => {
    const api = createFakeApi({ 'rules.apply': () => ok({ change: null }) });
    let staged = 0;
    const store = createRulesStore(api, { onStaged: () => staged++ });
    const res = await store.getState().apply();
    expect(res).toEqual({ ok: true, change: null });
    expect(api.calls.at(-1)?.input).toEqual({});
    expect(staged).toBe(0);
    api.handlers['rules.preview'] = () => err('INVALID_INPUT');
    await store.getState().runPreview(presetRule('directors'));
    expect(store.getState().previewError?.code).toBe('INVALID_INPUT');
  });
});
