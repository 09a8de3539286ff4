import { CloudUploadOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useChangesStore, useServices } from '../../app/services-context';
import { ChangeListDrawer } from './ChangeListDrawer';
import { PushModal } from './PushModal';
import { useUndoRedo } from './use-undo-redo';

/** Header controls: pending count, undo/redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y) and push. */
export function ChangesBar() {
  const { changes } = useServices();
  const { canUndo, canRedo, undo, redo } = useUndoRedo({ shortcuts: true });
  const count = useChangesStore((s) => s.changes.length);
  const pushing = useChangesStore((s) => s.push !== null || s.pushStarting);
  const [listOpen, setListOpen] = useState(false);
  const [pushOpen, setPushOpen] = useState(false);

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
      <Button
        size="small"
        type="primary"
        icon={<CloudUploadOutlined />}
        disabled={count === 0 && !pushing}
        onClick={() => {
          setPushOpen(true);
          if (!pushing) void changes.getState().startPush();
        }}
      >
        推送到企业微信
      </Button>
      <ChangeListDrawer open={listOpen} onClose={() => setListOpen(false)} />
      <PushModal open={pushOpen} onClose={() => setPushOpen(false)} />
    </div>
  );
}
