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

const someUsers = (n: number) => [...sb.state.users.values()].slice(10, 10 + n).map((u) => u.userid);

describe('tag reads', () => {
  it('tag/list has the seeded tags', async () => {
    const r = await api(sb, 'tag/list', { token });
    const names = r.json.taglist.map((t: Loose) => t.tagname);
    expect(names).toEqual(
      expect.arrayContaining(['中层干部', '党员', '医师', '护理人员', '医技人员', '院领导', '新入职']),
    );
    expect(Object.keys(r.json.taglist[0]).sort()).toEqual(['tagid', 'tagname']);
  });

  it('tag/get returns userlist [{userid,name}] and partylist [int]', async () => {
    const nursing = [...sb.state.tags.values()].find((t) => t.tagname === '护理人员')!;
    const r = await api(sb, 'tag/get', { token, query: { tagid: nursing.tagid } });
    expect(r.json.tagname).toBe('护理人员');
    expect(r.json.userlist.length).toBe(nursing.users.size);
    expect(Object.keys(r.json.userlist[0]).sort()).toEqual(['name', 'userid']);
    expect(r.json.partylist.length).toBeGreaterThan(0);
    expect(typeof r.json.partylist[0]).toBe('number');
    expect((await api(sb, 'tag/get', { token, query: { tagid: 9999 } })).json.errcode).toBe(40068);
  });
});

describe('tag writes', () => {
  it('create: ≤32 chars (40072), unique (40071), tagid defaults to max+1', async () => {
    expect((await api(sb, 'tag/create', { token, body: { tagname: '标'.repeat(33) } })).json.errcode).toBe(
      40072,
    );
    expect((await api(sb, 'tag/create', { token, body: { tagname: '党员' } })).json.errcode).toBe(40071);
    const max = Math.max(...sb.state.tags.keys());
    const r = await api(sb, 'tag/create', { token, body: { tagname: '标'.repeat(32) } });
    expect(r.json).toMatchObject({ errcode: 0, errmsg: 'created', tagid: max + 1 });
    const explicit = await api(sb, 'tag/create', { token, body: { tagname: '指定编号', tagid: 500 } });
    expect(explicit.json.tagid).toBe(500);
  });

  it('addtagusers: partial success shapes, all invalid → 40070 with trailing space', async () => {
    const tagid = (await api(sb, 'tag/create', { token, body: { tagname: '部分成功' } })).json.tagid;
    const [a, b] = someUsers(2);
    const r = await api(sb, 'tag/addtagusers', {
      token,
      body: { tagid, userlist: [a, 'nobody1', b!.toLowerCase(), 'nobody2'], partylist: [2, 99999, 88888] },
    });
    expect(r.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      invalidlist: 'nobody1|nobody2',
      invalidparty: [99999, 88888],
    });
    const g = await api(sb, 'tag/get', { token, query: { tagid } });
    expect(g.json.userlist.map((u: Loose) => u.userid)).toEqual([a, b]);
    expect(g.json.partylist).toEqual([2]);

    const clean = await api(sb, 'tag/addtagusers', { token, body: { tagid, userlist: [a] } });
    expect(clean.json).toEqual({ errcode: 0, errmsg: 'ok' });

    const none = await api(sb, 'tag/addtagusers', {
      token,
      body: { tagid, userlist: ['ghost'], partylist: [777777] },
    });
    expect(none.json.errcode).toBe(40070);
    expect(none.json.errmsg.startsWith('all list invalid , hint: [')).toBe(true);

    expect((await api(sb, 'tag/addtagusers', { token, body: { tagid } })).json.errcode).toBe(40035);
    expect((await api(sb, 'tag/addtagusers', { token, body: { tagid, userlist: 'a|b' } })).json.errcode).toBe(
      40035,
    );
    const big = Array.from({ length: 1001 }, (_, i) => `u${i}`);
    expect((await api(sb, 'tag/addtagusers', { token, body: { tagid, userlist: big } })).json.errcode).toBe(
      81014,
    );
    const parties = Array.from({ length: 101 }, (_, i) => i + 1);
    expect(
      (await api(sb, 'tag/addtagusers', { token, body: { tagid, partylist: parties } })).json.errcode,
    ).toBe(81014);
  });

  it('deltagusers: invalid = not in the tag; all invalid → 40031', async () => {
    const tagid = (await api(sb, 'tag/create', { token, body: { tagname: '删除成员' } })).json.tagid;
    const [a, b, c] = someUsers(3);
    await api(sb, 'tag/addtagusers', { token, body: { tagid, userlist: [a, b], partylist: [3] } });
    const r = await api(sb, 'tag/deltagusers', {
      token,
      body: { tagid, userlist: [a, c], partylist: [3, 4] },
    });
    expect(r.json).toEqual({ errcode: 0, errmsg: 'deleted', invalidlist: c, invalidparty: [4] });
    const none = await api(sb, 'tag/deltagusers', { token, body: { tagid, userlist: [c] } });
    expect(none.json.errcode).toBe(40031);
  });

  it('apps may create tags and modify only their own (81011); update/delete messages', async () => {
    const app = await getToken(sb, appSecret(sb, 1000002));
    const other = await getToken(sb, appSecret(sb, 1000004));
    const mine = await api(sb, 'tag/create', { token: app, body: { tagname: '应用自建标签' } });
    expect(mine.json.errcode).toBe(0);
    const seeded = [...sb.state.tags.values()].find((t) => t.tagname === '党员')!;
    expect(
      (await api(sb, 'tag/update', { token: app, body: { tagid: seeded.tagid, tagname: '改名' } })).json
        .errcode,
    ).toBe(81011);
    expect(
      (await api(sb, 'tag/update', { token: other, body: { tagid: mine.json.tagid, tagname: '改名' } })).json
        .errcode,
    ).toBe(81011);
    const upd = await api(sb, 'tag/update', {
      token: app,
      body: { tagid: mine.json.tagid, tagname: '应用标签改名' },
    });
    expect(upd.json.errmsg).toBe('updated');
    expect((await api(sb, 'tag/delete', { token: app, query: { tagid: mine.json.tagid } })).json.errmsg).toBe(
      'deleted',
    );
    expect(sb.state.tags.has(mine.json.tagid)).toBe(false);
  });
});
