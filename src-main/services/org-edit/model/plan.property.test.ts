import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../contract/org-edit';
import { planCalls } from './test-wire';
import { dept, member } from './test-fixtures';
import { replay } from './test-replay';
import { uidKey, type CacheSnapshot } from './types';
import { validateOps } from './validate';
import { WorkingCopy } from './working-copy';

/** Deterministic PRNG (mulberry32) so a failure can be reproduced from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['甲', '乙', '丙', '丁', '戊'];

/** A small tree with deep chains (to hit the 15-level limit) and a few members and tags. */
function randomBase(r: () => number): CacheSnapshot {
  const departments = [dept(1, '新区医院', 0), dept(10, '职能科室', 1, 600), dept(20, '临床科室', 1, 500)];
  let id = 100;
  const ids = [10, 20];
  const n = 8 + Math.floor(r() * 20);
  for (let i = 0; i < n; i++) {
    // Prefer the newest department as parent: long chains.
    const parent = r() < 0.6 ? ids[ids.length - 1]! : ids[Math.floor(r() * ids.length)]!;
    const depth = (pid: number): number =>
      pid === 1 ? 1 : 1 + depth(departments.find((d) => d.id === pid)!.parentid);
    if (depth(parent) >= 14) continue;
    const taken = new Set(departments.filter((d) => d.parentid === parent).map((d) => d.name));
    const name = NAMES.find((x) => !taken.has(x)) ?? `科${id}`;
    departments.push(dept(id, name, parent, Math.floor(r() * 5)));
    ids.push(id++);
  }
  const members = Array.from({ length: 6 }, (_, i) =>
    member(`m${i}`, `成员${i}`, [ids[Math.floor(r() * ids.length)]!]),
  );
  return { departments, members, tags: [{ tagid: 1, tagname: '党员', userids: ['m0'], departmentIds: [] }] };
}

function randomOp(r: () => number, wc: WorkingCopy, nextId: () => number): ChangeOp {
  const depts = wc.departments().filter((d) => d.id !== 1 && wc.pinnedRank(d.id) === null);
  const anyDept = () => wc.departments()[Math.floor(r() * wc.departments().length)]!.id;
  const pick = () => depts[Math.floor(r() * depts.length)]?.id ?? 20;
  const members = wc.members();
  const x = r();
  if (x < 0.35) return { type: 'dept.update', id: pick(), parentid: anyDept() };
  if (x < 0.5) return { type: 'dept.update', id: pick(), name: NAMES[Math.floor(r() * NAMES.length)]! };
  if (x < 0.6)
    return {
      type: 'dept.create',
      id: nextId(),
      name: NAMES[Math.floor(r() * NAMES.length)]!,
      parentid: anyDept(),
      order: 0,
    };
  if (x < 0.7) return { type: 'dept.delete', id: pick() };
  if (x < 0.85 && members.length > 0) {
    const m = members[Math.floor(r() * members.length)]!;
    const d = anyDept();
    return {
      type: 'member.update',
      userid: m.userid,
      fields: { departments: [{ departmentId: d, order: 0, isLeader: false }], mainDepartment: d },
    };
  }
  if (x < 0.9 && members.length > 0)
    return { type: 'member.delete', userid: members[Math.floor(r() * members.length)]!.userid };
  if (x < 0.95)
    return {
      type: 'tag.addMembers',
      tagid: 1,
      userids: members.slice(0, 2).map((m) => m.userid),
      departmentIds: [anyDept()],
    };
  return { type: 'tag.removeMembers', tagid: 1, userids: ['m0'], departmentIds: [] };
}

describe('planCalls — random valid edits replay cleanly and reach the working copy', () => {
  it('holds for 2,000 random scenarios, including ones needing temporary parking', () => {
    let parked = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const r = rng(seed);
      const base = randomBase(r);
      const wc = WorkingCopy.build(base);
      const ops: ChangeOp[] = [];
      let local = -1;
      const nextId = () => local--;
      for (let i = 0; i < 60 && ops.length < 25; i++) {
        const op = randomOp(r, wc, nextId);
        if (validateOps(wc, [op]).length > 0) continue;
        wc.apply(op);
        ops.push(op);
      }
      const calls = planCalls(base, ops);
      parked += calls.filter((c) => c.summary.includes('根部门下')).length;
      let st;
      try {
        st = replay(base, calls);
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).message}\nops: ${JSON.stringify(ops)}`, { cause: e });
      }
      const real = (id: number) => (id < 0 ? st.ids.get(`department:${id}`)! : id);
      for (const d of wc.departments()) {
        const got = st.depts.get(real(d.id));
        expect(got, `seed ${seed} dept ${d.id}`).toMatchObject({
          name: d.name,
          parentid: d.id === 1 ? 0 : real(d.parentid),
        });
      }
      expect(st.depts.size, `seed ${seed}`).toBe(wc.departments().length);
      for (const m of wc.members())
        expect(st.members.get(uidKey(m.userid))!.departments, `seed ${seed}`).toEqual(
          m.departments.map((l) => real(l.departmentId)),
        );
    }
    // The fallback (park under the root, then place top-down) must have been exercised.
    expect(parked).toBeGreaterThan(0);
  });
});
