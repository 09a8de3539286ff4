import type { AuditEntry } from '../../../src-main/contract';
import { describeError } from '../../i18n/error-messages.zh-CN';

/** 结果 in words: no internal codes, WeCom's errcode kept because its admin console quotes it. */
export function resultText(e: AuditEntry): { text: string; color: string; detail: string | null } {
  if (e.outcome === 'ok' || (e.outcome === undefined && e.result === '成功'))
    return { text: '成功', color: 'green', detail: null };
  if (e.outcome === 'failed' && e.errorCode) {
    const details = e.errcode !== null && e.errcode !== undefined ? { errcode: e.errcode } : undefined;
    const { title, detail } = describeError({ code: e.errorCode, ...(details ? { details } : {}) });
    const code = details ? `（错误码 ${details.errcode}）` : '';
    return { text: `失败${code}`, color: 'red', detail: `${title}：${detail}` };
  }
  return { text: e.result, color: 'default', detail: null };
}

export function actorText(e: AuditEntry): string {
  return e.actor ? e.actor : '（未记录）';
}

export const AUDIT_KINDS = [
  { value: 'department', label: '部门' },
  { value: 'member', label: '成员' },
  { value: 'tag', label: '标签' },
  { value: 'invite', label: '邀请' },
] as const;
