import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../contract/org-edit';
import { planCalls, type WirePlanned as PlannedCall } from './test-wire';
import { bigHospital, dept, hospital, member } from './test-fixtures';
import { replay, type ReplayState } from './test-replay';
import { uidKey, type CacheSnapshot } from './types';
import { validateOps } from './validate';
import { WorkingCopy } from './working-copy';

/** Plans, checks every call against the strict WeCom model, and checks the end state equals the working copy. */
function planAndReplay(
  base: CacheSnapshot,
  ops: ChangeOp[],
  opts: { validate?: boolean } = {},
): PlannedCall[] {
  // Valid input unless a test plans an invalid final state on purpose.
  const issues = opts.validate === false ? [] : validateOps(WorkingCopy.build(base), ops);
  expect(issues).toEqual([]);
  const calls = planCalls(base, ops);
  const st = replay(base, calls);
  expectSameState(st, WorkingCopy.build(base, ops));
  return calls;
}

function expectSameState(st: ReplayState, wc: WorkingCopy): void {
  const real = (kind: string, id: number) => (id < 0 ? st.ids.get(`${kind}:${id}`)! : id);
  const wcDepts = wc.departments();
  expect(st.depts.size).toBe(wcDepts.length);
  for (const d of wcDepts) {
    const r = st.depts.get(real('department', d.id));
    expect(r, `department ${d.id}`).toMatchObject({
      name: d.name,
      parentid: d.id === 1 ? 0 : real('department', d.parentid),
      order: d.order,
    });
  }
  const wcMembers = wc.members();
  expect(st.members.size).toBe(wcMembers.length);
  for (const m of wcMembers) {
    const r = st.members.get(uidKey(m.userid))!;
    expect(r.departments, m.userid).toEqual(m.departments.map((l) => real('department', l.departmentId)));
    expect(r.main).toBe(real('department', m.mainDepartment));
  }
  for (const t of wc.tags()) {
    const r = st.tags.get(real('tag', t.tagid))!;
    expect(r.name).toBe(t.tagname);
    expect([...r.users].sort()).toEqual(t.userids.map(uidKey).sort());
    expect([...r.parties].sort()).toEqual(t.departmentIds.map((d) => real('department', d)).sort());
  }
}

const apis = (calls: PlannedCall[]) => calls.map((c) => c.api);
const link = (d: number) => ({ departmentId: d, order: 0, isLeader: false });

