import { App as AntApp, Button } from 'antd';
import { useCallback } from 'react';
import type { Change, ChangeOp } from '../../../src-main/contract';
import { useServices } from '../../app/services-context';
import { dismissToast, showToast } from '../../components/toast-store';
import type { ReportError } from '../../components/use-report-error';
import { useReportError } from '../../components/use-report-error';
import { describeError } from '../../i18n/error-messages.zh-CN';
import type { ChangesStore, StageResult } from '../org-changes/changes-store';

/**
 * What the toast says was recorded. A gesture on one member names the person (「将 彭峰 从 心血管内科
 * 移到 康复医学科」) from main's summary, where the caller's label may only count (「移动 1 人…」).
 */
export function recordedText(label: string, change: Change): string {
  const members = new Set(
    change.ops.filter((o) => o.type.startsWith('member.')).map((o) => (o as { userid: string }).userid),
  );
  const onePerson = members.size === 1 && change.ops.every((o) => o.type.startsWith('member.'));
  const text = onePerson && change.summaries.length === 1 ? change.summaries[0]! : label;
  return `已记录：${text}`;
}

/** The one 「已记录」 toast shown: a newer one replaces it, so its 撤销 always means the latest change. */
let recordedToast: number | null = null;

/** 撤销 on a 「已记录」 toast: undoes that change if it is still the latest, and says so. */
export function undoFromToast(changes: ChangesStore, change: Change, report: ReportError): void {
  const s = changes.getState();
  const latest = s.changes[s.changes.length - 1];
  if (latest?.id !== change.id) {
    showToast({ kind: 'info', text: '这项修改已不是最近一次，请在「待推送的修改」中处理' });
    return;
  }
  void s.undo().then((err) => {
    if (err) report('撤销', err);
    else showToast({ text: `已撤销：${change.label}`, kind: 'info' });
  });
}

/**
 * Stages one gesture and tells the clerk what happened: a short success note, or main's Chinese
 * reasons (INVALID_INPUT issues) when it refused; nothing changes locally in that case.
 */
export function useStage(): (label: string, ops: ChangeOp[]) => Promise<StageResult | null> {
  const { changes, org } = useServices();
  const { notification } = AntApp.useApp();
  const report = useReportError();
  return useCallback(
    async (label, ops) => {
      if (ops.length === 0) {
        showToast({ kind: 'info', text: '没有需要修改的内容' });
        return null;
      }
      const res = await changes.getState().stage(label, ops);
      if (res.ok) {
        if (recordedToast !== null) dismissToast(recordedToast);
        const change = res.change;
        recordedToast = showToast({
          text: recordedText(label, change),
          action: { label: '撤销', run: () => undoFromToast(changes, change, report) },
        });
      } else if (res.issues.length > 0) {
        notification.error({
          title: '没有修改：企业微信不接受这些内容',
          description: (
            <ul className="issue-list">
              {res.issues.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          ),
        });
      } else {
        const text = describeError(res.error);
        const key = `stage-${Date.now()}`;
        notification.error({
          key,
          title: `没有修改：${text.title}`,
          description: text.detail,
          // The cache is not this corp's yet: the fix is one click away.
          actions:
            res.error.code === 'NOT_SYNCED' ? (
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  notification.destroy(key);
                  void org.getState().startSync();
                }}
              >
                立即同步
              </Button>
            ) : undefined,
        });
      }
      return res;
    },
    [changes, org, notification, report],
  );
}
