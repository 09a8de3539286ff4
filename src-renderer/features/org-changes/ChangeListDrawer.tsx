import { CloudUploadOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, List, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useChangesStore, useServices } from '../../app/services-context';
import { failureTitle, useReportError } from '../../components/use-report-error';
import { formatDateTime } from '../../lib/format';
import { DiffView } from './DiffView';
import { useUndoRedo } from './use-undo-redo';

/**
 * 待推送的修改: the staged changes (「待推送清单」, not to be confused with the 操作记录 page of what
 * already reached WeCom), newest first, each can be dropped on its own, and the diff. Its push button
 * starts the same push as the header's.
 */
export function ChangeListDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { changes } = useServices();
  const report = useReportError();
  const { canUndo, canRedo, undo, redo } = useUndoRedo();
  const list = useChangesStore((s) => s.changes);
  const diff = useChangesStore((s) => s.diff);
  const busy = useChangesStore((s) => s.busy);
  const loadError = useChangesStore((s) => s.loadError);
  const pushing = useChangesStore((s) => s.push !== null || s.pushStarting);
  // Newest first: the last gesture is what a clerk looks for.
  const ordered = useMemo(() => [...list].reverse(), [list]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={`待推送的修改（${list.length}）`}
      size={560}
      extra={
        <Space>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={list.length === 0 && !pushing}
            // the same flow as the header's button: the confirmation summary first, then the push
            onClick={() => void changes.getState().requestPush()}
          >
            推送到企业微信
          </Button>
          <Button icon={<UndoOutlined />} disabled={!canUndo} onClick={undo}>
            撤销
          </Button>
          <Button icon={<RedoOutlined />} disabled={!canRedo} onClick={redo}>
            重做
          </Button>
          <Popconfirm
            title="放弃全部修改？"
            description={`${list.length} 项未推送的修改将被丢弃，不能撤销。`}
            okText="全部放弃"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            cancelButtonProps={{ autoFocus: true }}
            onConfirm={() =>
              changes
                .getState()
                .discard()
                .then((err) => report('放弃', err))
            }
          >
            <Button danger disabled={list.length === 0 || busy}>
              全部放弃
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <div data-testid="change-list">
        {loadError ? <Alert type="error" showIcon title={failureTitle('读取修改列表', loadError)} /> : null}
        <Tabs
          items={[
            {
              key: 'changes',
              label: `待推送清单（${list.length}）`,
              children:
                list.length === 0 ? (
                  <Empty description="没有待推送的修改。在通讯录中修改部门或成员后会出现在这里。" />
                ) : (
                  <List
                    dataSource={ordered}
                    renderItem={(c) => (
                      <List.Item
                        data-testid={`change-${c.id}`}
                        data-change-id={c.id}
                        actions={[
                          <Popconfirm
                            key="discard"
                            title="放弃这一项修改？"
                            description="放弃后它不会推送到企业微信，也不能用「重做」恢复。"
                            okText="放弃此项"
                            okButtonProps={{ danger: true }}
                            cancelText="取消"
                            cancelButtonProps={{ autoFocus: true }}
                            onConfirm={() =>
                              changes
                                .getState()
                                .discard(c.id)
                                .then((err) => report('放弃此项', err))
                            }
                          >
                            <Button size="small" disabled={busy}>
                              放弃此项
                            </Button>
                          </Popconfirm>,
                        ]}
                      >
                        <List.Item.Meta
                          title={c.label}
                          description={
                            <>
                              <Typography.Text type="secondary">
                                {formatDateTime(c.createdAt) ?? ''}
                              </Typography.Text>
                              {c.summaries.length > 0 ? (
                                <ul className="change-summaries">
                                  {c.summaries.slice(0, 20).map((line, i) => (
                                    <li key={i}>{line}</li>
                                  ))}
                                  {c.summaries.length > 20 ? <li>… 共 {c.summaries.length} 项</li> : null}
                                </ul>
                              ) : null}
                            </>
                          }
                        />
                      </List.Item>
                    )}
                  />
                ),
            },
            { key: 'diff', label: '差异', children: <DiffView diff={diff} /> },
          ]}
        />
      </div>
    </Drawer>
  );
}
