import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOp, Rule, RulePreview } from '../../contract/org-edit';
import { servicesHarness, type Harness } from '../../test-support/services-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const call = <T = unknown>(name: string, input: unknown = {}): Promise<T> => h!.call<T>(name, input);
type ChangeOut = { change: { id: number; label: string; ops: ChangeOp[] } | null };
const push = () => h!.runJob(() => h!.services.push.start());
const sb = () => h!.sandbox.state;
const users = () => [...sb().users.values()];
const ROOT = 1;

async function ready(): Promise<Harness> {
  h = await servicesHarness({ mode: 'env' });
  expect((await h.runJob(() => h!.services.org.startSync())).ok).toBe(true);
  return h;
}

const DIRECTORS = {
  kind: 'positional' as const,
  name: '正副主任',
  positions: ['主任', '副主任'],
  topGroupIds: [] as number[],
  enabled: true,
};
const HEAD_NURSES = { ...DIRECTORS, name: '正副护士长', positions: ['护士长', '副护士长'] };
const GROUP_NAMES = ['正副主任', '正副护士长', '主持工作的科主任'];

/** Sandbox-side truth: the ids of every department in a subtree. */
function subtree(id: number): Set<number> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of sb().departments.values())
      if (out.has(d.parentid) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
  }
  return out;
}
const topGroups = () => [...sb().departments.values()].filter((d) => d.parentid === ROOT);
const groupUnder = (top: number, name: string) =>
  [...sb().departments.values()].find((d) => d.parentid === top && d.name === name);
const directMembers = (id: number) =>
  [...sb().users.values()].filter((u) => u.department.includes(id)).map((u) => u.userid);

