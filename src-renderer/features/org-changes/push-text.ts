import type { Conflict, DiffLine, OutboxOp } from '../../../src-main/contract';
import { describeErrorInline } from '../../i18n/error-messages.zh-CN';

/** The push job's phases as the progress line names them. */
export const pushPhaseText: Record<string, string> = {
  starting: '准备中',
  pull: '拉取最新数据',
  conflicts: '检查冲突',
  apply: '推送修改',
};

export const entityText: Record<DiffLine['entity'] | Conflict['entity'], string> = {
  department: '部门',
  member: '成员',
  tag: '标签',
};

export const kindStyle: Record<DiffLine['kind'], { text: string; color: string }> = {
  added: { text: '新增', color: 'green' },
  removed: { text: '删除', color: 'red' },
  moved: { text: '移动', color: 'blue' },
  renamed: { text: '改名', color: 'purple' },
  reordered: { text: '排序', color: 'cyan' },
  changed: { text: '修改', color: 'orange' },
};

export const opStatusText: Record<OutboxOp['status'], { text: string; color: string }> = {
  pending: { text: '等待', color: 'default' },
  sending: { text: '发送中', color: 'processing' },
  done: { text: '成功', color: 'success' },
  failed: { text: '失败', color: 'error' },
  skipped: { text: '已跳过', color: 'warning' },
};

/** Failed outbox ops carry an ErrorCode and WeCom's errcode; say what it means in Chinese. */
export function opErrorText(op: OutboxOp): string | null {
  if (op.status !== 'failed') return null;
  const base = describeErrorInline({
    code: op.errorCode ?? 'WECOM_REQUEST_REJECTED',
    details: op.errcode !== null ? { errcode: op.errcode } : {},
  });
  return op.errcode !== null && !base.includes(String(op.errcode)) ? `${base}（错误码 ${op.errcode}）` : base;
}

/** WeCom's (or the app's) own words on a row, when they add something to opErrorText. */
export function opReasonText(op: OutboxOp): string | null {
  const reason = op.reason?.trim();
  if (!reason) return null;
  const base = opErrorText(op);
  return base?.includes(reason) ? null : reason;
}
