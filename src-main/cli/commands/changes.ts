import type { Command } from './types';
import { conflictLine, rowLine, unsettledRows } from './outbox-view';

/** `changes`: the current corp's staged changes and the outbox rows not yet settled. */
export const changesCommand: Command = async (s, { json, out }) => {
  const [list, state] = await Promise.all([s.editor.listChanges(), s.push.state()]);
  const changes = list.changes.map((c) => ({
    id: c.id,
    label: c.label,
    summaries: c.summaries,
    createdAt: c.createdAt,
  }));
  const unsettled = unsettledRows(state.ops);
  const conflicts = state.conflicts;
  if (json) {
    out.write(JSON.stringify({ ok: true, command: 'changes', changes, unsettled, conflicts }) + '\n');
    return 0;
  }
  const lines: string[] = [];
  if (changes.length === 0) lines.push('没有待推送的修改');
  else {
    lines.push(`待推送的修改：${changes.length} 项`);
    for (const c of changes) {
      lines.push(`  #${c.id} ${c.label}（${c.createdAt}）`);
      for (const t of c.summaries) lines.push(`      · ${t}`);
    }
  }
  if (unsettled.length) {
    const failed = unsettled.filter((r) => r.status === 'failed').length;
    lines.push(`未完成的推送操作：${unsettled.length} 项（失败 ${failed} 项）`);
    for (const r of unsettled) lines.push(rowLine(r));
  }
  if (conflicts.length) {
    lines.push(`与企业微信冲突：${conflicts.length} 项（请在应用中逐项选择保留哪一方）`);
    for (const c of conflicts) lines.push(conflictLine(c));
  }
  out.write(lines.join('\n') + '\n');
  return 0;
};
