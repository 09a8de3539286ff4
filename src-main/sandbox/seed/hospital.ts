import { createRng, type Rng } from '../rng';
import type { Department, MemberStatus, SeedData, Tag, User } from '../types';
import {
  CAMPUSES,
  EMAIL_DOMAIN,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MOBILE_PREFIXES,
  POSITIONAL_GROUPS,
  SURNAMES,
  TOP_GROUPS,
  UNITS,
  chineseNumber,
  type GroupKind,
} from './names';

export const DEFAULT_MEMBERS = 866;
export const DEFAULT_SEED = 20181;
export const ROOT_NAME = '新区医院';
/** departments per member when scaling up without an explicit department count */
const SCALE_DEPT_RATIO = 0.06;

export interface HospitalOptions {
  members?: number;
  departments?: number;
  seed?: number;
}

/** A 科室 or 病区: a department that holds staff and has one 主任 as 部门负责人. */
interface Unit {
  dept: Department;
  kind: GroupKind;
  ward: boolean;
  baseName: string;
}

const UNIT_WEIGHT: Record<GroupKind, number> = {
  admin: 1.2,
  clinical: 3,
  outpatient: 1.6,
  medtech: 2,
  insurance: 0.8,
  lab: 0.8,
};

const STATUS_MIX: readonly (readonly [MemberStatus, number])[] = [
  // leaders are always active, so the rest are skewed slightly to land near 88/8/3/1 overall
  [1, 86.5],
  [4, 8.5],
  [2, 3.8],
  [5, 1.2],
];

export function seedHospital(opts: HospitalOptions = {}): SeedData {
  const members = Math.max(0, Math.floor(opts.members ?? DEFAULT_MEMBERS));
  const rng = createRng(opts.seed ?? DEFAULT_SEED);
  const target =
    opts.departments ?? (members > DEFAULT_MEMBERS ? Math.round(members * SCALE_DEPT_RATIO) : undefined);
  const tree = buildDepartments(target);
  const users = buildUsers(rng, members, tree);
  const tags = buildTags(rng, users, tree);
  return { departments: tree.departments, users, tags };
}

// ---------------------------------------------------------------- departments

interface Tree {
  departments: Department[];
  groups: Map<GroupKind, Department>;
  units: Unit[];
  /** `${kind}:${name}` → positional group department */
  positional: Map<string, Department>;
  byName: Map<string, Department>;
}