describe('planCalls — order', () => {
  it('creates parents before children even when the child was staged first', () => {
    const calls = planAndReplay(hospital(), [
      { type: 'dept.create', id: -1, name: '一病区', parentid: 20, order: 0 },
      { type: 'dept.create', id: -2, name: '康复科', parentid: 20, order: 0 },
      { type: 'dept.update', id: -1, parentid: -2 },
    ]);
    expect(calls.map((c) => [c.api, c.body])).toEqual([
      ['department/create', { name: '康复科', parentid: 20, order: 0 }],
      ['department/create', { name: '一病区', parentid: -2, order: 0 }],
    ]);
    expect(calls[0]!.defines).toEqual({ kind: 'department', localId: -2 });
    expect(calls.map((c) => c.seq)).toEqual([1, 2]);
  });

  it('moves sub-departments and members out before deleting, and deletes children before parents', () => {
    const ops: ChangeOp[] = [
      { type: 'dept.create', id: -1, name: '新心内', parentid: 20, order: 0 },
      { type: 'dept.delete', id: 2011 },
      { type: 'member.update', userid: 'zhangsan', fields: { departments: [link(-1)], mainDepartment: -1 } },
      { type: 'member.update', userid: 'lisi', fields: { departments: [link(-1)], mainDepartment: -1 } },
      { type: 'dept.delete', id: 201 },
    ];
    const calls = planAndReplay(hospital(), ops);
    expect(apis(calls)).toEqual([
      'department/create',
      'user/update',
      'user/update',
      'department/delete',
      'department/delete',
    ]);
    expect(calls.slice(3).map((c) => c.body)).toEqual([{ id: 2011 }, { id: 201 }]);
    // The member's move references the placeholder of the department created in the same push.
    expect(calls[1]!.body).toEqual({
      userid: 'zhangsan',
      department: [-1],
      order: [0],
      is_leader_in_dept: [0],
      main_department: -1,
    });
  });

  it('swaps a department with its child without a transient cycle', () => {
    // 临床科室 > 心血管内科 > 心内一病区  →  临床科室 > 心内一病区 > 心血管内科; 心血管内科 touched first.
    const calls = planAndReplay(hospital(), [
      { type: 'dept.update', id: 201, order: 7 },
      { type: 'dept.update', id: 2011, parentid: 20 },
      { type: 'dept.update', id: 201, parentid: 2011 },
    ]);
    expect(calls.map((c) => c.body)).toEqual([
      { id: 2011, parentid: 20 },
      { id: 201, parentid: 2011, order: 7 },
    ]);
  });

  it('orders moves so an intermediate tree never exceeds 15 levels', () => {
    const s = hospital();
    let parent = 40;
    for (let i = 1; i <= 12; i++) {
      s.departments.push(dept(9000 + i, `层${i}`, parent));
      parent = 9000 + i;
    }
    // 心血管内科 (2 levels) can go under 层12 only after the chain is lifted.
    const calls = planAndReplay(s, [
      { type: 'dept.update', id: 201, order: 1 },
      { type: 'dept.update', id: 9006, parentid: 10 },
      { type: 'dept.update', id: 201, parentid: 9012 },
    ]);
    expect(calls.map((c) => c.body.id)).toEqual([9006, 201]);
  });

  it('swaps two sibling names through a temporary name', () => {
    const calls = planAndReplay(hospital(), [
      { type: 'dept.update', id: 202, name: '临时' },
      { type: 'dept.update', id: 203, name: '呼吸内科' },
      { type: 'dept.update', id: 202, name: '骨科' },
    ]);
    expect(calls.map((c) => c.body)).toEqual([
      { id: 203, name: '骨科~调整中203' },
      { id: 202, name: '骨科' },
      { id: 203, name: '呼吸内科' },
    ]);
    expect(calls[0]!.summary).toContain('临时');
  });

  it('swaps the parents of two departments (A under B, B under A’s old parent)', () => {
    // 职能科室 > 院办; 临床科室 > 心血管内科.  Goal: 院办 under 心血管内科's old place and vice versa, then nest.
    const calls = planAndReplay(hospital(), [
      { type: 'dept.update', id: 101, parentid: 20 },
      { type: 'dept.update', id: 201, parentid: 101 },
      { type: 'dept.update', id: 101, parentid: 10 },
      { type: 'dept.update', id: 201, parentid: 10 },
      { type: 'dept.update', id: 101, parentid: 201 },
    ]);
    // Every intermediate state is a tree (checked by replay); two calls suffice.
    expect(calls).toHaveLength(2);
  });

  it('puts phases in a safe order', () => {
    const ops: ChangeOp[] = [
      { type: 'tag.delete', tagid: 2 },
      { type: 'member.delete', userid: 'wujiu' },
      { type: 'tag.create', tagid: -5, tagname: '护理骨干' },
      { type: 'dept.create', id: -1, name: '康复科', parentid: 20, order: 0 },
      {
        type: 'member.create',
        userid: 'xinren',
        fields: {
          name: '新人',
          alias: '',
          mobile: '13900000001',
          email: '',
          telephone: '',
          position: '护士',
          gender: '2',
          departments: [link(-1)],
          mainDepartment: -1,
          directLeader: ['lisi'],
          enable: true,
        },
      },
      { type: 'tag.addMembers', tagid: -5, userids: ['xinren', 'lisi'], departmentIds: [-1] },
      { type: 'member.update', userid: 'zhouba', fields: { position: '主治医师' } },
      { type: 'dept.update', id: 2011, parentid: 202 },
    ];
    const calls = planAndReplay(hospital(), ops);
    expect(apis(calls)).toEqual([
      'department/create',
      'department/update',
      'tag/create',
      'user/create',
      'user/update',
      'tag/addtagusers',
      'user/delete',
      'tag/delete',
    ]);
    expect(calls[3]!.body).toEqual({
      userid: 'xinren',
      name: '新人',
      department: [-1],
      order: [0],
      is_leader_in_dept: [0],
      main_department: -1,
      enable: 1,
      to_invite: false,
      mobile: '13900000001',
      position: '护士',
      gender: '2',
      direct_leader: ['lisi'],
    });
    expect(calls[4]!.body).toEqual({ userid: 'zhouba', position: '主治医师' });
    expect(calls[5]!.body).toEqual({ tagid: -5, userlist: ['xinren', 'lisi'], partylist: [-1] });
    expect(calls[2]!.defines).toEqual({ kind: 'tag', localId: -5 });
  });

  it('creates a new direct leader before the member who reports to them', () => {
    const f = (name: string, leader: string[]) => ({
      name,
      alias: '',
      mobile: '',
      email: `${name}@x.cn`,
      telephone: '',
      position: '',
      gender: '0' as const,
      departments: [link(202)],
      mainDepartment: 202,
      directLeader: leader,
      enable: true,
    });
    const calls = planAndReplay(
      hospital(),
      [
        { type: 'member.create', userid: 'b', fields: f('b', ['a']) },
        { type: 'member.create', userid: 'a', fields: f('a', []) },
      ],
      { validate: false },
    );
    expect(calls.map((c) => c.body.userid)).toEqual(['a', 'b']);
  });

  it('lets a member change mobile before another (or a new member) takes the old one', () => {
    const calls = planAndReplay(hospital(), [
      { type: 'member.update', userid: 'zhangsan', fields: { mobile: '13700000001' } },
      {
        type: 'member.create',
        userid: 'xinren',
        fields: {
          name: '新人',
          alias: '',
          mobile: '13800000001',
          email: '',
          telephone: '',
          position: '',
          gender: '0',
          departments: [link(202)],
          mainDepartment: 202,
          directLeader: [],
          enable: true,
        },
      },
    ]);
    expect(calls.map((c) => [c.api, c.body.userid])).toEqual([
      ['user/update', 'zhangsan'],
      ['user/create', 'xinren'],
    ]);
  });

  it('frees a tag name by deleting the old tag before creating the new one', () => {
    const calls = planAndReplay(
      hospital(),
      [
        { type: 'tag.delete', tagid: 1 },
        { type: 'tag.create', tagid: -1, tagname: '党员' },
      ],
      { validate: false },
    );
    expect(apis(calls)).toEqual(['tag/delete', 'tag/create']);
  });
});

