import { CloudUploadOutlined, LoadingOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useChangesStore, useServices } from '../../app/services-context';
import { ToastHost } from '../../components/ToastHost';
import { ChangeListDrawer } from './ChangeListDrawer';
import { PushModal } from './PushModal';
import { usePushNotice } from './use-push-notice';
import { pushPhaseText, pushSteps } from './push-text';
import { useUndoRedo } from './use-undo-redo';

/** 「推送中：3 写入 12/40」 for the header while a push runs. */
function runningText(phase: string | undefined, done: number, total: number): string {
  const step =
    pushSteps.find((s) => s.phase === phase)?.label ?? pushPhaseText[phase ?? 'starting'] ?? '准备中';
  return `推送中：${step}${total > 0 ? ` ${done}/${total}` : ''}`;
}

/** Header controls: pending count, undo/redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y) and push. */
export function ChangesBar() {
  const { changes } = useServices();
  const { canUndo, canRedo, undo, redo } = useUndoRedo({ shortcuts: true });
  const count = useChangesStore((s) => s.changes.length);
  const push = useChangesStore((s) => s.push);
  const pushing = useChangesStore((s) => s.push !== null || s.pushStarting);
  const [listOpen, setListOpen] = useState(false);
  usePushNotice();

  useEffect(() => {
    void changes.getState().refresh();
    void changes.getState().loadPushState();
  }, [changes]);

  return (
    <div className="changes-bar" data-testid="changes-bar">
      <Tooltip title="撤销（Ctrl+Z）">
        <Button size="small" icon={<UndoOutlined />} aria-label="撤销" disabled={!canUndo} onClick={undo} />
      </Tooltip>
      <Tooltip title="重做（Ctrl+Shift+Z / Ctrl+Y）">
        <Button size="small" icon={<RedoOutlined />} aria-label="重做" disabled={!canRedo} onClick={redo} />
      </Tooltip>
      <Badge count={count} size="small" overflowCount={999}>
        <Button size="small" onClick={() => setListOpen(true)} data-testid="open-change-list">
          待推送的修改（{count}）
        </Button>
      </Badge>
      {pushing ? (
        // While a push runs (also in the background) the button shows where it is and reopens the dialog.
        <Button
          size="small"
          icon={<LoadingOutlined />}
          data-testid="push-indicator"
          onClick={() => changes.getState().setPushDialogOpen(true)}
        >
          {runningText(push?.phase, push?.done ?? 0, push?.total ?? 0)}
        </Button>
      ) : (
        <Button
          size="small"
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={count === 0}
          onClick={() => void changes.getState().requestPush()}
        >
          推送到企业微信
        </Button>
      )}
      <ChangeListDrawer open={listOpen} onClose={() => setListOpen(false)} />
      <PushModal />
      <ToastHost />
    </div>
  );
}