function buildDepartments(target: number | undefined): Tree {
  const departments: Department[] = [];
  const childCount = new Map<number, number>();
  let nextId = 2;
  const add = (name: string, parentid: number, order?: number): Department => {
    const k = childCount.get(parentid) ?? 0;
    childCount.set(parentid, k + 1);
    // larger order sorts first in WeCom; creation order = display order
    const d: Department = { id: nextId++, name, name_en: '', parentid, order: order ?? 1_000_000 - k * 100 };
    departments.push(d);
    return d;
  };
  departments.push({ id: 1, name: ROOT_NAME, name_en: '', parentid: 0, order: 100_000_000 });

  const groups = new Map<GroupKind, Department>();
  TOP_GROUPS.forEach(([name, kind], i) => groups.set(kind, add(name, 1, (TOP_GROUPS.length - i) * 100_000)));

  const baseUnits = TOP_GROUPS.flatMap(([, kind]) => UNITS[kind].map((name) => ({ kind, name })));
  const positionalSpecs = POSITIONAL_GROUPS.flatMap(([name, kinds]) => kinds.map((kind) => ({ kind, name })));
  const fullBase = departments.length + baseUnits.length + positionalSpecs.length;
  const limit = Math.max(target ?? fullBase, departments.length + 1);
  const full = (): boolean => departments.length >= limit;

  const units: Unit[] = [];
  const addUnit = (
    kind: GroupKind,
    name: string,
    parent: Department,
    ward: boolean,
    baseName: string,
  ): Unit => {
    const u: Unit = { dept: add(name, parent.id), kind, ward, baseName };
    units.push(u);
    return u;
  };

  // Base 科室; when asked for fewer departments than the demo has, take them round-robin so every
  // top group still gets some.
  const perGroup = TOP_GROUPS.map(([, kind]) => UNITS[kind].map((name) => ({ kind, name })));
  const order: { kind: GroupKind; name: string }[] =
    limit >= fullBase ? baseUnits : roundRobin(perGroup).slice(0, limit - departments.length);
  const picked = new Set(order.map((o) => `${o.kind}:${o.name}`));
  for (const { kind, name } of baseUnits) {
    if (!picked.has(`${kind}:${name}`) || full()) continue;
    addUnit(kind, name, groups.get(kind)!, false, name);
  }

  const positional = new Map<string, Department>();
  if (limit >= fullBase) {
    const pgOrder = new Map<number, number>();
    for (const { kind, name } of positionalSpecs) {
      const g = groups.get(kind)!;
      const j = pgOrder.get(g.id) ?? 0;
      pgOrder.set(g.id, j + 1);
      // positional groups sort after the 科室 of the same group
      positional.set(`${kind}:${name}`, add(name, g.id, 50 - j * 10));
    }
  }

  // Scaling up: first 病区 under the clinical 科室, then whole 院区/分院 copies of the 科室 list.
  const baseClinical = units.filter((u) => u.kind === 'clinical');
  fill: {
    for (let r = 1; r <= 2; r++) {
      for (const u of baseClinical) {
        if (full()) break fill;
        addUnit('clinical', `${u.baseName}${chineseNumber(r)}病区`, u.dept, true, u.baseName);
      }
    }
    for (let c = 0; !full(); c++) {
      const campus = CAMPUSES[c] ?? `第${chineseNumber(c + 1)}分院`;
      for (const [, kind] of TOP_GROUPS) {
        for (const name of UNITS[kind]) {
          if (full()) break fill;
          const unit = addUnit(kind, `${name}（${campus}）`, groups.get(kind)!, false, name);
          if (kind !== 'clinical') continue;
          for (let r = 1; r <= 2 && !full(); r++) {
            addUnit('clinical', `${name}${chineseNumber(r)}病区`, unit.dept, true, name);
          }
        }
      }
    }
  }

  const byName = new Map<string, Department>();
  for (const d of departments) if (!byName.has(d.name)) byName.set(d.name, d);
  return { departments, groups, units, positional, byName };
}

function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < lists.reduce((n, l) => n + l.length, 0); i++) {
    for (const l of lists) {
      const v = l[i];
      if (v !== undefined) out.push(v);
    }
  }
  return out;
}

// ---------------------------------------------------------------- members

interface Role {
  position: string;
  nurse: boolean;
}

function roleFor(rng: Rng, unit: Unit, idx: number, size: number): Role {
  if (idx === 0) return { position: '主任', nurse: false };
  const { kind } = unit;
  if (kind === 'clinical' || kind === 'outpatient') {
    if (idx === 1 && size >= 6) return { position: '副主任', nurse: false };
    if (idx === 2 && size >= 4) return { position: '护士长', nurse: true };
    if (idx === 3 && size >= 12) return { position: '副护士长', nurse: true };
    if (rng.chance(kind === 'clinical' ? 0.45 : 0.4)) {
      return {
        position: rng.weighted([
          ['主任医师', 1],
          ['副主任医师', 2],
          ['主治医师', 4],
          ['住院医师', 4],
        ] as const),
        nurse: false,
      };
    }
    return {
      position: rng.weighted([
        ['主管护师', 3],
        ['护师', 4],
        ['护士', 4],
      ] as const),
      nurse: true,
    };
  }
  if (kind === 'medtech') {
    if (idx === 1 && size >= 5) return { position: '副主任', nurse: false };
    if (unit.baseName === '药剂科') {
      return {
        position: rng.weighted([
          ['主管药师', 2],
          ['药师', 5],
        ] as const),
        nurse: false,
      };
    }
    return {
      position: rng.weighted([
        ['副主任技师', 1],
        ['主管技师', 3],
        ['技师', 5],
        ['医师', 2],
      ] as const),
      nurse: false,
    };
  }
  if (kind === 'lab') {
    if (idx === 1 && size >= 5) return { position: '副主任', nurse: false };
    return {
      position: rng.weighted([
        ['技师', 3],
        ['助理研究员', 2],
      ] as const),
      nurse: false,
    };
  }
  // 职能 / 医保农合
  if (idx === 1 && size >= 5) return { position: '副主任', nurse: false };
  if (idx <= 3 && size >= 8) return { position: '科长', nurse: false };
  return { position: '科员', nurse: false };
}

