import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { api, appSecret, getToken, type Loose } from './testkit';

const XZS = 1000002; // 新区医院小助手
let sb: RunningSandbox;
let app: string;
let contacts: string;
beforeAll(async () => {
  sb = await startSandbox();
  app = await getToken(sb, appSecret(sb, XZS));
  contacts = await getToken(sb);
});
afterAll(() => sb.close());
beforeEach(() => sb.messaging.reset());

const active = () => [...sb.state.users.values()].filter((u) => u.status === 1);
const send = (body: Record<string, unknown>, token = app) =>
  api(sb, 'message/send', { token, body: { agentid: XZS, ...body } });
const inbox = (userid: string) => sb.messaging.log.inbox(userid);

describe('message/send recipients', () => {
  it('delivers a text to the named members, listing unknown ones lower-cased', async () => {
    const [a, b] = active();
    const r = await send({
      touser: `${a!.userid} | NoSuchUser`,
      toparty: '99999',
      msgtype: 'text',
      text: { content: '明早八点交班' },
    });
    expect(r.json.errcode).toBe(0);
    expect(r.json.invaliduser).toBe('nosuchuser');
    expect(r.json.invalidparty).toBe('99999');
    expect(r.json.msgid).toMatch(/^[\w-]{63}$/);
    expect(inbox(a!.userid).map((d) => (d.payload as Loose).content)).toEqual(['明早八点交班']);
    expect(inbox(b!.userid)).toEqual([]);
  });

  it('a department reaches its sub-departments; members who have not joined get nothing', async () => {
    const dept = [...sb.state.departments.values()].find((d) => d.name === '临床科室')!;
    const everyone = sb.state.membersOf(dept.id, true);
    const notJoined = everyone.find((u) => u.status === 4)!;
    const joined = everyone.find((u) => u.status === 1 && !u.department.includes(dept.id))!;
    const r = await send({ toparty: String(dept.id), msgtype: 'text', text: { content: 'x' } });
    expect(r.json.errcode).toBe(0);
    expect(inbox(joined.userid)).toHaveLength(1);
    expect(inbox(notJoined.userid)).toHaveLength(0);
    expect(sb.messaging.log.reachedBy(r.json.msgid)).toBe(everyone.filter((u) => u.status === 1).length);
  });

  it('81013 with the lists when nothing is valid; 82001 when all three are empty', async () => {
    const r = await send({ touser: 'Ghost1|ghost2', msgtype: 'text', text: { content: 'x' } });
    expect(r.json.errcode).toBe(81013);
    expect(r.json.invaliduser).toBe('ghost1|ghost2');
    expect((await send({ msgtype: 'text', text: { content: 'x' } })).json.errcode).toBe(82001);
  });

  it('refuses more than 1000 users, 100 departments, 100 tags', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 2)).join('|');
    const text = { msgtype: 'text', text: { content: 'x' } };
    expect((await send({ touser: ids(1001), ...text })).json.errcode).toBe(40032);
    expect((await send({ toparty: ids(101), ...text })).json.errcode).toBe(82002);
    expect((await send({ totag: ids(101), ...text })).json.errcode).toBe(82003);
  });

  it('members outside the app 可见范围 are invalid; @all is the whole range', async () => {
    const dept = [...sb.state.departments.values()].find((d) => d.name === '医技科室')!;
    sb.messaging.ranges.set(XZS, { users: [], partys: [dept.id], tags: [] });
    const inside = sb.state.membersOf(dept.id, true).find((u) => u.status === 1)!;
    const outside = active().find((u) => !sb.state.membersOf(dept.id, true).includes(u))!;
    const r = await send({
      touser: `${inside.userid}|${outside.userid}`,
      msgtype: 'text',
      text: { content: 'x' },
    });
    expect(r.json.invaliduser).toBe(outside.userid.toLowerCase());
    const all = await send({ touser: '@all', msgtype: 'text', text: { content: 'y' } });
    expect(sb.messaging.log.reachedBy(all.json.msgid)).toBe(
      sb.state.membersOf(dept.id, true).filter((u) => u.status === 1).length,
    );
    expect(inbox(outside.userid)).toEqual([]);
  });
});

