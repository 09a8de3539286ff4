import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageSendCall } from '../contract/message-calls';
import { createLogger } from '../platform/logger';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { uploadMedia } from './endpoints/media';
import { agentRange, messageBody, recallMessage, sendMessage } from './endpoints/messages';
import { WecomError } from './errors';
import { WecomHttp } from './http-client';

// The notice wire against the sandbox over loopback: bodies WeCom accepts, names that survive,
// and the duplicate check doing its job when the same call is sent again.

let sb: RunningSandbox;
let http: WecomHttp;
const XZS = 1000002;
let cred: { corpId: string; secret: string; label: string };
beforeAll(async () => {
  sb = await startSandbox();
  http = new WecomHttp({ baseURL: sb.url, logger: createLogger(), minRetryDelayMs: 5 });
  const secret = sb.credentials.apps.find((a) => a.agentid === XZS)!.secret;
  cred = { corpId: sb.credentials.corpId, secret, label: '小助手' };
});
afterAll(() => sb.close());
beforeEach(() => sb.messaging.reset());

const someone = () => [...sb.state.users.values()].find((u) => u.status === 1)!;
const call = (over: Partial<MessageSendCall> = {}): MessageSendCall => ({
  kind: 'message.send',
  agentid: XZS,
  to: { all: false, userids: [someone().userid], departmentIds: [], tagIds: [] },
  content: { type: 'text', content: '今晚 18:00 消防演练' },
  safe: 0,
  duplicateCheckInterval: 3600,
  ...over,
});

describe('message wire', () => {
  it('the body is byte-identical for the same call and asks for the duplicate check', () => {
    const a = JSON.stringify(messageBody(call()));
    expect(JSON.stringify(messageBody(call()))).toBe(a);
    expect(JSON.parse(a)).toMatchObject({ enable_duplicate_check: 1, duplicate_check_interval: 3600 });
  });

  it('sending the same call twice delivers once', async () => {
    const first = await sendMessage(http, cred, call());
    const second = await sendMessage(http, cred, call());
    expect(second.msgid).toBe(first.msgid);
    expect(sb.messaging.log.inbox(someone().userid)).toHaveLength(1);
  });

  it('reports invalid recipients lower-cased and refuses an all-invalid send with 81013', async () => {
    const to = { all: false, userids: [someone().userid, 'Ghost'], departmentIds: [424242], tagIds: [] };
    const r = await sendMessage(http, cred, call({ to }));
    expect(r.invalidUsers).toEqual(['ghost']);
    expect(r.invalidDepartments).toEqual([424242]);
    const bad = { all: false, userids: ['Ghost'], departmentIds: [], tagIds: [] };
    await expect(sendMessage(http, cred, call({ to: bad }))).rejects.toMatchObject({ errcode: 81013 });
  });

  it('every content type the composer makes is accepted', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(40, 1)]);
    const img = await uploadMedia(http, cred, 'image', '封面.png', { data: png });
    const file = await uploadMedia(http, cred, 'file', '值班表.xlsx', {
      data: Buffer.from('not really xlsx'),
    });
    const contents: MessageSendCall['content'][] = [
      { type: 'markdown', content: '**注意**' },
      { type: 'image', mediaId: img.mediaId },
      { type: 'file', mediaId: file.mediaId },
      {
        type: 'textcard',
        title: '会议通知',
        description: '<div class="gray">周五</div>',
        url: 'https://a.cn',
        btntxt: '',
      },
      { type: 'news', articles: [{ title: '院报', description: '', url: 'https://a.cn', picUrl: '' }] },
      {
        type: 'mpnews',
        articles: [
          {
            title: '制度',
            thumbMediaId: img.mediaId,
            author: '综合部',
            contentSourceUrl: '',
            content: '<p>正文</p>',
            digest: '',
          },
        ],
      },
      {
        type: 'textNotice',
        title: '停电通知',
        description: '周六 8:00–12:00',
        url: 'https://a.cn',
        sourceDesc: '',
      },
    ];
    for (const content of contents) {
      const r = await sendMessage(http, cred, call({ content }));
      expect(r.msgid).not.toBe('');
    }
    const got = sb.messaging.log.inbox(someone().userid).map((d) => d.msgtype);
    expect(got).toEqual(['markdown', 'image', 'file', 'textcard', 'news', 'mpnews', 'template_card']);
  });

  it('a Chinese filename reaches WeCom intact', async () => {
    const m = await uploadMedia(http, cred, 'file', '关于"冬季"安全的通知（第2版）.docx', {
      data: Buffer.from('hello world'),
    });
    expect(sb.messaging.media.get(m.mediaId)?.filename).toBe('关于＂冬季＂安全的通知（第2版）.docx');
    expect(m.createdAt).toBeGreaterThan(1_700_000_000);
  });

  it('recall, and agent/get reads the visible range', async () => {
    const r = await sendMessage(http, cred, call());
    await recallMessage(http, cred, r.msgid);
    expect(sb.messaging.log.inbox(someone().userid)[0]!.recalled).toBe(true);
    await expect(recallMessage(http, cred, 'nope')).rejects.toBeInstanceOf(WecomError);
    sb.messaging.ranges.set(XZS, { users: ['ZhangSan'], partys: [2, 3], tags: [] });
    expect(await agentRange(http, cred, XZS)).toEqual({
      userids: ['ZhangSan'],
      departmentIds: [2, 3],
      tagIds: [],
    });
  });
});
