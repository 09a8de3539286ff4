import { afterEach, describe, expect, it } from 'vitest';
import type { NoticeBody } from '../../contract/notices';
import { servicesHarness, type Harness } from '../../test-support/services-harness';
import { neutraliseFormula } from '../export/formula-guard';
import { attachmentRef } from '../../contract/notices';

// 通知 end to end below the UI: real services on a temp SQLite file, the sandbox as WeCom.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const XZS = 1000002;
const sync = () => h!.runJob(() => h!.services.org.startSync());
const joined = () => [...h!.sandbox.state.users.values()].filter((u) => u.status === 1);
const copies = (userid: string) => h!.sandbox.messaging.log.inbox(userid).length;
const body = (over: Partial<NoticeBody> = {}): NoticeBody => ({
  agentid: XZS,
  title: '消防演练',
  content: { type: 'text', content: '今晚 18:00 全院消防演练，请各科室做好准备。' },
  attachments: [],
  recipients: {
    all: false,
    userids: [joined()[0]!.userid, joined()[1]!.userid],
    departmentIds: [],
    tagIds: [],
  },
  safe: 0,
  meta: { issuer: '', secrecy: '内部', urgency: '普通', drafter: '', reviewer: '', signer: '' },
  ...over,
});

describe('sending a notice', () => {
  it('delivers once, registers it with its msgid and counts heads from the cache', async () => {
    h = await servicesHarness();
    await sync();
    const dept = [...h.sandbox.state.departments.values()].find((d) => d.name === '职能科室')!;
    const everyone = h.sandbox.state.membersOf(dept.id, true);
    const r = await h.services.notices.send(
      body({ recipients: { all: false, userids: [], departmentIds: [dept.id], tagIds: [] } }),
    );
    expect(r.notice.status).toBe('sent');
    expect(r.notice.msgids).toHaveLength(1);
    expect(r.headCount!.total).toBe(everyone.length);
    expect(r.headCount!.notJoined.length).toBe(everyone.filter((u) => u.status === 4).length);
    for (const u of everyone) expect(copies(u.userid)).toBe(u.status === 1 ? 1 : 0);
    expect((await h.services.notices.list())[0]).toMatchObject({
      id: r.notice.id,
      status: 'sent',
      title: '消防演练',
    });
  });

  it('numbers the register by 机关 and year with no gaps', async () => {
    h = await servicesHarness();
    const repo = (
      h.services.notices as unknown as { d: { repo: { setPattern: (...a: string[]) => Promise<void> } } }
    ).d.repo;
    const corpId = h.sandbox.credentials.corpId;
    await repo.setPattern(corpId, '综合部', '新医综〔{年}〕{号}号');
    const meta = {
      issuer: '综合部',
      secrecy: '内部',
      urgency: '普通',
      drafter: '',
      reviewer: '',
      signer: '',
    } as const;
    const year = new Date().getFullYear();
    const a = await h.services.notices.send(body({ meta, title: '一' }));
    const b = await h.services.notices.send(
      body({ meta, title: '二', content: { type: 'text', content: '第二份' } }),
    );
    expect([a.notice.docNo, b.notice.docNo]).toEqual([`新医综〔${year}〕1号`, `新医综〔${year}〕2号`]);
  });

  it('refuses content past WeCom’s byte limit with the Chinese reason, recording nothing', async () => {
    h = await servicesHarness();
    await expect(
      h.services.notices.send(body({ content: { type: 'text', content: '汉'.repeat(683) } })),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '内容超出企业微信的限制：2049 / 2048 字节（一个汉字占 3 字节），请删减后再发送',
    });
    expect(await h.services.notices.list()).toEqual([]);
  });

  it('a file with a Chinese name is uploaded once and arrives under that name', async () => {
    h = await servicesHarness();
    const name = '冬季值班表（终稿）.txt';
    const att = await h.services.notices.attach({ data: Buffer.from('2026 年冬季值班表：……') }, name);
    expect(att.type).toBe('file');
    const content = { type: 'file' as const, mediaId: attachmentRef(att.sha256, name) };
    const first = await h.services.notices.send(body({ content, attachments: [att] }));
    expect(first.notice.status).toBe('sent');
    const got = h.sandbox.messaging.log.inbox(joined()[0]!.userid)[0]!;
    const mediaId = (got.payload as { media_id: string }).media_id;
    expect(h.sandbox.messaging.media.get(mediaId)?.filename).toBe(name);
    // a second notice with the same file reuses the media_id while it is fresh
    await h.services.notices.send(
      body({
        content,
        attachments: [att],
        title: '再发一次',
        recipients: { all: false, userids: [joined()[2]!.userid], departmentIds: [], tagIds: [] },
      }),
    );
    expect(h.sandbox.messaging.media.uploads).toBe(1);
  });
});