function allocate(total: number, weights: number[]): number[] {
  const counts = weights.map(() => 0);
  if (weights.length === 0) return counts;
  let rest = total;
  // every 科室 gets its 主任 first when there are enough people
  if (total >= weights.length) {
    counts.fill(1);
    rest -= weights.length;
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const fracs: { i: number; f: number }[] = [];
  let given = 0;
  weights.forEach((w, i) => {
    const exact = (rest * w) / sum;
    const whole = Math.floor(exact);
    counts[i]! += whole;
    given += whole;
    fracs.push({ i, f: exact - whole });
  });
  fracs.sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; k < rest - given; k++) counts[fracs[k % fracs.length]!.i]! += 1;
  return counts;
}

function randomToken(rng: Rng, len: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function buildUsers(rng: Rng, total: number, tree: Tree): User[] {
  const users: User[] = [];
  const usedIds = new Map<string, number>();
  const usedMobiles = new Set<string>();
  const surnamePool = SURNAMES.map((s) => [s, s[2]] as const);

  const newUserid = (syllables: string[]): string => {
    const base = syllables.map(capitalize).join('');
    const lower = base.toLowerCase();
    let n = usedIds.get(lower);
    if (n === undefined) {
      usedIds.set(lower, 1);
      return base;
    }
    // console-style de-duplication: ZhangWei, ZhangWei2, ZhangWei3 …
    for (;;) {
      n++;
      const candidate = `${base}${n}`;
      if (!usedIds.has(candidate.toLowerCase())) {
        usedIds.set(lower, n);
        usedIds.set(candidate.toLowerCase(), 1);
        return candidate;
      }
    }
  };
  const newMobile = (): string => {
    for (;;) {
      const m = `${rng.pick(MOBILE_PREFIXES)}${randomToken(rng, 8, '0123456789')}`;
      if (!usedMobiles.has(m)) {
        usedMobiles.add(m);
        return m;
      }
    }
  };

  const counts = allocate(
    total,
    tree.units.map((u) => (u.ward ? 2 : UNIT_WEIGHT[u.kind])),
  );
  tree.units.forEach((unit, ui) => {
    const size = counts[ui] ?? 0;
    const switchboard = `0551-6388${randomToken(rng, 4, '0123456789')}`;
    let leader: User | undefined;
    for (let idx = 0; idx < size; idx++) {
      const role = roleFor(rng, unit, idx, size);
      const [surname, surnamePy] = rng.weighted(surnamePool);
      const female = role.nurse ? rng.chance(0.92) : rng.chance(0.45);
      const pool = female ? GIVEN_FEMALE : GIVEN_MALE;
      const given = rng.chance(0.72) ? [rng.pick(pool), rng.pick(pool)] : [rng.pick(pool)];
      const userid = newUserid([...surnamePy, ...given.map((g) => g[1])]);
      const status: MemberStatus = idx === 0 ? 1 : rng.weighted(STATUS_MIX);
      const activated = status === 1 || status === 2;
      const avatarId = randomToken(rng, 56, B64);
      const user: User = {
        userid,
        name: surname + given.map((g) => g[0]).join(''),
        alias: '',
        mobile: newMobile(),
        email: `${userid.toLowerCase()}@${EMAIL_DOMAIN}`,
        biz_mail: '',
        department: [unit.dept.id],
        order: [size - idx],
        is_leader_in_dept: [idx === 0 ? 1 : 0],
        main_department: unit.dept.id,
        position: role.position,
        gender: female ? '2' : '1',
        telephone: rng.chance(0.7) ? `${switchboard}-${randomToken(rng, 4, '0123456789')}` : '',
        direct_leader: leader ? [leader.userid] : [],
        // members who never joined have no avatar yet
        avatar: activated ? `https://wework.qpic.cn/wwpic/${avatarId}/0` : '',
        thumb_avatar: activated ? `https://wework.qpic.cn/wwpic/${avatarId}/100` : '',
        qr_code: `https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=vc${randomToken(rng, 16, HEX)}`,
        address: '',
        external_position: '',
        extattr: { attrs: [] },
        status,
      };
      if (status === 2) user.prevStatus = 1;
      if (idx === 0) leader = user;
      users.push(user);
    }
  });

  // the corp creator (cannot be deleted, 301005): the head of 信息中心 registered the corp
  const info = tree.units.find((u) => u.baseName === '信息中心' && !u.ward);
  const creator = info && users.find((u) => u.main_department === info.dept.id);
  if (creator) creator.creator = true;

  addPositionalMemberships(rng, users, tree);
  addSecondUnits(rng, users, tree);
  return users;
}

function addPositionalMemberships(rng: Rng, users: User[], tree: Tree): void {
  if (tree.positional.size === 0) return;
  const unitKind = new Map<number, GroupKind>(tree.units.map((u) => [u.dept.id, u.kind]));
  const join = (u: User, dept: Department): void => {
    u.department.push(dept.id);
    u.order.push(0);
    u.is_leader_in_dept.push(0);
  };
  const acting: User[] = [];
  for (const u of users) {
    const kind = unitKind.get(u.main_department);
    if (!kind) continue;
    if (u.position === '主任' || u.position === '副主任') {
      const g = tree.positional.get(`${kind}:正副主任`);
      if (g) join(u, g);
      if (u.position === '副主任' && kind === 'clinical') acting.push(u);
    } else if (u.position === '护士长' || u.position === '副护士长') {
      const g = tree.positional.get(`${kind}:正副护士长`);
      if (g) join(u, g);
    }
  }
  const actingGroup = tree.positional.get('clinical:主持工作的科主任');
  if (actingGroup && acting.length > 0) {
    const n = Math.min(acting.length, Math.max(3, Math.round(acting.length * 0.05)));
    for (const u of rng.shuffle([...acting]).slice(0, n)) join(u, actingGroup);
  }
}

/** a couple of staff work in two 科室 (e.g. a physician also on the ICU roster) */
function addSecondUnits(rng: Rng, users: User[], tree: Tree): void {
  if (tree.units.length < 2) return;
  const want = Math.max(2, Math.round(users.length / 433));
  const candidates = users.filter((u) => u.is_leader_in_dept[0] === 0 && u.department.length === 1);
  for (const u of rng.shuffle(candidates).slice(0, want)) {
    let other = rng.pick(tree.units);
    while (other.dept.id === u.main_department) other = rng.pick(tree.units);
    u.department.push(other.dept.id);
    u.order.push(0);
    u.is_leader_in_dept.push(0);
  }
}

// ---------------------------------------------------------------- tags

function buildTags(rng: Rng, users: User[], tree: Tree): Tag[] {
  const tag = (tagid: number, tagname: string, members: User[], parties: number[] = []): Tag => ({
    tagid,
    tagname,
    owner: 'contacts',
    users: new Set(members.map((u) => u.userid.toLowerCase())),
    parties: new Set(parties),
  });
  const isNurse = (u: User): boolean => /护/.test(u.position);
  const kindOf = new Map<number, GroupKind>(tree.units.map((u) => [u.dept.id, u.kind]));
  const heads = users.filter((u) => u.position === '主任');
  const office = tree.byName.get('院办公室');
  const leaders = [
    ...heads.filter((u) => office && u.main_department === office.id),
    ...rng.shuffle(heads.filter((u) => !office || u.main_department !== office.id)).slice(0, 4),
  ];
  const nursing = tree.byName.get('护理部');
  const medtech = tree.groups.get('medtech');
  return [
    tag(
      1,
      '中层干部',
      users.filter((u) => ['主任', '副主任', '护士长'].includes(u.position)),
    ),
    tag(
      2,
      '党员',
      users.filter((u) => u.status === 1 && rng.chance(0.25)),
    ),
    tag(
      3,
      '医师',
      users.filter((u) => u.position.endsWith('医师')),
    ),
    tag(4, '护理人员', users.filter(isNurse), nursing ? [nursing.id] : []),
    tag(
      5,
      '医技人员',
      users.filter((u) => kindOf.get(u.main_department) === 'medtech' && rng.chance(0.2)),
      medtech ? [medtech.id] : [],
    ),
    tag(6, '院领导', leaders),
    tag(
      7,
      '新入职',
      users.filter((u) => u.status === 4 && rng.chance(0.6)),
    ),
  ];
}
