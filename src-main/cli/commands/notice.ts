import { basename } from 'node:path';
import type { Services } from '../../compose';
import { AppError } from '../../contract/errors';
import type { MessageContent } from '../../contract/message-calls';
import type { NoticeBody, NoticeEntry } from '../../contract/notices';
import { attachmentRef } from '../../contract/notices';
import type { Command, CommandIo } from './types';

const STATUS_ZH: Record<NoticeEntry['status'], string> = {
  scheduled: '定时',
  sending: '待发送',
  sent: '已发送',
  partial: '部分失败',
  failed: '发送失败',
  recalled: '已撤回',
  cancelled: '已取消',
};

const usageError = (message: string) =>
  new AppError('INVALID_INPUT', message, { details: { issues: [{ path: 'args', message }] } });

const list = (v: string | true | undefined): string[] =>
  typeof v === 'string'
    ? v
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : [];

const ids = (v: string | true | undefined, what: string): number[] =>
  list(v).map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n)) throw usageError(`${what}要写数字 ID，用逗号分隔：${s}`);
    return n;
  });

async function contentOf(
  s: Services,
  f: ReadonlyMap<string, string | true>,
): Promise<Pick<NoticeBody, 'content' | 'attachments'>> {
  const kinds = ['text', 'markdown', 'image', 'file', 'video'].filter((k) => f.has(k));
  if (kinds.length !== 1)
    throw usageError('请且只请给出一种内容：--text、--markdown、--image、--file 或 --video');
  const kind = kinds[0]!;
  const value = f.get(kind);
  if (typeof value !== 'string' || value === '') throw usageError(`--${kind} 后面要跟内容或文件路径`);
  if (kind === 'text' || kind === 'markdown')
    return { content: { type: kind, content: value }, attachments: [] };
  const att = await s.notices.attach({ path: value }, basename(value));
  const ref = attachmentRef(att.sha256, att.filename);
  const title = typeof f.get('title') === 'string' ? (f.get('title') as string) : '';
  const content: MessageContent =
    kind === 'image'
      ? { type: 'image', mediaId: ref }
      : kind === 'video'
        ? { type: 'video', mediaId: ref, title, description: '' }
        : { type: 'file', mediaId: ref };
  return { content, attachments: [{ ...att, type: kind as 'image' | 'file' | 'video' }] };
}

async function send(s: Services, { json, out, err, args }: CommandIo): Promise<number> {
  const f = args.flags;
  const appArg = f.get('app');
  if (typeof appArg !== 'string') throw usageError('请用 --app 指定应用（名称或 AgentId）');
  const corp = await s.corp.resolve();
  const app = corp.apps.find((a) => a.name === appArg || String(a.agentid) === appArg);
  if (!app)
    throw usageError(
      `没有名为「${appArg}」的应用；可用：${corp.apps.map((a) => `${a.name}（${a.agentid}）`).join('、')}`,
    );
  const recipients = {
    all: f.has('to-all'),
    userids: list(f.get('to-user')),
    departmentIds: ids(f.get('to-dept'), '--to-dept'),
    tagIds: ids(f.get('to-tag'), '--to-tag'),
  };
  const { content, attachments } = await contentOf(s, f);
  const title = typeof f.get('title') === 'string' ? (f.get('title') as string) : '';
  const r = await s.notices.send({ agentid: app.agentid, title, content, attachments, recipients, safe: 0 });
  const n = r.notice;
  const head = r.headCount;
  const sends = n.msgids.map((msgid) => ({ msgid }));
  if (json) {
    out.write(
      JSON.stringify({
        ok: n.status === 'sent' || n.status === 'partial',
        notice: { id: n.id, docNo: n.docNo, status: n.status, repeated: r.repeated },
        sends,
        invaliduser: n.invalidUsers,
        headCount: head && {
          total: head.total,
          receiving: head.receiving.length,
          notJoined: head.notJoined.length,
          disabled: head.disabled.length,
          unknownUsers: head.unknownUsers,
        },
      }) + '\n',
    );
  } else {
    if (head)
      err.write(
        `共 ${head.total} 人，其中 ${head.notJoined.length} 人未激活收不到，${head.disabled.length} 人已停用\n`,
      );
    if (r.repeated) err.write('这条通知之前已记录过，本次继续原来的发送，不会重复投递\n');
    out.write(
      `${STATUS_ZH[n.status]}：通知 #${n.id}${n.docNo ? ` ${n.docNo}` : ''}，msgid ${n.msgids.join('、') || '（无）'}\n`,
    );
    if (n.invalidUsers.length > 0) out.write(`企业微信无法送达：${n.invalidUsers.join('、')}\n`);
  }
  if (n.status === 'sending') {
    err.write(
      '未能连上企业微信：通知已记录为「待发送」，再次运行同一命令或 notice run-due 会继续发送，不会重复投递\n',
    );
    return 1;
  }
  // 部分失败 only because some ids were not deliverable still sent what could be sent
  return n.status === 'sent' || (n.status === 'partial' && n.failedCalls === 0) ? 0 : 1;
}

async function listNotices(s: Services, { json, out }: CommandIo): Promise<number> {
  const rows = await s.notices.list();
  if (json) out.write(JSON.stringify({ ok: true, notices: rows }) + '\n');
  else if (rows.length === 0) out.write('还没有发过通知\n');
  else
    for (const n of rows)
      out.write(
        `#${n.id}  ${STATUS_ZH[n.status]}  ${n.docNo ?? '（无文号）'}  ${n.title || '（无标题）'}  ${n.createdAt}\n`,
      );
  return 0;
}

async function runDue(s: Services, { json, out }: CommandIo): Promise<number> {
  const resumed = [...(await s.notices.resumeUnfinished()), ...(await s.notices.runDue())];
  const left = resumed.filter((n) => n.status === 'sending').length;
  if (json) out.write(JSON.stringify({ ok: left === 0, resumed }) + '\n');
  else out.write(`发送 ${resumed.length} 条待发送或到时的定时通知，${left} 条仍未能发出\n`);
  return left === 0 ? 0 : 1;
}

/** `notice send|list|run-due`: the same services and outbox as the app. */
export const noticeCommand: Command = async (s, io) => {
  const sub = io.args.rest[0];
  if (sub === 'send') return send(s, io);
  if (sub === 'list') return listNotices(s, io);
  if (sub === 'run-due') return runDue(s, io);
  throw usageError('用法：notice send | notice list | notice run-due');
};