describe('exactly once', () => {
  it('a lost reply is settled by re-sending the same body under the duplicate check: one copy', async () => {
    h = await servicesHarness();
    h.sandbox.faults.dropReplies('message/send', 1);
    const r = await h.services.notices.send(body());
    // the reply was lost; reconcile re-sent the identical body, WeCom delivered nothing new
    expect(r.notice.status).toBe('sent');
    expect(copies(joined()[0]!.userid)).toBe(1);
    expect(copies(joined()[1]!.userid)).toBe(1);
  });

  it('offline: the notice waits as 待发送 and goes once when WeCom is back', async () => {
    h = await servicesHarness();
    h.sandbox.faults.dropReplies('message/send', 2);
    const r = await h.services.notices.send(body());
    expect(r.notice.status).toBe('sending');
    const resumed = await h.services.notices.resumeUnfinished();
    expect(resumed.map((n) => n.status)).toEqual(['sent']);
    expect(copies(joined()[0]!.userid)).toBe(1);
  });

  it('repeating the same command after an interruption resumes the notice instead of sending again', async () => {
    h = await servicesHarness();
    h.sandbox.faults.dropReplies('message/send', 2);
    const first = await h.services.notices.send(body());
    expect(first.notice.status).toBe('sending');
    const again = await h.services.notices.send(body());
    expect(again.repeated).toBe(true);
    expect(again.notice.id).toBe(first.notice.id);
    expect(again.notice.status).toBe('sent');
    expect(copies(joined()[0]!.userid)).toBe(1);
    expect(await h.services.notices.list()).toHaveLength(1);
  });
});

describe('scheduled notices', () => {
  it('wait until their time, then run-due sends them once', async () => {
    h = await servicesHarness();
    const at = new Date(Date.now() + 400).toISOString();
    const r = await h.services.notices.send(body({ title: '定时' }), { scheduledAt: at });
    expect(r.notice.status).toBe('scheduled');
    expect(await h.services.notices.runDue()).toEqual([]);
    expect(copies(joined()[0]!.userid)).toBe(0);
    await new Promise((res) => setTimeout(res, 450));
    const sent = await h.services.notices.runDue();
    expect(sent.map((n) => n.status)).toEqual(['sent']);
    expect(await h.services.notices.runDue()).toEqual([]);
    expect(copies(joined()[0]!.userid)).toBe(1);
  });
});

describe('recall', () => {
  it('recalls every copy with a reason kept in the register; a second recall is refused', async () => {
    h = await servicesHarness();
    const r = await h.services.notices.send(body());
    const recalled = await h.services.notices.recall(r.notice.id, '时间写错了');
    expect(recalled).toMatchObject({ status: 'recalled', recallReason: '时间写错了' });
    expect(h.sandbox.messaging.log.inbox(joined()[0]!.userid)[0]!.recalled).toBe(true);
    await expect(h.services.notices.recall(r.notice.id, '再撤一次')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '只能撤回已发送的通知',
    });
  });

  it('refuses without a reason, and gives back the notice as composed for 撤回并重发', async () => {
    h = await servicesHarness();
    const r = await h.services.notices.send(body());
    await expect(h.services.notices.recall(r.notice.id, ' ')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await h.services.notices.body(r.notice.id)).content).toEqual(body().content);
  });
});

describe('per-member pacing', () => {
  it('holds a notice that would pass 25 a minute for someone, instead of letting WeCom drop it', async () => {
    h = await servicesHarness();
    await sync();
    const one = { all: false, userids: [joined()[0]!.userid], departmentIds: [], tagIds: [] };
    for (let i = 0; i < 25; i++) {
      const r = await h.services.notices.send(
        body({ recipients: one, content: { type: 'text', content: `第 ${i} 条` } }),
      );
      expect(r.notice.status).toBe('sent');
    }
    const held = await h.services.notices.send(
      body({ recipients: one, content: { type: 'text', content: '第 26 条' } }),
    );
    expect(held.notice.status).toBe('sending');
    expect(copies(joined()[0]!.userid)).toBe(25);
    // someone else is not held back by it
    const other = { all: false, userids: [joined()[1]!.userid], departmentIds: [], tagIds: [] };
    expect((await h.services.notices.send(body({ recipients: other }))).notice.status).toBe('sent');
  });
});

describe('发文登记 export', () => {
  it('opens in exceljs with the notice, its 文号, status and msgid', async () => {
    h = await servicesHarness();
    await sync();
    const repo = (
      h.services.notices as unknown as { d: { repo: { setPattern: (...a: string[]) => Promise<void> } } }
    ).d.repo;
    await repo.setPattern(h.sandbox.credentials.corpId, '综合部', '新医综〔{年}〕{号}号');
    const meta = {
      issuer: '综合部',
      secrecy: '内部',
      urgency: '加急',
      drafter: '张三',
      reviewer: '',
      signer: '李四',
    } as const;
    const sent = await h.services.notices.send(body({ meta, title: '=关于冬季安全' }));
    const x = await h.services.notices.exportRegister();
    expect(x.rows).toBe(1);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const row = wb.getWorksheet('发文登记')!.getRow(2).values as unknown[];
    expect(row.slice(1, 11)).toEqual([
      sent.notice.docNo,
      "'=关于冬季安全",
      '综合部',
      '内部',
      '加急',
      '张三',
      '',
      '李四',
      '2',
      '已发送',
    ]);
    // a msgid may start with '-': the export's formula guard then prefixes it, like any such cell
    expect(row[12]).toBe(neutraliseFormula(sent.notice.msgids[0]!));
  });
});

describe('文号 patterns', () => {
  it('are checked with the clerk’s words and listed per 机关', async () => {
    h = await servicesHarness();
    await expect(h.services.notices.setPattern('综合部', '新医综〔{年}〕号')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '文号格式里要有「{号}」，表示当年的流水号',
    });
    await h.services.notices.setPattern('综合部', '新医综〔{年}〕{号}号');
    expect(await h.services.notices.patterns()).toEqual([
      { issuer: '综合部', pattern: '新医综〔{年}〕{号}号' },
    ]);
  });
});
