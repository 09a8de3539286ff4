import { App as AntApp, Button } from 'antd';
import { useCallback } from 'react';
import type { ChangeOp } from '../../../src-main/contract';
import { useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import type { StageResult } from '../org-changes/changes-store';

/**
 * Stages one gesture and tells the clerk what happened: a short success note, or main's Chinese
 * reasons (INVALID_INPUT issues) when it refused; nothing changes locally in that case.
 */
export function useStage(): (label: string, ops: ChangeOp[]) => Promise<StageResult | null> {
  const { changes, org } = useServices();
  const { message, notification } = AntApp.useApp();
  return useCallback(
    async (label, ops) => {
      if (ops.length === 0) {
        void message.info('没有需要修改的内容');
        return null;
      }
      const res = await changes.getState().stage(label, ops);
      if (res.ok) {
        void message.success(`已记录：${label}（在「待推送的修改」中，可撤销）`);
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
    [changes, org, message, notification],
  );
}
