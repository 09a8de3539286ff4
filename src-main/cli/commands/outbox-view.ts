import type { Conflict } from '../../contract/org-edit';
import type { OutboxOp } from '../../contract/outbox';

/** An outbox row not yet settled, as the CLI shows it. */
export interface UnsettledRow {
  id: number;
  batchId: number;
  kind: string;
  summary: string;
  status: 'pending' | 'sending' | 'failed';
  attempts: number;
  errorCode: string | null;
  errcode: number | null;
  reason: string | null;
}

export function unsettledRows(ops: OutboxOp[]): UnsettledRow[] {
  const out: UnsettledRow[] = [];
  for (const o of ops) {
    if (o.status !== 'pending' && o.status !== 'sending' && o.status !== 'failed') continue;
    out.push({
      id: o.id,
      batchId: o.batchId,
      kind: o.kind,
      summary: o.summary,
      status: o.status,
      attempts: o.attempts,
      errorCode: o.errorCode,
      errcode: o.errcode,
      reason: o.reason,
    });
  }
  return out;
}

const statusText: Record<UnsettledRow['status'], string> = {
  failed: '失败',
  pending: '待发送',
  sending: '结果待确认',
};

/** One line per row: 「失败 #12 新建部门「康复科」：原因（错误码 60008）」. */
export function rowLine(r: UnsettledRow): string {
  const why =
    r.status === 'failed'
      ? `：${r.reason ?? r.errorCode ?? '企业微信拒绝'}${r.errcode !== null ? `（错误码 ${r.errcode}）` : ''}`
      : r.status === 'sending'
        ? '：已发出但未收到企业微信的回复，下次推送时会先读取企业微信核对，不会重复发送'
        : '';
  return `  ${statusText[r.status]} #${r.id} ${r.summary}${why}`;
}

export function conflictLine(c: Conflict): string {
  return `  冲突 修改 #${c.changeId} ${c.title}`;
}
