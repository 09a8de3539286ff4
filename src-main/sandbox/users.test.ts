import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, appSecret, getToken, type Loose } from './testkit';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox();
  token = await getToken(sb);
});
afterAll(() => sb.close());

const byName = (name: string) => [...sb.state.departments.values()].find((d) => d.name === name)!;

describe('user reads', () => {
  it('866 members by default; the whole org via fetch_child=1 on the root', async () => {
    expect(sb.state.users.size).toBe(866);
    const r = await api(sb, 'user/list', { token, query: { department_id: 1, fetch_child: 1 } });
    expect(r.json.userlist).toHaveLength(866);
  });

  it('user/list per department matches the seed and the status mix is realistic', async () => {
    const counts: Record<number, number> = {};
    for (const d of sb.state.departments.values()) {
      const r = await api(sb, 'user/list', { token, query: { department_id: d.id } });
      const expected = [...sb.state.users.values()].filter((u) => u.department.includes(d.id)).length;
      expect(r.json.userlist.length).toBe(expected);
      for (const u of r.json.userlist as Loose[])
        if (u.main_department === d.id) counts[u.status] = (counts[u.status] ?? 0) + 1;
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(866);
    expect(counts[1]! / total).toBeGreaterThan(0.84);
    expect(counts[1]! / total).toBeLessThan(0.92);
    expect(counts[4]! / total).toBeGreaterThan(0.05);
    expect(counts[2]! / total).toBeGreaterThan(0.01);
    expect(counts[5]).toBeGreaterThan(0);
  });

  it('user/simplelist returns {userid,name,department}; fetch_child covers the subtree', async () => {
    const clinical = byName('临床科室');
    const direct = await api(sb, 'user/simplelist', { token, query: { department_id: clinical.id } });
    expect(direct.json.userlist).toHaveLength(0);
    const all = await api(sb, 'user/simplelist', {
      token,
      query: { department_id: clinical.id, fetch_child: 1 },
    });
    expect(all.json.userlist.length).toBeGreaterThan(300);
    expect(Object.keys(all.json.userlist[0]).sort()).toEqual(['department', 'name', 'userid']);
    const ids = all.json.userlist.map((u: Loose) => u.userid);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('unknown department → 60003; missing department_id → 40058', async () => {
    expect((await api(sb, 'user/list', { token, query: { department_id: 99999 } })).json.errcode).toBe(60003);
    expect((await api(sb, 'user/simplelist', { token })).json.errcode).toBe(40058);
  });

  it('user/get returns the full member with string gender', async () => {
    const u = [...sb.state.users.values()].find((x) => x.status === 1)!;
    const r = await api(sb, 'user/get', { token, query: { userid: u.userid.toUpperCase() } });
    expect(r.json).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      userid: u.userid,
      name: u.name,
      mobile: u.mobile,
      email: u.email,
      department: u.department,
      main_department: u.main_department,
      status: 1,
    });
    expect(['1', '2']).toContain(r.json.gender);
    expect(r.json.avatar).toMatch(/^https:\/\//);
  });

  it('apps created after 2022-06-20 do not see mobile/email/gender/avatar', async () => {
    const u = [...sb.state.users.values()].find((x) => x.status === 1)!;
    const old = await api(sb, 'user/get', {
      token: await getToken(sb, appSecret(sb, 1000002)),
      query: { userid: u.userid },
    });
    expect(old.json.mobile).toBe(u.mobile);
    for (const agentid of [1000003, 1000005]) {
      const appToken = await getToken(sb, appSecret(sb, agentid));
      const r = await api(sb, 'user/get', { token: appToken, query: { userid: u.userid } });
      expect(r.json.name).toBe(u.name);
      for (const k of ['mobile', 'email', 'gender', 'avatar', 'thumb_avatar'])
        expect(r.json).not.toHaveProperty(k);
      const list = await api(sb, 'user/list', {
        token: appToken,
        query: { department_id: u.main_department },
      });
      expect(list.json.userlist[0]).not.toHaveProperty('mobile');
    }
  });

  it('user/list_id: contacts secret only, cursor paging, one row per (user, dept)', async () => {
    const app = await getToken(sb, appSecret(sb, 1000002));
    expect((await api(sb, 'user/list_id', { token: app, body: { limit: 10 } })).json.errcode).toBe(48002);
    expect((await api(sb, 'user/list_id', { token, body: { limit: 0 } })).json.errcode).toBe(40058);
    expect((await api(sb, 'user/list_id', { token, body: { limit: 10001 } })).json.errcode).toBe(40058);
    expect(
      (await api(sb, 'user/list_id', { token, body: { cursor: 'garbage', limit: 10 } })).json.errcode,
    ).toBe(50100);

    const rows: Loose[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const r = await api(sb, 'user/list_id', { token, body: { cursor, limit: 300 } });
      expect(r.json.errcode).toBe(0);
      expect(r.json.dept_user.length).toBeLessThanOrEqual(300);
      rows.push(...r.json.dept_user);
      cursor = r.json.next_cursor;
      pages++;
    } while (cursor);
    const expected = [...sb.state.users.values()].reduce((n, u) => n + u.department.length, 0);
    expect(rows).toHaveLength(expected);
    expect(pages).toBe(Math.ceil(expected / 300));
    expect(Object.keys(rows[0]).sort()).toEqual(['department', 'userid']);
    const multi = [...sb.state.users.values()].find((u) => u.department.length > 1)!;
    expect(rows.filter((r) => r.userid === multi.userid)).toHaveLength(multi.department.length);
  });
});

describe('user writes', () => {
  const create = (body: object) => api(sb, 'user/create', { token, body });
  const valid = (over: object = {}) => ({
    userid: 'NewDoctor01',
    name: '新医生',
    mobile: '13912345678',
    department: [byName('心血管内科').id],
    ...over,
  });

  it('app tokens get 48002', async () => {
    const app = await getToken(sb, appSecret(sb, 1000002));
    expect((await api(sb, 'user/create', { token: app, body: valid() })).json.errcode).toBe(48002);
    expect((await api(sb, 'user/delete', { token: app, query: { userid: 'x' } })).json.errcode).toBe(48002);
  });

  it('validates the member body', async () => {
    const existing = [...sb.state.users.values()][5]!;
    const dept = byName('心血管内科').id;
    expect((await create(valid({ userid: undefined }))).json.errcode).toBe(41009);
    expect((await create(valid({ userid: '中文' }))).json.errcode).toBe(40003);
    expect((await create(valid({ userid: '_lead' }))).json.errcode).toBe(40003);
    expect((await create(valid({ userid: 'a'.repeat(65) }))).json.errcode).toBe(40003);
    expect((await create(valid({ userid: 'has space' }))).json.errcode).toBe(40003);
    expect((await create(valid({ userid: existing.userid.toLowerCase() }))).json.errcode).toBe(60102);
    expect((await create(valid({ userid: existing.userid.toUpperCase() }))).json.errcode).toBe(60102);
    expect((await create(valid({ name: '' }))).json.errcode).toBe(60112);
    expect((await create(valid({ name: '名'.repeat(65) }))).json.errcode).toBe(60112);
    expect((await create(valid({ department: undefined }))).json.errcode).toBe(60127);
    expect((await create(valid({ department: 'abc' }))).json.errcode).toBe(41019);
    expect((await create(valid({ department: [424242] }))).json.errcode).toBe(60003);
    const many = [...sb.state.departments.keys()].slice(0, 21);
    expect((await create(valid({ department: many }))).json.errcode).toBe(60110);
    expect((await create(valid({ mobile: 'abc123' }))).json.errcode).toBe(60103);
    expect((await create(valid({ mobile: existing.mobile }))).json.errcode).toBe(60104);
    expect((await create(valid({ mobile: `+86 ${existing.mobile}` }))).json.errcode).toBe(60104);
    expect((await create(valid({ mobile: undefined, email: 'not-an-email' }))).json.errcode).toBe(60105);
    expect((await create(valid({ mobile: undefined, email: existing.email }))).json.errcode).toBe(60106);
    expect((await create(valid({ mobile: undefined }))).json.errcode).toBe(60129);
    expect((await create(valid({ is_leader_in_dept: [1, 0] }))).json.errcode).toBe(60132);
    expect((await create(valid({ order: [1, 2] }))).json.errcode).toBe(60132);
    const six = [...sb.state.users.values()].slice(0, 6).map((u) => u.userid);
    expect((await create(valid({ direct_leader: six }))).json.errcode).toBe(60257);
    expect((await create(valid({ position: 'p'.repeat(129) }))).json.errcode).toBe(301012);
    expect((await create(valid({ telephone: '020-abc' }))).json.errcode).toBe(301013);
    expect((await create(valid({ main_department: 2 }))).json.errcode).toBe(40058);
    expect(sb.state.getUser('NewDoctor01')).toBeUndefined();

    const ok = await create(
      valid({
        department: [dept],
        is_leader_in_dept: [0],
        order: ['10'],
        gender: 1,
        direct_leader: six.slice(0, 5),
      }),
    );
    expect(ok.json).toMatchObject({ errcode: 0, errmsg: 'created' });
    const u = sb.state.getUser('newdoctor01')!;
    expect(u).toMatchObject({
      userid: 'NewDoctor01',
      status: 4,
      gender: '1',
      main_department: dept,
      order: [10],
    });
  });

  it('update: mobile change ignored for activated members, enable toggles status 2 and back', async () => {
    const active = [...sb.state.users.values()].find((u) => u.status === 1 && !u.creator)!;
    const oldMobile = active.mobile;
    const r = await api(sb, 'user/update', {
      token,
      body: { userid: active.userid, mobile: '13700000001', position: '主任医师' },
    });
    expect(r.json).toMatchObject({ errcode: 0, errmsg: 'updated' });
    expect(sb.state.getUser(active.userid)).toMatchObject({ mobile: oldMobile, position: '主任医师' });

    const pending = [...sb.state.users.values()].find((u) => u.status === 4)!;
    await api(sb, 'user/update', { token, body: { userid: pending.userid, mobile: '13700000002' } });
    expect(sb.state.getUser(pending.userid)!.mobile).toBe('13700000002');

    await api(sb, 'user/update', { token, body: { userid: active.userid, enable: 0 } });
    expect(sb.state.getUser(active.userid)!.status).toBe(2);
    await api(sb, 'user/update', { token, body: { userid: active.userid, enable: '1' } });
    expect(sb.state.getUser(active.userid)!.status).toBe(1);

    expect((await api(sb, 'user/update', { token, body: { userid: 'ghost', name: 'x' } })).json.errcode).toBe(
      60111,
    );
  });

  it('update of departments keeps is_leader_in_dept aligned', async () => {
    const u = [...sb.state.users.values()].find(
      (x) => x.department.length === 1 && x.is_leader_in_dept[0] === 0,
    )!;
    const extra = byName('急诊科').id;
    const r = await api(sb, 'user/update', {
      token,
      body: { userid: u.userid, department: [u.department[0], extra], is_leader_in_dept: [0] },
    });
    expect(r.json.errcode).toBe(60132);
    const ok = await api(sb, 'user/update', {
      token,
      body: { userid: u.userid, department: [u.department[0], extra] },
    });
    expect(ok.json.errcode).toBe(0);
    expect(sb.state.getUser(u.userid)!.is_leader_in_dept).toEqual([0, 0]);
    const list = await api(sb, 'user/simplelist', { token, query: { department_id: extra } });
    expect(list.json.userlist.map((x: Loose) => x.userid)).toContain(u.userid);
  });

  it('delete and batchdelete (all-or-nothing, ≤200)', async () => {
    const victims = [...sb.state.users.values()]
      .filter((u) => !u.creator)
      .slice(-5)
      .map((u) => u.userid);
    const del = await api(sb, 'user/delete', { token, query: { userid: victims[0]! } });
    expect(del.json).toMatchObject({ errcode: 0, errmsg: 'deleted' });
    expect((await api(sb, 'user/delete', { token, query: { userid: victims[0]! } })).json.errcode).toBe(
      60111,
    );

    const before = sb.state.users.size;
    const bad = await api(sb, 'user/batchdelete', {
      token,
      body: { useridlist: [victims[1], 'ghost-user', victims[2]] },
    });
    expect(bad.json.errcode).not.toBe(0);
    expect(sb.state.users.size).toBe(before);
    const tooMany = await api(sb, 'user/batchdelete', {
      token,
      body: { useridlist: Array.from({ length: 201 }, (_, i) => `u${i}`) },
    });
    expect(tooMany.json.errcode).toBe(40032);
    const ok = await api(sb, 'user/batchdelete', { token, body: { useridlist: victims.slice(1) } });
    expect(ok.json).toMatchObject({ errcode: 0, errmsg: 'deleted' });
    expect(sb.state.users.size).toBe(before - 4);

    const creator = [...sb.state.users.values()].find((u) => u.creator)!;
    expect((await api(sb, 'user/delete', { token, query: { userid: creator.userid } })).json.errcode).toBe(
      301005,
    );
  });
});
