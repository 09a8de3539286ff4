import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, getToken } from './testkit';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox();
  token = await getToken(sb);
});
afterAll(() => sb.close());

describe('batch/invite', () => {
  it('returns invaliduser as a string array and invalidparty/invalidtag as int arrays', async () => {
    const pending = [...sb.state.users.values()].filter((u) => u.status === 4).slice(0, 2);
    const active = [...sb.state.users.values()].find((u) => u.status === 1)!;
    const r = await api(sb, 'batch/invite', {
      token,
      body: { user: [pending[0]!.userid, active.userid, 'ghost'], party: [99999], tag: [4242] },
    });
    expect(r.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      invaliduser: [active.userid, 'ghost'],
      invalidparty: [99999],
      invalidtag: [4242],
    });
    expect(sb.state.invites.get(pending[0]!.userid.toLowerCase())).toBe(1);

    await api(sb, 'batch/invite', { token, body: { user: [pending[0]!.userid] } });
    expect(sb.state.invites.get(pending[0]!.userid.toLowerCase())).toBe(2);
  });

  it('party and tag invitations reach the not-yet-joined members only', async () => {
    const dept = [...sb.state.departments.values()].find((d) => d.name === '临床科室')!;
    const pendingInDept = sb.state.membersOf(dept.id, true).filter((u) => u.status === 4);
    const activeInDept = sb.state.membersOf(dept.id, true).find((u) => u.status === 1)!;
    const r = await api(sb, 'batch/invite', { token, body: { party: [dept.id] } });
    expect(r.json).toMatchObject({ errcode: 0, invaliduser: [], invalidparty: [], invalidtag: [] });
    for (const u of pendingInDept)
      expect(sb.state.invites.get(u.userid.toLowerCase())).toBeGreaterThanOrEqual(1);
    expect(sb.state.invites.has(activeInDept.userid.toLowerCase())).toBe(false);

    const newcomers = [...sb.state.tags.values()].find((t) => t.tagname === '新入职')!;
    const t = await api(sb, 'batch/invite', { token, body: { tag: [newcomers.tagid] } });
    expect(t.json.errcode).toBe(0);
  });

  it('rejects empty and oversized calls', async () => {
    expect((await api(sb, 'batch/invite', { token, body: {} })).json.errcode).toBe(40035);
    expect(
      (await api(sb, 'batch/invite', { token, body: { user: [], party: [], tag: [] } })).json.errcode,
    ).toBe(40035);
    const users = Array.from({ length: 1001 }, (_, i) => `u${i}`);
    expect((await api(sb, 'batch/invite', { token, body: { user: users } })).json.errcode).toBe(40035);
    const parties = Array.from({ length: 101 }, (_, i) => i + 1);
    expect((await api(sb, 'batch/invite', { token, body: { party: parties } })).json.errcode).toBe(40035);
  });
});
