import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, ERRMSG_RE, getToken } from './testkit';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox();
  token = await getToken(sb);
});
afterAll(() => sb.close());

describe('envelope', () => {
  it('errors are HTTP 200 with int errcode, the WeCom errmsg format and Error-Code/Error-Msg headers', async () => {
    const r = await api(sb, 'user/get', { token, query: { userid: 'no-such-user' } });
    expect(r.status).toBe(200);
    expect(r.json.errcode).toBe(60111);
    expect(r.json.errmsg).toMatch(ERRMSG_RE);
    expect(r.json.errmsg.startsWith('userid not found, hint: [')).toBe(true);
    expect(r.headers.get('error-code')).toBe('60111');
    expect(r.headers.get('error-msg')).toBe(r.json.errmsg);
    // like the real capture: the endpoint's arrays are present, empty
    expect(r.json).toMatchObject({ department: [], order: [], is_leader_in_dept: [] });
  });

  it('hints differ between responses', async () => {
    const a = await api(sb, 'user/get', { token, query: { userid: 'x' } });
    const b = await api(sb, 'user/get', { token, query: { userid: 'x' } });
    const hint = (s: string) => /hint: \[(\d+)\]/.exec(s)?.[1];
    expect(hint(a.json.errmsg)).not.toBe(hint(b.json.errmsg));
  });

  it('serializes non-ASCII raw', async () => {
    const r = await api(sb, 'department/get', { token, query: { id: 1 } });
    expect(r.text).toContain('新区医院');
    expect(r.text).not.toMatch(/\\u[0-9a-f]{4}/i);
  });

  it('GET on a POST endpoint → 40058', async () => {
    const r = await api(sb, 'user/create', { token, method: 'GET' });
    expect(r.json.errcode).toBe(40058);
  });

  it('invalid JSON → 40058, a \\uXXXX escape → 40033', async () => {
    expect((await api(sb, 'tag/create', { token, rawBody: '{"tagname": ' })).json.errcode).toBe(40058);
    const escaped = await api(sb, 'tag/create', { token, rawBody: '{"tagname":"\\u515a\\u5458"}' });
    expect(escaped.json.errcode).toBe(40033);
    // an escaped backslash followed by "u" is not an escape sequence
    const notEscape = await api(sb, 'tag/create', { token, rawBody: '{"tagname":"a\\\\u0041"}' });
    expect(notEscape.json.errcode).toBe(0);
  });

  it('unknown paths answer HTTP 404 with a WeCom-style JSON body', async () => {
    const r = await api(sb, 'no/such/api', { token });
    expect(r.status).toBe(404);
    expect(r.json.errcode).toBe(40058);
  });

  it('accepts numbers sent as strings', async () => {
    const r = await api(sb, 'department/create', {
      token,
      body: { name: '字符串编号科', parentid: '1', order: '5' },
    });
    expect(r.json).toMatchObject({ errcode: 0, errmsg: 'created' });
    expect(sb.state.departments.get(r.json.id)).toMatchObject({ parentid: 1, order: 5 });
  });

  it('success messages: created / updated / deleted / ok', async () => {
    const c = await api(sb, 'tag/create', { token, body: { tagname: '信封测试' } });
    expect(c.json).toMatchObject({ errcode: 0, errmsg: 'created' });
    expect(typeof c.json.tagid).toBe('number');
    const u = await api(sb, 'tag/update', { token, body: { tagid: c.json.tagid, tagname: '信封测试2' } });
    expect(u.json.errmsg).toBe('updated');
    const g = await api(sb, 'tag/get', { token, query: { tagid: c.json.tagid } });
    expect(g.json.errmsg).toBe('ok');
    const d = await api(sb, 'tag/delete', { token, query: { tagid: c.json.tagid } });
    expect(d.json.errmsg).toBe('deleted');
    expect(d.headers.get('error-code')).toBe('0');
  });
});