describe('message/send checks', () => {
  it('only an app token, only for its own agentid', async () => {
    const u = active()[0]!.userid;
    expect((await send({ touser: u, msgtype: 'text', text: { content: 'x' } }, contacts)).json.errcode).toBe(
      48002,
    );
    expect(
      (await send({ agentid: 1000003, touser: u, msgtype: 'text', text: { content: 'x' } })).json.errcode,
    ).toBe(301002);
    const noAgent = await api(sb, 'message/send', {
      token: app,
      body: { touser: u, msgtype: 'text', text: { content: 'x' } },
    });
    expect(noAgent.json.errcode).toBe(41011);
  });

  it('byte limits, not characters: 682 汉字 fit a text, 683 do not', async () => {
    const u = active()[0]!.userid;
    expect(
      (await send({ touser: u, msgtype: 'text', text: { content: '汉'.repeat(682) } })).json.errcode,
    ).toBe(0);
    expect(
      (await send({ touser: u, msgtype: 'text', text: { content: '汉'.repeat(683) } })).json.errcode,
    ).toBe(45002);
    expect((await send({ touser: u, msgtype: 'text', text: { content: '' } })).json.errcode).toBe(44004);
  });

  it('types: unknown 40008, textcard without description 41033, news+safe 40074, >8 articles 45008', async () => {
    const u = active()[0]!.userid;
    expect((await send({ touser: u, msgtype: 'sms', sms: {} })).json.errcode).toBe(40008);
    const card = { title: '会议通知', url: 'https://example.com' };
    expect((await send({ touser: u, msgtype: 'textcard', textcard: card })).json.errcode).toBe(41033);
    const article = { title: '院务公开', url: 'https://example.com' };
    expect(
      (await send({ touser: u, msgtype: 'news', safe: 1, news: { articles: [article] } })).json.errcode,
    ).toBe(40074);
    const nine = Array.from({ length: 9 }, () => article);
    expect((await send({ touser: u, msgtype: 'news', news: { articles: nine } })).json.errcode).toBe(45008);
    expect((await send({ touser: u, msgtype: 'news', news: { articles: [article] } })).json.errcode).toBe(0);
  });

  it('an image needs a live image media_id (40007 otherwise)', async () => {
    const u = active()[0]!.userid;
    expect((await send({ touser: u, msgtype: 'image', image: { media_id: 'nope' } })).json.errcode).toBe(
      40007,
    );
  });
});

describe('duplicate check, pacing, recall', () => {
  it('an identical body inside the interval is accepted and not delivered again', async () => {
    const u = active()[0]!.userid;
    const body = {
      touser: u,
      msgtype: 'text',
      text: { content: '只应收到一次' },
      enable_duplicate_check: 1,
      duplicate_check_interval: 600,
    };
    const first = await send(body);
    const again = await send(body);
    expect(again.json.errcode).toBe(0);
    expect(again.json.msgid).toBe(first.json.msgid);
    expect(inbox(u)).toHaveLength(1);
    sb.messaging.clock.advance(601);
    await send(body);
    expect(inbox(u)).toHaveLength(2);
  });

  it('without the check the same body is delivered twice', async () => {
    const u = active()[0]!.userid;
    const body = { touser: u, msgtype: 'text', text: { content: 'twice' } };
    await send(body);
    await send(body);
    expect(inbox(u)).toHaveLength(2);
  });

  it('past 30 a minute per member the excess is dropped silently (errcode 0)', async () => {
    const u = active()[0]!.userid;
    const codes: number[] = [];
    for (let i = 0; i < 32; i++)
      codes.push((await send({ touser: u, msgtype: 'text', text: { content: `#${i}` } })).json.errcode);
    expect(new Set(codes)).toEqual(new Set([0]));
    expect(inbox(u)).toHaveLength(30);
    expect(sb.messaging.log.dropped).toBe(2);
    sb.messaging.clock.advance(61);
    await send({ touser: u, msgtype: 'text', text: { content: 'later' } });
    expect(inbox(u)).toHaveLength(31);
  });

  it('recall within 24 h marks the copies; later 42052; another app 301002', async () => {
    const u = active()[0]!.userid;
    const sent = await send({ touser: u, msgtype: 'text', text: { content: '发错了' } });
    const other = await getToken(sb, appSecret(sb, 1000003));
    expect(
      (await api(sb, 'message/recall', { token: other, body: { msgid: sent.json.msgid } })).json.errcode,
    ).toBe(301002);
    expect(
      (await api(sb, 'message/recall', { token: app, body: { msgid: sent.json.msgid } })).json.errcode,
    ).toBe(0);
    expect(inbox(u)[0]!.recalled).toBe(true);
    const late = await send({ touser: u, msgtype: 'text', text: { content: '旧消息' } });
    sb.messaging.clock.advance(24 * 3600 + 1);
    expect(
      (await api(sb, 'message/recall', { token: app, body: { msgid: late.json.msgid } })).json.errcode,
    ).toBe(42052);
  });
});

describe('agent/get and the inbox control', () => {
  it('agent/get shows the visible range; another app’s agentid is 301002', async () => {
    const r = await api(sb, 'agent/get', { token: app, query: { agentid: XZS } });
    expect(r.json.errcode).toBe(0);
    expect(r.json.allow_partys).toEqual({ partyid: [1] });
    expect(r.json.name).toBe('新区医院小助手');
    expect((await api(sb, 'agent/get', { token: app, query: { agentid: 1000003 } })).json.errcode).toBe(
      301002,
    );
  });

  it('GET /__sandbox/inbox shows what a member received', async () => {
    const u = active()[3]!.userid;
    await send({ touser: u, msgtype: 'markdown', markdown: { content: '**值班**安排' } });
    const res = await fetch(`${sb.url}/__sandbox/inbox?userid=${encodeURIComponent(u)}`);
    const json = (await res.json()) as Loose;
    expect(json.messages).toHaveLength(1);
    expect(json.messages[0].msgtype).toBe('markdown');
    expect(json.messages[0].payload.content).toBe('**值班**安排');
  });
});
