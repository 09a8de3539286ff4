import { Checkbox, Spin, Tag } from 'antd';
import {
  forwardRef,
  memo,
  useEffect,
  useImperativeHandle,
  useRef,
  type DragEvent as ReactDragEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent,
} from 'react';
import type { PendingState } from '../../../src-main/contract';
import { t } from '../../i18n/zh-CN';
import type { DeptTree } from './dept-tree-model';
import { rowDepartmentIds, rowDepartmentNames, type MemberRow } from './member-rows';
import { StatusTag } from './StatusTag';
import { useFixedWindow } from './use-fixed-window';

export const MEMBER_ROW_HEIGHT = 36;
/** The sticky header above the rows, inside the same scroll box (org.css .member-header). */
const HEADER_HEIGHT = 36;

/**
 * The columns with their minimum widths: the grid never squeezes one below it (the table scrolls
 * sideways instead), and 职务 / 部门 end in an ellipsis with the full text as a tooltip.
 */
export const MEMBER_COLUMNS = [
  { key: 'select', title: '', min: 32, track: '32px' },
  { key: 'name', title: t.org.columns.name, min: 72, track: 'minmax(72px, 1fr)' },
  { key: 'userid', title: t.org.columns.userid, min: 96, track: 'minmax(96px, 1fr)' },
  { key: 'mobile', title: '手机', min: 104, track: 'minmax(104px, 0.9fr)' },
  { key: 'position', title: t.org.columns.position, min: 64, track: 'minmax(64px, 1fr)' },
  { key: 'departments', title: t.org.columns.departments, min: 84, track: 'minmax(84px, 1.4fr)' },
  { key: 'status', title: t.org.columns.status, min: 68, track: '72px' },
  { key: 'actions', title: '操作', min: 48, track: '52px' },
] as const;

const GRID = MEMBER_COLUMNS.map((c) => c.track).join(' ');
const MIN_WIDTH = MEMBER_COLUMNS.reduce((sum, c) => sum + c.min, 0);

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

/** Stable callbacks from the panel, keyed by userid, so rows stay memoised. */
export interface MemberRowHandlers {
  click(e: MouseEvent, userid: string): void;
  toggle(userid: string): void;
  open(userid: string): void;
  edit(userid: string): void;
  reveal(userid: string): void;
  contextMenu(userid: string): void;
  dragStart(e: ReactDragEvent, userid: string): void;
}

interface RowProps {
  row: MemberRow;
  index: number;
  top: number;
  selected: boolean;
  active: boolean;
  /** Search hits: the name jumps to the person's department. */
  revealable: boolean;
  mobile: string | undefined;
  tree: DeptTree | null;
  h: MemberRowHandlers;
}

