import { Alert, Button, Modal, Space, Tooltip } from 'antd';
import type { Conflict } from '../../../src-main/contract';
import { useChangesStore, useServices } from '../../app/services-context';
import { useReportError } from '../../components/use-report-error';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { ConflictCard } from './ConflictCard';
import './push.css';
import { PushConfirm } from './PushConfirm';
import { outcomeHeadline, runOps, type PushOutcome } from './push-outcome';
import { PushPhases } from './PushPhases';
import { PushResults } from './PushResults';

const outcomeTestId: Record<PushOutcome['kind'], string> = {
  success: 'push-success',
  partial: 'push-partial',
  refused: 'push-partial',
  failed: 'push-error',
  paused: 'push-paused',
};

/** The line under the headline: what the clerk can do next. */
function outcomeDetail(o: PushOutcome): string {
  if (o.kind === 'success') return '所有修改都已生效，本机数据已刷新。';
  if (o.kind === 'partial' || o.kind === 'refused') {
    const pending =
      o.pending > 0
        ? `${o.pending} 项因网络中断尚未确认，再次推送时会先读取企业微信核对，不会重复写入。`
        : '';
    const failed =
      o.failed > 0
        ? '被拒绝的操作见下方，每项都写明了原因和办法；改正后点「重试失败的操作」，它们不会妨碍以后的推送。'
        : '';
    return `${o.done > 0 ? '其余修改都已写入企业微信。' : ''}${failed}${pending}`;
  }
  if (!o.error) return '';
  if (o.error.code === 'NETWORK')
    return '网络不通，没有写入任何修改。所有修改都保留在本机，网络恢复后点「再次推送」即可。';
  const text = describeError(o.error);
  return `${text.title}。${text.detail}`;
}

/** 推送到企业微信: the confirmation summary, the steps while running, the outcome and each call's result. */
export function PushModal() {
  const { changes, org } = useServices();
  const report = useReportError();
  const open = useChangesStore((s) => s.pushDialogOpen);
  const push = useChangesStore((s) => s.push);
  const starting = useChangesStore((s) => s.pushStarting);
  const bars = useChangesStore((s) => s.pushPhases);
  const outcome = useChangesStore((s) => s.pushOutcome);
  const confirm = useChangesStore((s) => s.pushConfirm);
  const conflicts = useChangesStore((s) => s.conflicts);
  const outbox = useChangesStore((s) => s.outbox);
  const lastRun = useChangesStore((s) => s.lastRunBatchIds);
  const pending = useChangesStore((s) => s.changes.length);
  const running = push !== null || starting;
  const confirming = confirm !== null && !running;
  const rows = runOps(outbox, lastRun);
  const failed = rows.filter((o) => o.status === 'failed').length;

  const close = () => changes.getState().setPushDialogOpen(false);
  const resolve = async (c: Conflict, keep: 'mine' | 'theirs') => {
    report('处理冲突', await changes.getState().resolveConflict(c.changeId, keep));
  };

  const footer = confirming ? (
    <Space>
      <Button autoFocus onClick={close}>
        取消
      </Button>
      <Button
        type="primary"
        // Nothing to write and nothing left from an earlier push: there is nothing to start.
        disabled={confirm.loading || (confirm.preview?.calls === 0 && confirm.preview.carried === 0)}
        onClick={() => void changes.getState().confirmPush()}
      >
        开始推送
      </Button>
    </Space>
  ) : (
    <Space>
      {failed > 0 && !running ? (
        <Tooltip title="把被拒绝的操作再发送一次，同时推送之后新增的修改。请先按原因改正。">
          <Button type="primary" onClick={() => void changes.getState().retryFailed()}>
            重试失败的操作（{failed}）
          </Button>
        </Tooltip>
      ) : null}
      {!running && failed === 0 && conflicts.length === 0 && pending > 0 ? (
        <Button type="primary" onClick={() => void changes.getState().requestPush()}>
          再次推送
        </Button>
      ) : null}
      <Button onClick={close}>{running ? '在后台继续' : '关闭'}</Button>
    </Space>
  );

  return (
    <Modal
      open={open}
      title="推送到企业微信"
      width={800}
      onCancel={close}
      mask={{ closable: !running }}
      footer={footer}
      // The footer stays in view: the body scrolls, never the page.
      styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto' } }}
      destroyOnHidden={false}
    >
      {confirming ? <PushConfirm preview={confirm.preview} /> : null}
      {running ? <PushPhases bars={bars} current={push?.phase ?? null} /> : null}
      {!running && !confirming && outcome ? (
        <Alert
          className="push-headline"
          type={
            outcome.kind === 'success'
              ? 'success'
              : outcome.kind === 'partial' || outcome.kind === 'paused'
                ? 'warning'
                : 'error'
          }
          showIcon
          data-testid={outcomeTestId[outcome.kind]}
          title={outcomeHeadline(outcome)}
          description={outcome.kind === 'paused' ? undefined : outcomeDetail(outcome)}
          action={
            outcome.error?.code === 'NOT_SYNCED' ? (
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  close();
                  void org.getState().startSync();
                }}
              >
                立即同步
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {!confirming && conflicts.length > 0 ? (
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
      ) : !confirming && outcome?.kind === 'paused' && !running ? (
        <Alert type="success" showIcon title="冲突都已处理" description="可以点「再次推送」。" />
      ) : null}
      {!confirming && rows.length > 0 ? <PushResults ops={rows} /> : null}
    </Modal>
  );
}
