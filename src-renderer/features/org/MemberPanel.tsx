import { PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Alert,
  Button,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent as ReactDragEvent,
  type MouseEvent,
} from 'react';
import type { MemberStatus, PendingState } from '../../../src-main/contract';
import { useOrgStore, useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { t } from '../../i18n/zh-CN';
import { useElementSize } from '../../lib/use-element-size';
import { DeptPickerModal } from './DeptPicker';
import { MEMBER_DRAG_MIME, resolveMembers, useMemberDrop } from './member-drag';
import { StatusTag } from './StatusTag';
import { useStage } from './use-stage';

/** What both tables show: a department's members or search hits from the index. */
interface Row {
  userid: string;
  name: string;
  position: string;
  status: MemberStatus;
  departmentIds?: number[];
  pending?: PendingState | null | undefined;
}

const TABLE_HEADER_HEIGHT = 40;

export function PendingMark({ pending }: { pending: PendingState | null | undefined }) {
  if (pending === 'created')
    return (
      <Tag color="green" className="pending-tag">
        新
      </Tag>
    );
  if (pending === 'updated')
    return <span className="pending-dot" title="有未推送的修改" aria-label="已修改" />;
  if (pending === 'deleted') return <span className="pending-deleted">待删除</span>;
  return null;
}

/** Builds the drag image: a small label like 「移动 3 人」 that follows the mouse. */
function dragImage(text: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'member-drag-image';
  el.textContent = text;
  document.body.appendChild(el);
  // The browser snapshots it during dragstart; it can go right after.
  setTimeout(() => el.remove(), 0);
  return el;
}

export function MemberPanel({ onEdit }: { onEdit: (userid: string | null) => void }) {
  const { api, org } = useServices();
  const { message } = AntApp.useApp();
  const stage = useStage();
  const dropMembers = useMemberDrop();
  const query = useOrgStore((s) => s.query);
  // The box shows every keystroke at once; the table follows in an interruptible render, so typing
  // never waits for it and a stale result is dropped when the next key arrives.
  const search = useDeferredValue(useOrgStore((s) => s.search));
  // The index streams in after the tree; a query typed before it is complete is searched then.
  const indexPending = useOrgStore((s) => s.index === null && s.query.trim() !== '');
  const tree = useOrgStore((s) => s.tree);
  const selectedId = useOrgStore((s) => s.selectedDeptId);
  const members = useOrgStore((s) => s.members);
  const membersStatus = useOrgStore((s) => s.membersStatus);
  const membersError = useOrgStore((s) => s.membersError);
  const tableBox = useRef<HTMLDivElement | null>(null);
  const { height } = useElementSize(tableBox);
  const [selected, setSelected] = useState<string[]>([]);
  const anchor = useRef<string | null>(null);
  const [picker, setPicker] = useState<'move' | 'add' | null>(null);

  const searching = search !== null;
  const rows: Row[] = searching ? search.hits : members;

  // A new department or search starts with an empty selection.
  useEffect(() => {
    setSelected([]);
    anchor.current = null;
  }, [selectedId, searching]);
  // Drop selections of rows that are gone (after a move they leave this department).
  useEffect(() => {
    setSelected((cur) => {
      const present = new Set(rows.map((r) => r.userid));
      const next = cur.filter((u) => present.has(u));
      return next.length === cur.length ? cur : next;
    });
  }, [rows]);

  const columns = useMemo<TableColumnsType<Row>>(() => {
    const nameColumn: TableColumnsType<Row>[number] = {
      key: 'name',
      dataIndex: 'name',
      title: t.org.columns.name,
      width: 150,
      ellipsis: true,
      render: (name: string, row: Row) => {
        const first = row.departmentIds?.[0];
        const text =
          searching && first !== undefined ? (
            <Button
              type="link"
              size="small"
              className="member-reveal"
              title={t.org.revealHint}
              onClick={(e) => {
                e.stopPropagation();
                void org.getState().revealDepartment(first);
              }}
            >
              {name}
            </Button>
          ) : (
            <span className={row.pending === 'deleted' ? 'is-deleted-text' : undefined}>{name}</span>
          );
        return (
          <>
            {text} <PendingMark pending={row.pending} />
          </>
        );
      },
    };
    const cols: TableColumnsType<Row> = [
      nameColumn,
      { key: 'userid', dataIndex: 'userid', title: t.org.columns.userid, width: 160, ellipsis: true },
      { key: 'position', dataIndex: 'position', title: t.org.columns.position, ellipsis: true },
    ];
    if (searching)
      cols.push({
        key: 'departments',
        title: t.org.columns.departments,
        ellipsis: true,
        render: (_: unknown, row: Row) =>
          (row.departmentIds ?? []).map((id) => tree?.byId.get(id)?.name ?? t.org.unknownDept(id)).join('、'),
      });
    cols.push(
      {
        key: 'status',
        dataIndex: 'status',
        title: t.org.columns.status,
        width: 90,
        render: (status: MemberStatus) => <StatusTag status={status} />,
      },
      {
        key: 'actions',
        title: '操作',
        width: 70,
        render: (_: unknown, row: Row) => (
          <Button
            type="link"
            size="small"
            aria-label={`编辑 ${row.name}`}
            disabled={row.pending === 'deleted'}
            onClick={(e) => {
              e.stopPropagation();
              onEdit(row.userid);
            }}
          >
            编辑
          </Button>
        ),
      },
    );
    return cols;
  }, [searching, tree, org, onEdit]);

  const selectedName = selectedId !== null ? tree?.byId.get(selectedId)?.name : undefined;
  const heading = indexPending
    ? '正在载入成员索引，载入后即显示搜索结果…'
    : searching
      ? t.org.searchHeader(search.total, search.hits.length)
      : selectedName !== undefined
        ? t.org.deptHeader(selectedName, members.length)
        : t.org.pickDepartment;
  const emptyText = searching
    ? t.org.noResults
    : selectedId === null
      ? t.org.pickDepartment
      : t.org.noMembers;

  /** Click with Ctrl toggles, Shift extends from the last clicked row (like a file manager). */
  const onRowClick = (e: MouseEvent, userid: string) => {
    if ((e.target as HTMLElement).closest('button, a, input, label')) return;
    if (e.shiftKey && anchor.current) {
      const ids = rows.map((r) => r.userid);
      const a = ids.indexOf(anchor.current);
      const b = ids.indexOf(userid);
      if (a >= 0 && b >= 0) {
        const range = ids.slice(Math.min(a, b), Math.max(a, b) + 1);
        setSelected((cur) => (e.ctrlKey || e.metaKey ? [...new Set([...cur, ...range])] : range));
        return;
      }
    }
    anchor.current = userid;
    if (e.ctrlKey || e.metaKey) {
      setSelected((cur) => (cur.includes(userid) ? cur.filter((u) => u !== userid) : [...cur, userid]));
    } else {
      setSelected((cur) => (cur.length === 1 && cur[0] === userid ? [] : [userid]));
    }
  };

  const onDragStart = (e: ReactDragEvent, userid: string) => {
    const ids = selected.includes(userid) ? selected : [userid];
    if (!selected.includes(userid)) setSelected([userid]);
    e.dataTransfer.setData(MEMBER_DRAG_MIME, JSON.stringify(ids));
    e.dataTransfer.setData('text/plain', ids.join(','));
    e.dataTransfer.effectAllowed = 'copyMove';
    e.dataTransfer.setDragImage(dragImage(`移动 ${ids.length} 人`), -12, -8);
    const sourceDeptId = searching ? null : selectedId;
    const drag = { userids: ids, sourceDeptId, add: e.ctrlKey || e.altKey };
    org.getState().setMemberDrag(drag);
    // Ctrl/Alt can be pressed or released mid-drag; only drag events carry the modifiers then.
    const onOver = (ev: DragEvent) => {
      const add = ev.ctrlKey || ev.altKey;
      const cur = org.getState().memberDrag;
      if (cur && cur.add !== add) org.getState().setMemberDrag({ ...cur, add });
    };
    const onEnd = () => {
      window.removeEventListener('dragover', onOver, true);
      window.removeEventListener('dragend', onEnd, true);
      // Let the tree's drop handler read the drag first.
      setTimeout(() => org.getState().setMemberDrag(null), 0);
    };
    window.addEventListener('dragover', onOver, true);
    window.addEventListener('dragend', onEnd, true);
  };

  const selectedRows = rows.filter((r) => selected.includes(r.userid));
  const names = selectedRows.map((r) => r.name);
  const namesText =
    names.length > 10 ? `${names.slice(0, 10).join('、')} 等 ${names.length} 人` : names.join('、');

  const setEnabled = async (enable: boolean) => {
    const { members: full } = await resolveMembers(api, members, selected);
    const targets = full.filter((m) => (m.status === 2) === enable && m.pending !== 'deleted');
    if (targets.length === 0) {
      void message.info(enable ? '所选成员都已启用' : '所选成员都已停用');
      return;
    }
    await stage(
      `${enable ? '启用' : '停用'} ${targets.length} 人`,
      targets.map((m) => ({ type: 'member.update' as const, userid: m.userid, fields: { enable } })),
    );
  };

  const removeSelected = async () => {
    const targets = selectedRows.filter((r) => r.pending !== 'deleted');
    if (targets.length === 0) return;
    const res = await stage(
      `删除成员 ${targets.length > 3 ? `${targets.length} 人` : targets.map((r) => r.name).join('、')}`,
      targets.map((r) => ({ type: 'member.delete' as const, userid: r.userid })),
    );
    if (res?.ok) setSelected([]);
  };

  return (
    <section className="member-panel" aria-label={t.org.membersLabel} data-testid="member-list">
      <div className="member-topbar">
        <Input.Search
          allowClear
          value={query}
          placeholder={t.org.searchPlaceholder}
          aria-label={t.org.searchLabel}
          data-testid="member-search"
          onChange={(e) => org.getState().setQuery(e.target.value)}
          onSearch={(value) => org.getState().setQuery(value)}
        />
        <Button icon={<PlusOutlined />} onClick={() => onEdit(null)}>
          新建成员
        </Button>
      </div>
      <Typography.Text strong className="member-heading" data-testid="member-heading">
        {heading}
      </Typography.Text>
      {selected.length > 0 ? (
        <div className="member-selection-bar" data-testid="member-selection">
          <Typography.Text>已选 {selected.length} 人</Typography.Text>
          <Space wrap size={4}>
            <Button size="small" onClick={() => setPicker('move')}>
              移动到部门…
            </Button>
            <Button size="small" onClick={() => setPicker('add')}>
              加入部门…
            </Button>
            <Button size="small" onClick={() => void setEnabled(false)}>
              停用
            </Button>
            <Button size="small" onClick={() => void setEnabled(true)}>
              启用
            </Button>
            <Popconfirm
              title={`删除 ${selected.length} 名成员？`}
              description={<div className="confirm-names">{namesText}（推送前可撤销）</div>}
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => removeSelected()}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
            <Button size="small" type="text" onClick={() => setSelected([])}>
              取消选择
            </Button>
          </Space>
        </div>
      ) : (
        <Typography.Text type="secondary" className="member-hint">
          提示：按住 Ctrl 或 Shift 点击可多选；把成员拖到左侧部门上即可移动，拖动时按住 Ctrl 改为加入该部门。
        </Typography.Text>
      )}
      {!searching && membersStatus === 'error' && membersError ? (
        <Alert
          type="error"
          showIcon
          title={`${t.org.membersLoadFailed}：${describeError(membersError).title}`}
          description={describeError(membersError).detail}
        />
      ) : null}
      <div className="member-table" ref={tableBox}>
        <Table<Row>
          virtual
          size="small"
          rowKey="userid"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={!searching && membersStatus === 'loading'}
          scroll={{ y: Math.max(120, height - TABLE_HEADER_HEIGHT) }}
          locale={{ emptyText }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            columnWidth: 36,
            getCheckboxProps: (r) => ({ 'aria-label': `选择 ${r.name}` }) as never,
          }}
          rowClassName={(r) =>
            [
              selected.includes(r.userid) ? 'is-row-selected' : '',
              r.pending === 'deleted' ? 'is-deleted-row' : '',
            ]
              .join(' ')
              .trim()
          }
          // The virtual body renders plain divs; give rows their role and a stable hook for tests.
          onRow={(r) =>
            ({
              role: 'row',
              'data-testid': 'member-row',
              'data-userid': r.userid,
              'data-pending': r.pending ?? undefined,
              draggable: r.pending !== 'deleted',
              onDragStart: (e: ReactDragEvent) => onDragStart(e, r.userid),
              onClick: (e: MouseEvent) => onRowClick(e, r.userid),
              onDoubleClick: () => onEdit(r.userid),
            }) as never
          }
        />
      </div>
      <DeptPickerModal
        open={picker !== null}
        title={picker === 'add' ? '加入部门…' : '移动到…'}
        description={
          picker === 'add'
            ? `把所选 ${selected.length} 人同时加入另一个部门（原部门保留）：`
            : `把所选 ${selected.length} 人移动到：`
        }
        tree={tree}
        okText={picker === 'add' ? '加入' : '移动'}
        onCancel={() => setPicker(null)}
        onOk={(target) => {
          const add = picker === 'add';
          setPicker(null);
          void dropMembers(selected, searching ? null : selectedId, target, add);
        }}
      />
    </section>
  );
}
