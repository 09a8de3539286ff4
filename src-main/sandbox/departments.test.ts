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

const TOP = ['职能科室', '临床科室', '门诊科室', '医技科室', '医保农合', '实验室'];

describe('department reads', () => {
  it('department/list: root 新区医院 then the six groups in order, with the documented fields', async () => {
    const r = await api(sb, 'department/list', { token });
    expect(r.json.errcode).toBe(0);
    const depts: Loose[] = r.json.department;
    expect(depts[0]).toEqual({
      id: 1,
      name: '新区医院',
      name_en: '',
      department_leader: [],
      parentid: 0,
      order: expect.any(Number),
    });
    for (const d of depts) {
      expect(Object.keys(d).sort()).toEqual([
        'department_leader',
        'id',
        'name',
        'name_en',
        'order',
        'parentid',
      ]);
    }
    const top = depts.filter((d) => d.parentid === 1);
    expect(top.map((d) => d.name)).toEqual(TOP);
    const orders = top.map((d) => d.order);
    expect([...orders].sort((a, b) => b - a)).toEqual(orders);
    expect(depts.length).toBeGreaterThanOrEqual(60);
  });

  it('every 科室 has exactly one leader, a 主任 with is_leader_in_dept=1', async () => {
    const depts: Loose[] = (await api(sb, 'department/list', { token })).json.department;
    const clinical = depts.find((d) => d.name === '临床科室');
    const units = depts.filter(
      (d) => d.parentid === clinical.id && !['正副主任', '正副护士长', '主持工作的科主任'].includes(d.name),
    );
    expect(units.map((d) => d.name)).toContain('心血管内科');
    for (const d of units) {
      expect(d.department_leader).toHaveLength(1);
      const leader = sb.state.getUser(d.department_leader[0])!;
      expect(leader.position).toBe('主任');
      expect(leader.is_leader_in_dept[leader.department.indexOf(d.id)]).toBe(1);
    }
    const groups = depts.filter((d) => d.parentid === clinical.id).map((d) => d.name);
    expect(groups).toEqual(expect.arrayContaining(['正副主任', '正副护士长', '主持工作的科主任']));
  });

  it('department/list?id= returns the subtree including its root; unknown id → 60003', async () => {
    const r = await api(sb, 'department/list', { token, query: { id: 3 } });
    expect(r.json.department[0].id).toBe(3);
    expect(r.json.department.every((d: Loose) => d.id === 3 || d.parentid === 3)).toBe(true);
    expect((await api(sb, 'department/list', { token, query: { id: 99999 } })).json.errcode).toBe(60003);
  });

  it('department/simplelist returns {id,parentid,order} only', async () => {
    const r = await api(sb, 'department/simplelist', { token });
    expect(r.json.department_id.length).toBe(sb.state.departments.size);
    expect(Object.keys(r.json.department_id[0]).sort()).toEqual(['id', 'order', 'parentid']);
  });

  it('department/get returns one department; unknown → 60123', async () => {
    const r = await api(sb, 'department/get', { token, query: { id: 2 } });
    expect(r.json.department).toMatchObject({ id: 2, name: '职能科室', parentid: 1 });
    expect((await api(sb, 'department/get', { token, query: { id: 424242 } })).json.errcode).toBe(60123);
  });
});