/** One row: plain elements, a few nodes, memoised on plain values. */
const MemberTableRow = memo(function MemberTableRow({
  row,
  index,
  top,
  selected,
  active,
  revealable,
  mobile,
  tree,
  h,
}: RowProps) {
  const deleted = row.pending === 'deleted';
  const depts = rowDepartmentNames(tree, row);
  const classes = ['member-row'];
  if (selected) classes.push('is-row-selected');
  if (active) classes.push('is-row-active');
  if (deleted) classes.push('is-deleted-row');
  return (
    <div
      role="row"
      id={`member-row-${row.userid}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="member-row"
      data-userid={row.userid}
      data-pending={row.pending ?? undefined}
      className={classes.join(' ')}
      draggable={!deleted}
      style={{ transform: `translateY(${top}px)`, gridTemplateColumns: GRID }}
      onClick={(e) => h.click(e, row.userid)}
      onDoubleClick={() => h.open(row.userid)}
      onContextMenu={() => h.contextMenu(row.userid)}
      onDragStart={(e) => h.dragStart(e, row.userid)}
    >
      <div role="gridcell" className="member-cell ant-table-cell">
        <Checkbox
          checked={selected}
          tabIndex={-1}
          aria-label={`选择 ${row.name}`}
          onChange={() => h.toggle(row.userid)}
          onClick={(e) => e.stopPropagation()}
        />
      </div>
      <div role="gridcell" className="member-cell ant-table-cell member-name" title={row.name}>
        {revealable && rowDepartmentIds(row).length > 0 ? (
          <button
            type="button"
            className="member-reveal"
            tabIndex={-1}
            title={t.org.revealHint}
            onClick={(e) => {
              e.stopPropagation();
              h.reveal(row.userid);
            }}
          >
            {row.name}
          </button>
        ) : (
          <span className={deleted ? 'is-deleted-text' : undefined}>{row.name}</span>
        )}{' '}
        <PendingMark pending={row.pending} />
      </div>
      <div role="gridcell" className="member-cell ant-table-cell" title={row.userid}>
        {row.userid}
      </div>
      <div role="gridcell" className="member-cell ant-table-cell" title={mobile}>
        {mobile ?? ''}
      </div>
      <div role="gridcell" className="member-cell ant-table-cell" title={row.position}>
        {row.position}
      </div>
      <div role="gridcell" className="member-cell ant-table-cell" title={depts}>
        {depts}
      </div>
      <div role="gridcell" className="member-cell ant-table-cell">
        <StatusTag status={row.status} />
      </div>
      <div role="gridcell" className="member-cell ant-table-cell">
        <button
          type="button"
          className="member-edit-link"
          tabIndex={-1}
          aria-label={`编辑 ${row.name}`}
          disabled={deleted}
          onClick={(e) => {
            e.stopPropagation();
            h.edit(row.userid);
          }}
        >
          编辑
        </button>
      </div>
    </div>
  );
});

export interface MemberTableProps {
  rows: readonly MemberRow[];
  selected: ReadonlySet<string>;
  active: string | null;
  revealable: boolean;
  loading: boolean;
  emptyText: string;
  tree: DeptTree | null;
  mobiles: ReadonlyMap<string, string>;
  handlers: MemberRowHandlers;
  onKeyDown(e: ReactKeyboardEvent<HTMLDivElement>): void;
  /** The visible window changed: the panel reads missing fields for these rows. */
  onVisible(rows: readonly MemberRow[]): void;
}

export interface MemberTableHandle {
  scrollToIndex(index: number): void;
  focus(): void;
}

/**
 * The member table: a header and a windowed body in one scroll box, so 50,000 rows cost the same
 * as 50 — no per-row work outside the visible window, no antd Table bookkeeping over all rows.
 */
export const MemberTable = forwardRef<MemberTableHandle, MemberTableProps>(function MemberTable(p, ref) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const view = useFixedWindow(scrollRef, p.rows.length, MEMBER_ROW_HEIGHT, HEADER_HEIGHT);
  const { first, last } = view;
  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex: view.scrollToIndex,
      focus: () => scrollRef.current?.focus(),
    }),
    [view.scrollToIndex],
  );
  const visible: number[] = [];
  for (let i = first; i <= last; i++) visible.push(i);
  // The panel reads fields the rows lack once the window has moved (after the commit, never in render).
  const onVisible = useRef(p.onVisible);
  onVisible.current = p.onVisible;
  const rows = p.rows;
  useEffect(() => {
    if (last >= first) onVisible.current(rows.slice(first, last + 1));
  }, [rows, first, last]);

  return (
    <div
      ref={scrollRef}
      className="member-grid"
      role="grid"
      aria-label={t.org.membersLabel}
      aria-rowcount={p.rows.length + 1}
      aria-multiselectable
      aria-busy={p.loading}
      aria-activedescendant={p.active ? `member-row-${p.active}` : undefined}
      tabIndex={0}
      data-testid="member-grid"
      onKeyDown={p.onKeyDown}
    >
      <div className="member-grid-inner" style={{ minWidth: MIN_WIDTH }}>
        <div role="row" aria-rowindex={1} className="member-header" style={{ gridTemplateColumns: GRID }}>
          {MEMBER_COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className="member-cell member-header-cell"
              data-column={c.key}
              data-min-width={c.min}
            >
              {c.title}
            </div>
          ))}
        </div>
        {p.rows.length === 0 ? (
          <div className="member-empty">{p.loading ? <Spin size="small" /> : p.emptyText}</div>
        ) : (
          <div role="rowgroup" className="member-body" style={{ height: view.totalHeight }}>
            {visible.map((i) => {
              const row = p.rows[i];
              if (!row) return null;
              return (
                <MemberTableRow
                  key={row.userid}
                  row={row}
                  index={i}
                  top={i * MEMBER_ROW_HEIGHT}
                  selected={p.selected.has(row.userid)}
                  active={p.active === row.userid}
                  revealable={p.revealable}
                  mobile={row.mobile ?? p.mobiles.get(row.userid)}
                  tree={p.tree}
                  h={p.handlers}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
});
