import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, getToken, type Loose } from './testkit';

let sb: RunningSandbox;
let token: string;
let startMs = 0;
beforeAll(async () => {
  const t0 = Date.now();
  sb = await startSandbox({ members: 50_000 });
  startMs = Date.now() - t0;
  token = await getToken(sb);
});
afterAll(() => sb.close());

describe('50,000 members', () => {
  it('seeds 50,000 members and 3,000 departments in well under 10 s', () => {
    expect(startMs).toBeLessThan(10_000);
    expect(sb.state.users.size).toBe(50_000);
    expect(sb.state.departments.size).toBe(3_000);
  });

  it('keeps the six top groups and realistic extra 科室/病区 names', async () => {
    const r = await api(sb, 'department/simplelist', { token });
    expect(r.json.department_id).toHaveLength(3_000);
    const top = [...sb.state.departments.values()].filter((d) => d.parentid === 1).map((d) => d.name);
    expect(top).toEqual(['职能科室', '临床科室', '门诊科室', '医技科室', '医保农合', '实验室']);
    const names = [...sb.state.departments.values()].map((d) => d.name);
    expect(names).toContain('心血管内科一病区');
    expect(names.some((n) => /（.+院区）$/.test(n))).toBe(true);
  });

  it('user/list with fetch_child=1 on the root → 45029; per department works', async () => {
    const r = await api(sb, 'user/list', { token, query: { department_id: 1, fetch_child: 1 } });
    expect(r.json.errcode).toBe(45029);
    const simple = await api(sb, 'user/simplelist', { token, query: { department_id: 1, fetch_child: 1 } });
    expect(simple.json.userlist).toHaveLength(50_000);
    const unit = [...sb.state.departments.values()].find((d) => d.name === '心血管内科一病区')!;
    const one = await api(sb, 'user/list', { token, query: { department_id: unit.id } });
    expect(one.json.errcode).toBe(0);
    expect(one.json.userlist.length).toBeGreaterThan(0);
  });

  it('user/list_id pages through every (user, dept) row with limit 10000', async () => {
    let cursor = '';
    let rows = 0;
    const seen = new Set<string>();
    do {
      const r = await api(sb, 'user/list_id', { token, body: { cursor, limit: 10_000 } });
      expect(r.json.errcode).toBe(0);
      rows += r.json.dept_user.length;
      for (const row of r.json.dept_user as Loose[]) seen.add(row.userid);
      cursor = r.json.next_cursor;
    } while (cursor);
    expect(seen.size).toBe(50_000);
    expect(rows).toBe([...sb.state.users.values()].reduce((n, u) => n + u.department.length, 0));
  });
});