describe('department writes', () => {
  const create = (body: object) => api(sb, 'department/create', { token, body });

  it('app tokens cannot write (48002)', async () => {
    const app = await getToken(sb, appSecret(sb, 1000002));
    const r = await api(sb, 'department/create', { token: app, body: { name: '应用建的', parentid: 1 } });
    expect(r.json.errcode).toBe(48002);
    expect((await api(sb, 'department/delete', { token: app, query: { id: 9 } })).json.errcode).toBe(48002);
  });

  it('create validates name, parent, id and sibling uniqueness', async () => {
    expect((await create({ name: '', parentid: 1 })).json.errcode).toBe(60001);
    expect((await create({ name: 'x'.repeat(65), parentid: 1 })).json.errcode).toBe(60001);
    expect((await create({ name: '科'.repeat(64), parentid: 1 })).json.errcode).toBe(0);
    for (const bad of ['a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a>b', 'a|b', 'a\\b']) {
      expect((await create({ name: bad, parentid: 1 })).json.errcode).toBe(60009);
    }
    expect((await create({ name: '心血管内科', parentid: 3 })).json.errcode).toBe(60008);
    expect((await create({ name: '新科室', parentid: 98765 })).json.errcode).toBe(60004);
    expect((await create({ name: '新科室', parentid: 1, id: 1 })).json.errcode).toBe(60123);
    expect((await create({ name: '新科室', parentid: 1, id: 2 })).json.errcode).toBe(60008);
    const ok = await create({ name: '新科室', parentid: 3, id: 5000, order: 7 });
    expect(ok.json).toMatchObject({ errcode: 0, errmsg: 'created', id: 5000 });
    const auto = await create({ name: '又一个科室', parentid: 3 });
    expect(auto.json.id).toBe(5001);
  });

  it('depth is limited to 15 levels (81002)', async () => {
    let parent = 1;
    for (let depth = 2; depth <= 15; depth++) {
      const r = await create({ name: `第${depth}层`, parentid: parent });
      expect(r.json.errcode).toBe(0);
      parent = r.json.id;
    }
    expect((await create({ name: '第16层', parentid: parent })).json.errcode).toBe(81002);
  });

  it('update renames, reorders and moves with 60008/60010/60004/81002 guards', async () => {
    const a = (await create({ name: '移动测试A', parentid: 1 })).json.id;
    const b = (await create({ name: '移动测试B', parentid: a })).json.id;
    const update = (body: object) => api(sb, 'department/update', { token, body });
    expect((await update({ id: a, parentid: b })).json.errcode).toBe(60010);
    expect((await update({ id: a, parentid: a })).json.errcode).toBe(60010);
    expect((await update({ id: a, parentid: 777777 })).json.errcode).toBe(60004);
    expect((await update({ id: 777777, name: 'x' })).json.errcode).toBe(60003);
    expect((await update({ id: a, name: '职能科室' })).json.errcode).toBe(60008);
    expect((await update({ id: a, name: 'bad|name' })).json.errcode).toBe(60009);
    const ok = await update({ id: b, name: '移动测试B2', parentid: 2, order: 3 });
    expect(ok.json).toMatchObject({ errcode: 0, errmsg: 'updated' });
    expect(sb.state.departments.get(b)).toMatchObject({ name: '移动测试B2', parentid: 2, order: 3 });
    // moving a 2-level subtree under a 14-deep chain would make it 16 deep
    let parent = 1;
    for (let depth = 2; depth <= 14; depth++)
      parent = (await create({ name: `深链${depth}`, parentid: parent })).json.id;
    const c = (await create({ name: '子', parentid: a })).json.id;
    expect(c).toBeGreaterThan(0);
    expect((await update({ id: a, parentid: parent })).json.errcode).toBe(81002);
  });

  it('delete: root 60007, members 60005, children 60006, unknown 60003', async () => {
    const del = (id: number) => api(sb, 'department/delete', { token, query: { id } });
    expect((await del(1)).json.errcode).toBe(60007);
    const cardio = [...sb.state.departments.values()].find((d) => d.name === '心血管内科')!;
    expect((await del(cardio.id)).json.errcode).toBe(60005);
    expect((await del(3)).json.errcode).toBe(60006);
    expect((await del(888888)).json.errcode).toBe(60003);
    const empty = (await create({ name: '待删除', parentid: 1 })).json.id;
    const r = await del(empty);
    expect(r.json).toMatchObject({ errcode: 0, errmsg: 'deleted' });
    expect(sb.state.departments.has(empty)).toBe(false);
  });
});