describe('planCalls — tag lists', () => {
  it('splits addtagusers at 1,000 users and 100 departments per call', () => {
    const base = bigHospital(400, 2600);
    const userids = base.members.slice(0, 2500).map((m) => m.userid);
    const departmentIds = base.departments.slice(7, 257).map((d) => d.id);
    const ops: ChangeOp[] = [
      { type: 'tag.create', tagid: -1, tagname: '全体' },
      { type: 'tag.addMembers', tagid: -1, userids, departmentIds },
    ];
    const calls = planAndReplay(base, ops);
    const adds = calls.filter((c) => c.api === 'tag/addtagusers');
    expect(
      adds.map((c) => [(c.body.userlist as string[]).length, (c.body.partylist as number[]).length]),
    ).toEqual([
      [1000, 100],
      [1000, 100],
      [500, 50],
    ]);
    expect(adds.flatMap((c) => c.body.userlist as string[])).toEqual(userids);
    expect(adds[2]!.summary).toContain('第 3/3 批');
  });

  it('splits deltagusers the same way, and only removes what is there', () => {
    const base = bigHospital(200, 5000);
    const calls = planAndReplay(base, [
      {
        type: 'tag.removeMembers',
        tagid: 1,
        userids: base.members.slice(0, 2001).map((m) => m.userid),
        departmentIds: [],
      },
    ]);
    expect(calls.map((c) => [c.api, (c.body.userlist as string[]).length])).toEqual([
      ['tag/deltagusers', 1000],
      ['tag/deltagusers', 1000],
      ['tag/deltagusers', 1],
    ]);
  });
});

