import { AppError } from '../../contract/errors';
import type { NoticeEntry } from '../../contract/notices';
import { entry } from './notice-entry';
import type { NoticeServiceDeps } from './notice-service';

/**
 * 撤回: every message of a sent notice recalled through the outbox (WeCom allows 24 hours). The
 * notice becomes 已撤回 with the reason once WeCom has taken every recall.
 */
export async function recallNotice(d: NoticeServiceDeps, id: number, reason: string): Promise<NoticeEntry> {
  const c = await d.corp.resolve();
  const n = await d.repo.get(c.corpId, id);
  if (!n) throw new AppError('NOT_FOUND', `no notice ${id}`);
  const refuse = (message: string) =>
    new AppError('INVALID_INPUT', message, { details: { issues: [{ path: 'id', message }] } });
  if (n.status !== 'sent' && n.status !== 'partial') throw refuse('只能撤回已发送的通知');
  if (reason.trim() === '') throw refuse('请填写撤回原因，它会记入发文登记');
  const sentAt = Date.parse(n.sentAt ?? n.createdAt);
  if (d.nowMs() - sentAt > 24 * 3600 * 1000)
    throw refuse('企业微信只能撤回 24 小时内发出的消息，这条通知已超过 24 小时');
  const rows = n.msgids.map((msgid) => ({
    call: { kind: 'message.recall' as const, agentid: n.agentid, msgid },
    family: 'message',
    entity: 'notice',
    key: String(id),
    summary: `撤回通知「${n.title || '（无标题）'}」：${reason}`,
    before: null,
    after: null,
  }));
  const batchId = await d.outbox.record(c.corpId, 'notice', [], rows);
  await d.outbox.runBatch(c.corpId, batchId, {
    signal: new AbortController().signal,
    progress: () => {},
  });
  const out = await d.outbox.outcome(batchId);
  if (out.done !== rows.length) {
    throw new AppError('WECOM_REQUEST_REJECTED', 'recall not completed', {
      details: {
        issues: [{ path: 'id', message: '撤回没有全部完成，请稍后重试（已撤回的不会重复撤回）' }],
      },
    });
  }
  await d.outbox.close(batchId);
  const { msgids, invalidUsers, failedCalls } = n;
  await d.repo.settle(c.corpId, id, 'recalled', null, {
    msgids,
    invalidUsers,
    failedCalls,
    recallReason: reason,
  });
  return entry((await d.repo.get(c.corpId, id))!);
}
