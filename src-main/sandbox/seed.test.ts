import { describe, expect, it } from 'vitest';
import { seedHospital } from './seed/hospital';
import { SandboxState } from './state';

const POSITIONAL = ['正副主任', '正副护士长', '主持工作的科主任'];

describe('demo hospital seed', () => {
  const seed = seedHospital();
  const state = new SandboxState(seed);
  const deptName = (id: number) => state.departments.get(id)!.name;
  const isUnit = (id: number) => state.depthOf(id) >= 3 && !POSITIONAL.includes(deptName(id));

  it('is deterministic for a seed and varies across seeds', () => {
    expect(JSON.stringify(seedHospital().users)).toBe(JSON.stringify(seed.users));
    expect(seedHospital({ seed: 7 }).users[0]!.name).not.toBe(seed.users[0]!.name);
  });

  it('has ~60 departments under six groups plus positional groups', () => {
    const under = seed.departments.filter((d) => d.parentid > 1);
    expect(under.length).toBeGreaterThanOrEqual(55);
    expect(under.length).toBeLessThanOrEqual(70);
    const clinical = seed.departments.find((d) => d.name === '临床科室')!;
    const groups = seed.departments.filter((d) => d.parentid === clinical.id && POSITIONAL.includes(d.name));
    expect(groups.map((d) => d.name).sort()).toEqual([...POSITIONAL].sort());
  });

  it('unique userids (case-insensitive), mobiles and emails; string genders', () => {
    expect(new Set(seed.users.map((u) => u.userid.toLowerCase())).size).toBe(seed.users.length);
    expect(new Set(seed.users.map((u) => u.mobile)).size).toBe(seed.users.length);
    expect(new Set(seed.users.map((u) => u.email)).size).toBe(seed.users.length);
    for (const u of seed.users) {
      expect(u.mobile).toMatch(/^1\d{10}$/);
      expect(['1', '2']).toContain(u.gender);
      expect(u.userid).toMatch(/^[A-Za-z0-9][A-Za-z0-9_\-@.]*$/);
    }
  });

  it('uses polyphonic and compound surnames with their surname reading in the userid', () => {
    const readings: Record<string, string> = {
      曾: 'Zeng',
      单: 'Shan',
      解: 'Xie',
      仇: 'Qiu',
      区: 'Ou',
      覃: 'Qin',
      查: 'Zha',
    };
    const present = seed.users.filter((u) => Object.keys(readings).includes(u.name[0]!));
    expect(new Set(present.map((u) => u.name[0])).size).toBeGreaterThanOrEqual(4);
    for (const u of present) {
      // a one-char polyphonic surname, unless the name actually starts with a compound one
      if (u.name.startsWith('单于')) continue;
      expect(u.userid.startsWith(readings[u.name[0]!]!)).toBe(true);
    }
  });

  it('each 科室 has exactly one 主任 leader and positional members keep their 科室 as main_department', () => {
    for (const d of seed.departments.filter((x) => isUnit(x.id))) {
      const leaders = state.leadersOf(d.id);
      expect(leaders, d.name).toHaveLength(1);
      expect(state.getUser(leaders[0]!)!.position).toBe('主任');
    }
    const group = seed.departments.find((d) => d.name === '正副护士长')!;
    const members = state.directMembers(group.id);
    expect(members.length).toBeGreaterThan(5);
    for (const u of members) {
      expect(u.main_department).not.toBe(group.id);
      expect(u.department).toContain(group.id);
      expect(['护士长', '副护士长']).toContain(u.position);
    }
    const twoUnits = seed.users.filter((u) => u.department.filter(isUnit).length === 2);
    expect(twoUnits.length).toBeGreaterThanOrEqual(2);
  });

  it('has realistic positions and tags', () => {
    const positions = new Set(seed.users.map((u) => u.position));
    for (const p of ['主任', '副主任', '护士长', '主治医师', '住院医师', '护士', '技师', '药师', '科员'])
      expect(positions).toContain(p);
    for (const t of seed.tags) expect(t.users.size + t.parties.size, t.tagname).toBeGreaterThan(0);
  });

  it('honours explicit department counts, small and large', () => {
    const small = seedHospital({ members: 100, departments: 20 });
    expect(small.departments).toHaveLength(20);
    expect(small.users).toHaveLength(100);
    expect(small.departments.filter((d) => d.parentid === 1)).toHaveLength(6);
    const mid = seedHospital({ members: 2000, departments: 300 });
    expect(mid.departments).toHaveLength(300);
    expect(mid.users).toHaveLength(2000);
    expect(seedHospital({ members: 5000 }).departments).toHaveLength(300);
  });
});
