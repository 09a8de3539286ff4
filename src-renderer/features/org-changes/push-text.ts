import type { Conflict, DiffLine, OutboxOp, PushCallKind, PushPhase } from '../../../src-main/contract';
import { errcodeText } from '../../../src-main/domain/wecom-errcodes.zh-CN';
import { describeErrorInline } from '../../i18n/error-messages.zh-CN';

/** The push job's phases as the progress line names them. */
export const pushPhaseText: Record<string, string> = {
  starting: '准备中',
  settle: '完成上次未完成的推送',
  pull: '拉取最新数据',
  conflicts: '检查冲突',
  apply: '写入企业微信',
  refresh: '刷新本机数据',
};

/** The four numbered steps of a push, one bar each (settle is a note above them when it happens). */
export const pushSteps: { phase: Exclude<PushPhase, 'settle'>; label: string }[] = [
  { phase: 'pull', label: '1 拉取' },
  { phase: 'conflicts', label: '2 检查冲突' },
  { phase: 'apply', label: '3 写入' },
  { phase: 'refresh', label: '4 刷新' },
];

const kindText: Record<PushCallKind, (n: number) => string> = {
  deptCreate: (n) => `${n} 个新部门`,
  deptMove: (n) => `${n} 个部门移动`,
  deptRename: (n) => `${n} 个部门改名`,
  deptOrder: (n) => `${n} 个排序`,
  deptDelete: (n) => `删除 ${n} 个部门`,
  memberCreate: (n) => `${n} 名新成员`,
  memberUpdate: (n) => `${n} 名成员`,
  memberDelete: (n) => `删除 ${n} 名成员`,
  tagCreate: (n) => `${n} 个新标签`,
  tagRename: (n) => `${n} 个标签改名`,
  tagMembers: (n) => `${n} 次标签成员调整`,
  tagDelete: (n) => `删除 ${n} 个标签`,
  invite: (n) => `${n} 次邀请`,
};

/** 「将写入 43 项：2 个新部门、25 个排序、16 名成员」 */
export function previewSentence(calls: number, byKind: { kind: PushCallKind; count: number }[]): string {
  if (calls === 0) return '这些修改相互抵消，不需要写入企业微信';
  return `将写入 ${calls} 项：${byKind.map((k) => kindText[k.kind](k.count)).join('、')}`;
}

/** Why the number of calls differs from the number of changes, when it does. */
export function previewReasons(
  changes: number,
  calls: number,
  byKind: { kind: PushCallKind; count: number }[],
): string[] {
  const n = (kind: PushCallKind) => byKind.find((k) => k.kind === kind)?.count ?? 0;
  if (calls < changes) return ['有的修改相互抵消或合并（如改了又改回），实际写入的操作更少。'];
  if (calls === changes) return [];
  const out: string[] = [];
  if (n('deptOrder') > 0)
    out.push(
      `部门换了位置后，同级部门的排序要逐个写入（企业微信一次只能改一个部门），所以有 ${n('deptOrder')} 项排序。`,
    );
  if (n('memberUpdate') + n('memberCreate') + n('memberDelete') > 1)
    out.push('一项修改涉及多名成员时（如一次移动几个人），每名成员是一项操作。');
  if (n('tagMembers') > 0) out.push('标签成员按企业微信的单次上限分批写入，每批一项操作。');
  if (out.length === 0) out.push('一项修改可能需要写入企业微信好几次（如新建部门后再放入成员）。');
  return out;
}

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

/** Failed outbox ops carry an ErrorCode and WeCom's errcode: its own reason, said once, in Chinese. */
export function opErrorText(op: OutboxOp): string | null {
  if (op.status !== 'failed') return null;
  const known = op.errcode !== null ? errcodeText(op.errcode, op.facts ?? {}) : null;
  if (known) return known.reason;
  const base = describeErrorInline({
    code: op.errorCode ?? 'WECOM_REQUEST_REJECTED',
    details: op.errcode !== null ? { errcode: op.errcode } : {},
  });
  return op.errcode !== null && !base.includes(String(op.errcode)) ? `${base}（错误码 ${op.errcode}）` : base;
}

/** How to fix a refused row, when the errcode catalogue knows. */
export function opFixText(op: OutboxOp): string | null {
  if (op.status !== 'failed' || op.errcode === null) return null;
  return errcodeText(op.errcode, op.facts ?? {})?.fix ?? null;
}

/** WeCom's (or the app's) own words on a row, when they add something to opErrorText. */
export function opReasonText(op: OutboxOp): string | null {
  const reason = op.reason?.trim();
  if (!reason) return null;
  // A catalogued errcode already says it in Chinese; WeCom's English is noise to the clerk.
  if (op.status === 'failed' && op.errcode !== null && errcodeText(op.errcode)) return null;
  const base = opErrorText(op);
  return base?.includes(reason) ? null : reason;
}