/** What the rule means, computed from the sandbox: members of each top group's 科室 with a matching 职务. */
function expectedGroups(positions: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const top of topGroups()) {
    const groupIds = new Set(
      [...sb().departments.values()]
        .filter((d) => d.parentid === top.id && GROUP_NAMES.includes(d.name))
        .map((d) => d.id),
    );
    const units = [...subtree(top.id)].filter((id) => !groupIds.has(id));
    const ids = [...sb().users.values()]
      .filter((u) => positions.includes(u.position) && u.department.some((d) => units.includes(d)))
      .map((u) => u.userid)
      .sort();
    if (ids.length) out.set(top.id, ids);
  }
  return out;
}
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('positional groups (正副主任, 正副护士长)', () => {
  it('previews before saving, applies, pushes, stays idempotent and follows position changes', async () => {
    await ready();
    const before = new Map([...sb().users.values()].map((u) => [u.userid, structuredClone(u)] as const));
    const clinical = topGroups().find((d) => d.name === '临床科室')!;

    // --- Preview, before anything is saved.
    const want = expectedGroups(DIRECTORS.positions);
    expect(want.size).toBeGreaterThan(1);
    const preview = await call<RulePreview>('rules.preview', DIRECTORS);
    expect(preview.groups.map((g) => g.parentId).sort()).toEqual([...want.keys()].sort());
    let expectedOps = 0;
    for (const g of preview.groups) {
      const top = sb().departments.get(g.parentId!)!;
      expect(g).toMatchObject({ name: '正副主任', parentName: top.name });
      const existing = groupUnder(top.id, '正副主任');
      expect(g.exists).toBe(existing !== undefined);
      expect(sorted(g.members.map((m) => m.userid))).toEqual(want.get(top.id));
      for (const m of g.members) expect(['主任', '副主任']).toContain(m.position);
      const current = existing ? directMembers(existing.id) : [];
      expect(sorted(g.adds)).toEqual(want.get(top.id)!.filter((u) => !current.includes(u)));
      expect(sorted(g.removes)).toEqual(sorted(current.filter((u) => !want.get(top.id)!.includes(u))));
      expectedOps += (existing ? 0 : 1) + g.adds.length + g.removes.length;
    }
    // The seed has no group under some top groups that have 主任: those are to be created.
    expect(preview.groups.some((g) => !g.exists)).toBe(true);
    expect(preview.groups.find((g) => g.parentId === clinical.id)!.exists).toBe(true);
    expect(preview.ops).toBe(expectedOps);
    expect(await call('rules.list')).toEqual({ rules: [] });
    expect((await call<{ changes: unknown[] }>('orgEdit.listChanges')).changes).toHaveLength(0);

    // --- Save both rules, apply all.
    const saved = await call<{ rule: Rule }>('rules.save', DIRECTORS);
    expect(saved.rule).toMatchObject({ ...DIRECTORS, id: expect.any(Number) });
    await call('rules.save', HEAD_NURSES);
    const dup = await h!.services.dispatch('rules.save', DIRECTORS);
    expect(dup).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wantNurses = expectedGroups(HEAD_NURSES.positions);
    const applied = await call<ChangeOut>('rules.apply');
    expect(applied.change).not.toBeNull();
    const creates = applied.change!.ops.filter((o) => o.type === 'dept.create');
    expect(creates.length).toBe(
      preview.groups.filter((g) => !g.exists).length + countMissing(wantNurses, '正副护士长'),
    );
    expect(applied.change!.ops.every((o) => o.type === 'dept.create' || o.type === 'member.update')).toBe(
      true,
    );
    // Nothing reached WeCom before the push: the groups the preview said were missing still are.
    const missing = preview.groups.filter((g) => !g.exists).map((g) => g.parentId!);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.filter((top) => groupUnder(top, '正副主任') !== undefined)).toEqual([]);
    expect(await push()).toMatchObject({ ok: true });

    // --- The sandbox holds the groups beside the 科室, with exactly the matching members.
    const checkGroups = (name: string, want: Map<number, string[]>) => {
      for (const top of topGroups()) {
        const g = groupUnder(top.id, name);
        if (!want.has(top.id)) {
          // No matching members: a group there (left from before) must be empty, or absent.
          expect(g ? directMembers(g.id) : [], `${top.name}/${name}`).toEqual([]);
          continue;
        }
        expect(g, `${top.name}/${name}`).toBeDefined();
        expect(g!.parentid).toBe(top.id);
        expect(sorted(directMembers(g!.id))).toEqual(want.get(top.id));
        for (const u of directMembers(g!.id)) {
          const m = sb().users.get(u.toLowerCase())!;
          expect(m.main_department).not.toBe(g!.id);
          expect(m.department.length).toBeGreaterThan(1);
        }
      }
    };
    checkGroups('正副主任', want);
    checkGroups('正副护士长', wantNurses);
    // Members keep their 科室 and main department.
    for (const u of sb().users.values()) {
      const was = before.get(u.userid)!;
      expect(u.main_department, u.userid).toBe(was.main_department);
      const units = was.department.filter((d) => !GROUP_NAMES.includes(sb().departments.get(d)!.name));
      expect(u.department, u.userid).toEqual(expect.arrayContaining(units));
    }
    // Exactly one group of each name per top group.
    for (const top of topGroups())
      for (const n of ['正副主任', '正副护士长'])
        expect(
          [...sb().departments.values()].filter((d) => d.parentid === top.id && d.name === n).length,
        ).toBeLessThanOrEqual(1);

    // --- Idempotent: nothing more to do, per rule or for all.
    expect(await call<ChangeOut>('rules.apply')).toEqual({ change: null });
    expect(await call<ChangeOut>('rules.apply', { id: saved.rule.id })).toEqual({ change: null });
    const again = await call<RulePreview>('rules.preview', saved.rule);
    expect(again.ops).toBe(0);
    expect(again.groups.every((g) => g.exists && g.adds.length === 0 && g.removes.length === 0)).toBe(true);

    // --- A position change brings the group upkeep along in the same change.
    const cGroup = groupUnder(clinical.id, '正副主任')!;
    const cUnits = subtree(clinical.id);
    const promoted = [...sb().users.values()].find(
      (u) =>
        u.position === '主治医师' &&
        u.department.length === 1 &&
        cUnits.has(u.department[0]!) &&
        u.status === 1,
    )!;
    const demoted = directMembers(cGroup.id)
      .map((u) => sb().users.get(u.toLowerCase())!)
      .find((u) => u.position === '副主任' && !u.is_leader_in_dept.some((x) => x === 1))!;
    expect(promoted).toBeDefined();
    expect(demoted).toBeDefined();
    const staged = await call<ChangeOut>('orgEdit.stage', {
      label: '调整职务',
      ops: [
        { type: 'member.update', userid: promoted.userid, fields: { position: '副主任' } },
        { type: 'member.update', userid: demoted.userid, fields: { position: '主治医师' } },
      ],
    });
    const ops = staged.change!.ops;
    expect(ops.length).toBeGreaterThan(2);
    const linksOf = (userid: string) =>
      ops
        .filter(
          (o): o is Extract<ChangeOp, { type: 'member.update' }> =>
            o.type === 'member.update' && o.userid === userid && o.fields.departments !== undefined,
        )
        .at(-1)?.fields.departments;
    expect(linksOf(promoted.userid)?.map((l) => l.departmentId)).toEqual(
      expect.arrayContaining([promoted.department[0], cGroup.id]),
    );
    expect(linksOf(demoted.userid)?.map((l) => l.departmentId)).not.toContain(cGroup.id);
    expect((await call<{ changes: unknown[] }>('orgEdit.listChanges')).changes).toHaveLength(1);

    expect(await push()).toMatchObject({ ok: true });
    const p = sb().users.get(promoted.userid.toLowerCase())!;
    expect(p.position).toBe('副主任');
    expect(p.department).toEqual(expect.arrayContaining([promoted.department[0], cGroup.id]));
    expect(p.main_department).toBe(promoted.main_department);
    const d = sb().users.get(demoted.userid.toLowerCase())!;
    expect(d.position).toBe('主治医师');
    expect(d.department).not.toContain(cGroup.id);
    expect(d.main_department).toBe(demoted.main_department);
    expect(sorted(directMembers(cGroup.id))).toEqual(expectedGroups(DIRECTORS.positions).get(clinical.id));
    expect(await call<ChangeOut>('rules.apply')).toEqual({ change: null });

    // The first 护士长 of a top group without a 正副护士长 group: the group is created in the same change.
    const bare = topGroups().find((t) => !groupUnder(t.id, '正副护士长'))!;
    expect(bare).toBeDefined();
    const bareUnits = subtree(bare.id);
    const first = users().find((u) => u.department.length === 1 && bareUnits.has(u.department[0]!))!;
    const made = await call<ChangeOut>('orgEdit.stage', {
      label: '任命护士长',
      ops: [{ type: 'member.update', userid: first.userid, fields: { position: '护士长' } }],
    });
    const create = made.change!.ops.find((o) => o.type === 'dept.create')!;
    expect(create).toMatchObject({ name: '正副护士长', parentid: bare.id });
    expect(linksOfIn(made.change!.ops, first.userid)).toContain((create as { id: number }).id);
    expect(await push()).toMatchObject({ ok: true });
    const newGroup = groupUnder(bare.id, '正副护士长')!;
    expect(directMembers(newGroup.id)).toEqual([first.userid]);
    expect(sb().users.get(first.userid.toLowerCase())!.main_department).toBe(first.main_department);
  });

  it('limits a rule to the chosen top groups and leaves disabled rules alone', async () => {
    await ready();
    const tech = topGroups().find((d) => d.name === '医技科室')!;
    const want = expectedGroups(HEAD_NURSES.positions);
    const limited = { ...HEAD_NURSES, topGroupIds: [tech.id] };
    const preview = await call<RulePreview>('rules.preview', limited);
    expect(preview.groups.map((g) => g.parentId)).toEqual(want.has(tech.id) ? [tech.id] : []);
    const off = await call<{ rule: Rule }>('rules.save', { ...DIRECTORS, enabled: false });
    expect(await call<ChangeOut>('rules.apply')).toEqual({ change: null });
    expect(await h!.services.dispatch('rules.apply', { id: off.rule.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('rules.delete', { id: off.rule.id })).toEqual({ deleted: true });
    expect(await call('rules.list')).toEqual({ rules: [] });
  });
});

function countMissing(want: Map<number, string[]>, name: string): number {
  return [...want.keys()].filter((top) => !groupUnder(top, name)).length;
}

function linksOfIn(ops: ChangeOp[], userid: string): number[] {
  const last = ops
    .filter(
      (o): o is Extract<ChangeOp, { type: 'member.update' }> =>
        o.type === 'member.update' && o.userid === userid && o.fields.departments !== undefined,
    )
    .at(-1);
  return last?.fields.departments?.map((l) => l.departmentId) ?? [];
}
