import { AppError, type ErrorCode } from '../../contract/errors';
import type { EventPayload } from '../../contract/events';
import type { Services } from '../../compose';
import { followJob } from '../../services/jobs/follow-job';
import { cliErrorText } from '../messages';
import { conflictLine, rowLine, unsettledRows } from './outbox-view';
import type { Command } from './types';

const phaseText: Record<string, string> = {
  pull: '读取企业微信现状',
  conflicts: '检查冲突',
  apply: '推送中',
};

/** Starts the push job and follows it on the event bus; progress goes to `err` unless `json`. */
export function followPush(
  s: Services,
  onProgress: (p: EventPayload<'job.progressed'>) => void,
): Promise<EventPayload<'job.finished'>> {
  return followJob(s.bus, () => s.push.start(), onProgress);
}

/**
 * `push`: sends the current corp's staged changes through the outbox (settling earlier open batches
 * first). Exit 0 only when everything is applied; failed, unconfirmed or conflicting work exits 1.
 */
export const pushCommand: Command = async (s, { json, out, err }) => {
  const corpId = await s.editor.corpId();
  if (!(await s.editor.synced()))
    throw new AppError('NOT_SYNCED', `the cache does not hold corp ${corpId} yet`, { details: { corpId } });
  const before = await s.editor.listChanges();
  let shown = false;
  const r = await followPush(s, (p) => {
    if (json) return;
    shown = true;
    err.write(`\r${phaseText[p.phase] ?? p.phase} ${p.done}/${p.total}   `);
  });
  if (shown) err.write('\n');

  const [after, state] = await Promise.all([s.editor.listChanges(), s.push.state()]);
  const unsettled = unsettledRows(state.ops);
  const failed = unsettled.filter((x) => x.status === 'failed');
  const pending = unsettled.filter((x) => x.status !== 'failed');
  const applied = state.ops.filter((o) => o.status === 'done').length;
  const result = {
    command: 'push',
    pushedChanges: before.changes.length - after.changes.length,
    remainingChanges: after.changes.length,
    applied,
    failed,
    pending,
    conflicts: state.conflicts,
  };

  if (r.ok) {
    if (json) out.write(JSON.stringify({ ok: true, ...result }) + '\n');
    else if (before.changes.length === 0 && state.ops.length === 0) out.write('没有待推送的修改\n');
    else out.write(`推送完成：${result.pushedChanges} 项修改，${applied} 个企业微信操作已生效\n`);
    return 0;
  }

  const code = (r.error?.code ?? 'INTERNAL') as ErrorCode;
  const details = r.error?.details;
  const text = pushFailureText(code, details, failed.length, pending.length);
  if (json) {
    out.write(JSON.stringify({ ok: false, ...result, error: { code, message: text, details } }) + '\n');
  } else {
    const lines = [`推送未完成：${text}`];
    for (const x of [...failed, ...pending]) lines.push(rowLine(x));
    for (const c of state.conflicts) lines.push(conflictLine(c));
    err.write(lines.join('\n') + '\n');
  }
  return 1;
};

function pushFailureText(
  code: ErrorCode,
  details: Record<string, unknown> | undefined,
  failed: number,
  pending: number,
): string {
  const counts: string[] = [];
  if (failed) counts.push(`${failed} 个操作被企业微信拒绝（可在应用中「重试」或「跳过」）`);
  if (pending) counts.push(`${pending} 个操作尚未确认生效（网络恢复后再次推送即可，不会重复发送）`);
  const base = cliErrorText(code, details);
  return counts.length ? `${counts.join('；')}。${base}` : base;
}