describe('planCalls — net effects', () => {
  it('merges several updates of one department into one call with only the changed fields', () => {
    const calls = planAndReplay(hospital(), [
      { type: 'dept.update', id: 203, name: '骨外科' },
      { type: 'dept.update', id: 203, order: 99 },
      { type: 'dept.update', id: 203, name: '骨科一病区' },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      api: 'department/update',
      body: { id: 203, name: '骨科一病区', order: 99 },
      before: { id: 203, name: '骨科', parentid: 20, order: 10 },
      after: { id: 203, name: '骨科一病区', parentid: 20, order: 99 },
      entity: 'department',
      key: '203',
    });
  });

  it('create then update = one create with final values; create then delete = nothing', () => {
    const calls = planAndReplay(hospital(), [
      { type: 'dept.create', id: -1, name: '甲', parentid: 20, order: 0 },
      { type: 'dept.update', id: -1, name: '乙', parentid: 40, order: 3 },
      { type: 'dept.create', id: -2, name: '丙', parentid: 20, order: 0 },
      { type: 'dept.delete', id: -2 },
      { type: 'tag.create', tagid: -3, tagname: '临时' },
      { type: 'tag.delete', tagid: -3 },
    ]);
    expect(calls.map((c) => [c.api, c.body])).toEqual([
      ['department/create', { name: '乙', parentid: 40, order: 3 }],
    ]);
  });

  it('update then delete = delete only; an update undone = nothing', () => {
    const calls = planAndReplay(hospital(), [
      { type: 'member.update', userid: 'wujiu', fields: { position: '主任' } },
      { type: 'member.delete', userid: 'wujiu' },
      { type: 'member.update', userid: 'zhouba', fields: { position: '主任' } },
      { type: 'member.update', userid: 'zhouba', fields: { position: '医师' } },
      { type: 'dept.update', id: 203, name: 'x' },
      { type: 'dept.update', id: 203, name: '骨科' },
    ]);
    expect(calls.map((c) => [c.api, c.body])).toEqual([['user/delete', { userid: 'wujiu' }]]);
  });

  it('member create then update = one create with the final values', () => {
    const calls = planAndReplay(hospital(), [
      {
        type: 'member.create',
        userid: 'xinren',
        fields: {
          name: '新人',
          alias: '',
          mobile: '13900000001',
          email: '',
          telephone: '',
          position: '护士',
          gender: '2',
          departments: [link(202)],
          mainDepartment: 202,
          directLeader: [],
          enable: true,
        },
      },
      { type: 'member.update', userid: 'XinRen', fields: { position: '护士长', enable: false } },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ userid: 'xinren', position: '护士长', enable: 0 });
  });

  it('sends department, order and is_leader_in_dept together on a move', () => {
    const calls = planAndReplay(hospital(), [
      {
        type: 'member.update',
        userid: 'zhangsan',
        fields: { departments: [link(201), { departmentId: 202, order: 5, isLeader: true }] },
      },
    ]);
    expect(calls[0]!.body).toEqual({
      userid: 'zhangsan',
      department: [201, 202],
      order: [0, 5],
      is_leader_in_dept: [0, 1],
      main_department: 201,
    });
    expect(calls[0]!.summary).toBe('将 张三 加入 呼吸内科');
  });

  it('nets tag membership against the cache and skips members being deleted', () => {
    const calls = planAndReplay(hospital(), [
      { type: 'tag.addMembers', tagid: 1, userids: ['lisi', 'wujiu', 'zhangsan'], departmentIds: [] },
      { type: 'tag.removeMembers', tagid: 1, userids: ['lisi'], departmentIds: [] },
      { type: 'tag.removeMembers', tagid: 2, userids: ['sunqi'], departmentIds: [] },
      { type: 'member.delete', userid: 'sunqi' },
    ]);
    expect(calls.map((c) => [c.api, c.body])).toEqual([
      ['tag/addtagusers', { tagid: 1, userlist: ['wujiu'], partylist: [] }],
      ['user/delete', { userid: 'sunqi' }],
    ]);
  });
});

describe('planCalls — scale', () => {
  it('plans 1,000+ ops on a 3,000/50,000 org validly', () => {
    const base = bigHospital();
    const ops: ChangeOp[] = [];
    const leaves = base.departments.filter((d) => d.id >= 1667).map((d) => d.id);
    for (let i = 0; i < 100; i++)
      ops.push({
        type: 'dept.create',
        id: -(i + 1),
        name: `新科${i}`,
        parentid: i < 50 ? 11 : -(i - 49),
        order: 0,
      });
    for (let i = 0; i < 200; i++)
      ops.push({ type: 'dept.update', id: leaves[i]!, parentid: leaves[i + 300]! });
    for (let i = 0; i < 600; i++) {
      const m = base.members[i * 50]!;
      ops.push({
        type: 'member.update',
        userid: m.userid,
        fields: { departments: [link(-((i % 100) + 1))], mainDepartment: -((i % 100) + 1) },
      });
    }
    for (let i = 0; i < 200; i++)
      ops.push({
        type: 'member.update',
        userid: base.members[i * 50 + 1]!.userid,
        fields: { position: '护士长' },
      });
    ops.push({
      type: 'tag.addMembers',
      tagid: 1,
      userids: base.members.slice(10_000, 12_500).map((m) => m.userid),
      departmentIds: [],
    });
    expect(ops.length).toBeGreaterThan(1000);
    // How fast is measured by the bench; here only that a large plan replays cleanly.
    const calls = planCalls(base, ops);
    const st = replay(base, calls);
    expect(st.depts.size).toBe(3100);
    expect(calls.filter((c) => c.api === 'tag/addtagusers')).toHaveLength(3);
  });
});

it('keeps a member with no department changes out of the plan', () => {
  const s = hospital();
  s.members.push(member('extra', '额外', [202]));
  expect(
    planCalls(s, [{ type: 'member.update', userid: 'extra', fields: { departments: [link(202)] } }]),
  ).toEqual([]);
});
