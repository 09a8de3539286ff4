import { CloudUploadOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Alert,
  Badge,
  Button,
  Drawer,
  Empty,
  List,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape, Conflict, DiffLine } from '../../../src-main/contract';
import { useChangesStore, useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { formatDateTime } from '../../lib/format';
import { failedCallsOf } from './changes-store';
import { PushResults } from './PushResults';

export const pushPhaseText: Record<string, string> = {
  pull: '拉取最新数据',
  conflicts: '检查冲突',
  apply: '推送修改',
};

const isEditingText = (el: EventTarget | null): boolean => {
  const node = el as HTMLElement | null;
  if (!node) return false;
  return node.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(node.tagName);
};

/** Header controls: pending count, undo/redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y) and push. */
export function ChangesBar() {
  const { changes } = useServices();
  const { message } = AntApp.useApp();
  const count = useChangesStore((s) => s.changes.length);
  const canUndo = useChangesStore((s) => s.canUndo);
  const canRedo = useChangesStore((s) => s.canRedo);
  const busy = useChangesStore((s) => s.busy);
  const pushing = useChangesStore((s) => s.push !== null || s.pushStarting);
  const [listOpen, setListOpen] = useState(false);
  const [pushOpen, setPushOpen] = useState(false);

  useEffect(() => {
    void changes.getState().refresh();
    void changes.getState().loadPushState();
  }, [changes]);

  const report = (what: string) => (err: AppErrorShape | null) => {
    if (err) void message.error(`${what}失败：${describeError(err).title}`);
  };
  const undo = () => void changes.getState().undo().then(report('撤销'));
  const redo = () => void changes.getState().redo().then(report('重做'));

  // Global shortcuts; inside text fields the browser's own undo wins.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isEditingText(e.target)) return;
      const k = e.key.toLowerCase();
      const s = changes.getState();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        if (s.canUndo && !s.busy) void s.undo().then(report('撤销'));
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        if (s.canRedo && !s.busy) void s.redo().then(report('重做'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // report only builds closures over message
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changes]);

  return (
    <div className="changes-bar" data-testid="changes-bar">
      <Tooltip title="撤销（Ctrl+Z）">
        <Button
          size="small"
          icon={<UndoOutlined />}
          aria-label="撤销"
          disabled={!canUndo || busy}
          onClick={undo}
        />
      </Tooltip>
      <Tooltip title="重做（Ctrl+Shift+Z / Ctrl+Y）">
        <Button
          size="small"
          icon={<RedoOutlined />}
          aria-label="重做"
          disabled={!canRedo || busy}
          onClick={redo}
        />
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

export function ChangeListDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { changes } = useServices();
  const { message } = AntApp.useApp();
  const list = useChangesStore((s) => s.changes);
  const diff = useChangesStore((s) => s.diff);
  const canUndo = useChangesStore((s) => s.canUndo);
  const canRedo = useChangesStore((s) => s.canRedo);
  const busy = useChangesStore((s) => s.busy);
  const loadError = useChangesStore((s) => s.loadError);
  const report = (what: string) => (err: AppErrorShape | null) => {
    if (err) void message.error(`${what}失败：${describeError(err).title}`);
  };
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
            icon={<UndoOutlined />}
            disabled={!canUndo || busy}
            onClick={() => void changes.getState().undo().then(report('撤销'))}
          >
            撤销
          </Button>
          <Button
            icon={<RedoOutlined />}
            disabled={!canRedo || busy}
            onClick={() => void changes.getState().redo().then(report('重做'))}
          >
            重做
          </Button>
          <Popconfirm
            title="放弃全部修改？"
            description={`${list.length} 项未推送的修改将被丢弃，不能撤销。`}
            okText="全部放弃"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => changes.getState().discard().then(report('放弃'))}
          >
            <Button danger disabled={list.length === 0 || busy}>
              全部放弃
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <div data-testid="change-list">
        {loadError ? (
          <Alert type="error" showIcon title={`读取修改列表失败：${describeError(loadError).title}`} />
        ) : null}
        <Tabs
          items={[
            {
              key: 'changes',
              label: `修改记录（${list.length}）`,
              children:
                list.length === 0 ? (
                  <Empty description="没有待推送的修改。在通讯录中修改部门或成员后会出现在这里。" />
                ) : (
                  <List
                    dataSource={ordered}
                    renderItem={(c) => (
                      <List.Item
                        data-testid={`change-${c.id}`}
                        actions={[
                          <Button
                            key="undo"
                            size="small"
                            disabled={busy}
                            onClick={() => void changes.getState().discard(c.id).then(report('撤销'))}
                          >
                            撤销
                          </Button>,
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

const entityText: Record<DiffLine['entity'], string> = { department: '部门', member: '成员', tag: '标签' };
const kindStyle: Record<DiffLine['kind'], { text: string; color: string }> = {
  added: { text: '新增', color: 'green' },
  removed: { text: '删除', color: 'red' },
  moved: { text: '移动', color: 'blue' },
  renamed: { text: '改名', color: 'purple' },
  reordered: { text: '排序', color: 'cyan' },
  changed: { text: '修改', color: 'orange' },
};

/** The diff grouped by entity, then by the department path the line belongs to (a tree diff). */
export function groupDiff(
  diff: readonly DiffLine[],
): Array<{ entity: DiffLine['entity']; groups: Array<{ path: string; lines: DiffLine[] }> }> {
  const out: ReturnType<typeof groupDiff> = [];
  for (const entity of ['department', 'member', 'tag'] as const) {
    const lines = diff.filter((d) => d.entity === entity);
    if (lines.length === 0) continue;
    const byPath = new Map<string, DiffLine[]>();
    for (const l of lines) {
      const p = l.after ?? l.before ?? '';
      const parent = entity === 'department' ? p.split('/').slice(0, -1).join('/') : p;
      const list = byPath.get(parent) ?? [];
      list.push(l);
      byPath.set(parent, list);
    }
    out.push({
      entity,
      groups: [...byPath.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
        .map(([path, ls]) => ({ path, lines: ls })),
    });
  }
  return out;
}

export function DiffView({ diff }: { diff: readonly DiffLine[] }) {
  if (diff.length === 0) return <Empty description="与企业微信相比没有差异" />;
  return (
    <div className="diff-view" data-testid="change-diff">
      {groupDiff(diff).map(({ entity, groups }) => (
        <section key={entity}>
          <Typography.Title level={5}>{entityText[entity]}</Typography.Title>
          {groups.map((g) => (
            <div key={g.path} className="diff-group">
              {g.path ? <div className="diff-path">{g.path}</div> : null}
              {g.lines.map((l) => (
                <div key={`${l.kind}-${l.key}-${l.text}`} className={`diff-line diff-${l.kind}`}>
                  <Tag color={kindStyle[l.kind].color}>{kindStyle[l.kind].text}</Tag>
                  <span>{l.text}</span>
                  {l.kind === 'moved' || l.kind === 'renamed' ? (
                    <span className="diff-move">
                      {l.before ?? '—'} → {l.after ?? '—'}
                    </span>
                  ) : null}
                </div>
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

export function PushModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { changes, org } = useServices();
  const { message } = AntApp.useApp();
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
    const err = await changes.getState().resolveConflict(c.changeId, keep);
    if (err) void message.error(`处理冲突失败：${describeError(err).title}`);
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
          title={`推送失败：${describeError(pushError).title}`}
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

function ConflictCard({
  conflict,
  onResolve,
}: {
  conflict: Conflict;
  onResolve: (keep: 'mine' | 'theirs') => void;
}) {
  const fields = [
    ...new Set([
      ...Object.keys(conflict.base ?? {}),
      ...Object.keys(conflict.mine ?? {}),
      ...Object.keys(conflict.theirs ?? {}),
    ]),
  ];
  const cell = (side: Record<string, string> | null, f: string) =>
    side === null ? '（不存在）' : (side[f] ?? '');
  const rows = fields.map((f) => ({
    field: f,
    base: cell(conflict.base, f),
    mine: cell(conflict.mine, f),
    theirs: cell(conflict.theirs, f),
  }));
  return (
    <div className="conflict-card" data-testid={`conflict-${conflict.changeId}`}>
      <Typography.Text strong>
        {entityText[conflict.entity]}：{conflict.title}
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={rows}
        rowClassName={(r) => (r.mine !== r.theirs ? 'conflict-diff-row' : '')}
        columns={[
          { key: 'field', dataIndex: 'field', title: '字段', width: 110 },
          { key: 'base', dataIndex: 'base', title: '修改前' },
          { key: 'mine', dataIndex: 'mine', title: '我的修改' },
          { key: 'theirs', dataIndex: 'theirs', title: '企业微信现在' },
        ]}
      />
      <Space className="conflict-actions">
        <Button type="primary" onClick={() => onResolve('mine')}>
          保留我的修改
        </Button>
        <Button onClick={() => onResolve('theirs')}>采用企业微信的版本</Button>
      </Space>
    </div>
  );
}
