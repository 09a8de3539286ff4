import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import type { Conflict } from '../../../src-main/contract';
import { useChangesStore, useServices } from '../../app/services-context';
import { failureTitle, useReportError } from '../../components/use-report-error';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { failedCallsOf } from './changes-store';
import { ConflictCard } from './ConflictCard';
import { pushPhaseText } from './push-text';
import { PushResults } from './PushResults';

/** 推送到企业微信: progress, the outcome (done, partly refused, failed), conflicts and each call's result. */
export function PushModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { changes, org } = useServices();
  const report = useReportError();
  const push = useChangesStore((s) => s.push);
  const starting = useChangesStore((s) => s.pushStarting);
  const pushError = useChangesStore((s) => s.pushError);
  const doneAt = useChangesStore((s) => s.pushDoneAt);
  const conflicts = useChangesStore((s) => s.conflicts);
  const outbox = useChangesStore((s) => s.outbox);
  const pending = useChangesStore((s) => s.changes.length);
  const running = push !== null || starting;
  const failed = outbox.filter((o) => o.status === 'failed');
  const done = outbox.filter((o) => o.status === 'done');
  const percent = push && push.total > 0 ? Math.min(100, Math.round((push.done / push.total) * 100)) : 0;
  const conflictError = pushError?.code === 'CONFLICTS';
  // Not a failed push: the rest went out, and the refused calls are listed below.
  const partialFailed = failedCallsOf(pushError);

  const resolve = async (c: Conflict, keep: 'mine' | 'theirs') => {
    report('处理冲突', await changes.getState().resolveConflict(c.changeId, keep));
  };

  return (
    <Modal
      open={open}
      title="推送到企业微信"
      width={760}
      onCancel={onClose}
      maskClosable={!running}
      footer={
        <Space>
          {failed.length > 0 && !running ? (
            <Button onClick={() => void changes.getState().retryFailed()}>重试失败的操作</Button>
          ) : null}
          {!running && (pushError || conflicts.length === 0) && pending > 0 ? (
            <Button
              type="primary"
              disabled={conflicts.length > 0}
              onClick={() => void changes.getState().startPush()}
            >
              再次推送
            </Button>
          ) : null}
          <Button onClick={onClose}>{running ? '在后台继续' : '关闭'}</Button>
        </Space>
      }
    >
      {running ? (
        <div className="push-progress" data-testid="push-progress">
          <Typography.Text>
            {pushPhaseText[push?.phase ?? 'pull'] ?? push?.phase ?? '准备中'}
            {push && push.total > 0 ? ` ${push.done}/${push.total}` : ''}
          </Typography.Text>
          <Progress
            percent={percent}
            status="active"
            aria-label={pushPhaseText[push?.phase ?? 'pull'] ?? '推送'}
            aria-valuetext={push ? `${push.done}/${push.total}` : undefined}
          />
        </div>
      ) : null}
      {!running && doneAt !== null && !pushError ? (
        <Alert
          type="success"
          showIcon
          data-testid="push-success"
          title="推送完成"
          description={`${done.length} 项操作已写入企业微信${failed.length > 0 ? `，${failed.length} 项失败（见下方）` : ''}。`}
        />
      ) : null}
      {partialFailed !== null && !running ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => changes.getState().dismissPushError() }}
          data-testid="push-partial"
          title={`推送完成，但有 ${partialFailed} 项操作未被企业微信接受`}
          description="其余修改都已写入企业微信。未成功的操作见下方，可逐项「重试」「跳过」或「以企业微信为准」，它们不会妨碍以后的推送。"
        />
      ) : null}
      {pushError && !conflictError && partialFailed === null ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => changes.getState().dismissPushError() }}
          data-testid="push-error"
          title={failureTitle('推送', pushError)}
          description={
            pushError.code === 'NETWORK'
              ? '网络不通。所有修改都已保留在本机，网络恢复后点「再次推送」即可。'
              : describeError(pushError).detail
          }
          action={
            pushError.code === 'NOT_SYNCED' ? (
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  changes.getState().dismissPushError();
                  void org.getState().startSync();
                  onClose();
                }}
              >
                立即同步
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {conflicts.length > 0 ? (
        <div className="conflicts">
          <Alert
            type="warning"
            showIcon
            title={`企业微信中有 ${conflicts.length} 处被别人同时修改`}
            description="推送已暂停，尚未写入任何修改。请逐项选择保留哪一方，全部处理后再次推送。"
          />
          {conflicts.map((c) => (
            <ConflictCard key={c.changeId} conflict={c} onResolve={(keep) => void resolve(c, keep)} />
          ))}
        </div>
      ) : conflictError && !running ? (
        <Alert type="success" showIcon title="冲突都已处理" description="可以点「再次推送」。" />
      ) : null}
      {outbox.length > 0 ? <PushResults ops={outbox} /> : null}
    </Modal>
  );
}
