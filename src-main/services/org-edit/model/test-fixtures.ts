/** Snapshots for the model's tests: a small hand-built hospital and a generated 3,000/50,000 one. */
import type { CDept, CMember, CTag, CacheSnapshot } from '../../../domain/org-cache';

export function dept(id: number, name: string, parentid: number, order = 0): CDept {
  return { id, name, parentid, order };
}

export function member(
  userid: string,
  name: string,
  deptIds: number[],
  extra: Partial<CMember> = {},
): CMember {
  return {
    userid,
    name,
    alias: '',
    mobile: '',
    email: `${userid}@example.com`,
    telephone: '',
    position: '',
    gender: '0',
    status: 1,
    enable: true,
    mainDepartment: deptIds[0]!,
    departments: deptIds.map((d) => ({ departmentId: d, order: 0, isLeader: false })),
    directLeader: [],
    ...extra,
  };
}

/**
 * 新区医院
 *   职能科室(10): 院办(101), 医务科(102)
 *   临床科室(20): 心血管内科(201) > 心内一病区(2011), 呼吸内科(202), 骨科(203)
 *   门诊科室(30), 医技科室(40): 放射科(401), 医保农合(50), 实验室(60)
 */
export function hospital(): CacheSnapshot {
  const departments: CDept[] = [
    dept(1, '新区医院', 0),
    dept(10, '职能科室', 1, 600),
    dept(20, '临床科室', 1, 500),
    dept(30, '门诊科室', 1, 400),
    dept(40, '医技科室', 1, 300),
    dept(50, '医保农合', 1, 200),
    dept(60, '实验室', 1, 100),
    dept(101, '院办', 10, 20),
    dept(102, '医务科', 10, 10),
    dept(201, '心血管内科', 20, 30),
    dept(2011, '心内一病区', 201, 0),
    dept(202, '呼吸内科', 20, 20),
    dept(203, '骨科', 20, 10),
    dept(401, '放射科', 40, 0),
  ];
  const members: CMember[] = [
    member('zhangsan', '张三', [201], { position: '护士', mobile: '13800000001' }),
    member('lisi', '李四', [201], { position: '护士长', mobile: '13800000002' }),
    member('wangwu', '王五', [202], { position: '主任', mobile: '13800000003' }),
    member('zhaoliu', '赵六', [401], { position: '副主任', mobile: '13800000004' }),
    member('sunqi', '孙七', [101], { position: '主任', mobile: '13800000005' }),
    member('zhouba', '周八', [203], { position: '医师', mobile: '13800000006' }),
    member('wujiu', '吴九', [203], { position: '医师' }),
  ];
  const tags: CTag[] = [
    { tagid: 1, tagname: '党员', userids: ['zhangsan'], departmentIds: [] },
    { tagid: 2, tagname: '中层干部', userids: ['wangwu', 'sunqi'], departmentIds: [102] },
  ];
  return { departments, members, tags };
}

/** 3,000 departments (6 top groups, then 3 levels) and 50,000 members; deterministic. */
export function bigHospital(nDepts = 3000, nMembers = 50_000): CacheSnapshot {
  const departments: CDept[] = [dept(1, '新区医院', 0)];
  const groups = ['职能科室', '临床科室', '门诊科室', '医技科室', '医保农合', '实验室'];
  groups.forEach((g, i) => departments.push(dept(10 + i, g, 1, 600 - i * 100)));
  let id = 1000;
  const level1: number[] = [];
  while (departments.length < 7 + 60) {
    const p = 10 + (id % 6);
    departments.push(dept(id, `科室${id}`, p, id % 97));
    level1.push(id++);
  }
  const level2: number[] = [];
  while (departments.length < 7 + 60 + 600) {
    departments.push(dept(id, `病区${id}`, level1[id % level1.length]!, id % 89));
    level2.push(id++);
  }
  while (departments.length < nDepts) {
    departments.push(dept(id, `小组${id}`, level2[id % level2.length]!, id % 83));
    id++;
  }
  const leaves = departments.slice(7).map((d) => d.id);
  const positions = ['医师', '护士', '护士长', '主任', '副主任', '技师'];
  const members: CMember[] = [];
  for (let i = 0; i < nMembers; i++) {
    const d = leaves[i % leaves.length]!;
    members.push(
      member(`u${i}`, `员工${i}`, i % 10 === 0 ? [d, leaves[(i * 7) % leaves.length]!] : [d], {
        mobile: `139${String(i).padStart(8, '0')}`,
        position: positions[i % positions.length]!,
      }),
    );
  }
  // A member listed twice in one department would be invalid; the generator's second link can collide.
  for (const m of members) {
    const seen = new Set<number>();
    m.departments = m.departments.filter(
      (l) => !seen.has(l.departmentId) && (seen.add(l.departmentId), true),
    );
  }
  const tags: CTag[] = [
    { tagid: 1, tagname: '党员', userids: members.slice(0, 3000).map((m) => m.userid), departmentIds: [] },
  ];
  return { departments, members, tags };
}
