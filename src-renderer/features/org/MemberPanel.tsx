import { Alert, Dropdown } from 'antd';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent as ReactDragEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent,
} from 'react';
import { useOrgStore, useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { t } from '../../i18n/zh-CN';
import { useDeptActions } from './DeptActions';
import { memberCommandByKey, memberCommandForKey, memberMenuItems } from './member-commands';
import { startMemberDrag } from './member-drag';
import { rowDepartmentIds } from './member-rows';
import { MemberDetail } from './MemberDetail';
import { MemberTable, type MemberRowHandlers, type MemberTableHandle } from './MemberTable';
import { MemberToolbar } from './MemberToolbar';
import { useMemberActions } from './use-member-actions';
import { useMemberList } from './use-member-rows';
import { useMobiles } from './use-mobiles';

export { PendingMark } from './MemberTable';

/**
 * The right side of 通讯录: search and selection bar, the member table, the detail drawer and the
 * row commands (member-commands.ts). Selection is kept here, by userid.
 */
export function MemberPanel({ onEdit }: { onEdit: (userid: string | null) => void }) {
  const { org } = useServices();
  const deptActions = useDeptActions();
  const list = useMemberList();
  const { rows, mode } = list;
  const tree = useOrgStore((s) => s.tree);
  const index = useOrgStore((s) => s.index);
  const selectedId = useOrgStore((s) => s.selectedDeptId);
  const membersStatus = useOrgStore((s) => s.membersStatus);
  const membersError = useOrgStore((s) => s.membersError);
  const revealedUserid = useOrgStore((s) => s.revealedUserid);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const anchor = useRef<string | null>(null);
  const table = useRef<MemberTableHandle | null>(null);
  const { mobiles, want } = useMobiles(index);
  const selectedSet = useMemo(() => new Set(selected), [selected]);

  // The latest values for the row handlers, which are created once so rows stay memoised.
  const live = useRef({ rows, selected, mode, selectedId });
  live.current = { rows, selected, mode, selectedId };

  // A new department or search starts with an empty selection.
  const searching = mode === 'search';
  useEffect(() => {
    setSelected([]);
    setActive(null);
    anchor.current = null;
  }, [selectedId, searching]);
  // Drop selections of rows that are gone (after a move they leave this department).
  useEffect(() => {
    setSelected((cur) => {
      if (cur.length === 0) return cur;
      const present = new Set(rows.map((r) => r.userid));
      const next = cur.filter((u) => present.has(u));
      return next.length === cur.length ? cur : next;
    });
  }, [rows]);
  // A person chosen from search results: selected, highlighted and scrolled to once they are listed.
  useEffect(() => {
    if (revealedUserid === null) return;
    const at = rows.findIndex((r) => r.userid === revealedUserid);
    if (at < 0) return;
    setSelected([revealedUserid]);
    setActive(revealedUserid);
    anchor.current = revealedUserid;
    table.current?.scrollToIndex(at);
    org.getState().clearRevealedMember();
  }, [revealedUserid, rows, org]);

  const selectedRows = useMemo(
    () => (selected.length === 0 ? [] : rows.filter((r) => selectedSet.has(r.userid))),
    [rows, selected, selectedSet],
  );
  const clearSelection = useCallback(() => setSelected([]), []);
  const openDetail = useCallback((userid: string) => setDetail(userid), []);
  const edit = useCallback((userid: string) => onEdit(userid), [onEdit]);
  const { actions, dialogs } = useMemberActions({
    selectedRows,
    sourceDeptId: mode === 'direct' ? selectedId : null,
    clearSelection,
    openDetail,
    onEdit: edit,
  });
  const actionsRef = useRef(actions);
  actionsRef.current = actions;

  /** Click with Ctrl toggles, Shift extends from the last clicked row (like a file manager). */
  const select = useCallback((userid: string, how: { toggle?: boolean; extend?: boolean }) => {
    const { rows: all } = live.current;
    setActive(userid);
    if (how.extend && anchor.current) {
      const a = all.findIndex((r) => r.userid === anchor.current);
      const b = all.findIndex((r) => r.userid === userid);
      if (a >= 0 && b >= 0) {
        const range = all.slice(Math.min(a, b), Math.max(a, b) + 1).map((r) => r.userid);
        setSelected((cur) => (how.toggle ? [...new Set([...cur, ...range])] : range));
        return;
      }
    }
    anchor.current = userid;
    if (how.toggle)
      setSelected((cur) => (cur.includes(userid) ? cur.filter((u) => u !== userid) : [...cur, userid]));
    else setSelected([userid]);
  }, []);

  const handlers = useMemo<MemberRowHandlers>(
    () => ({
      click: (e: MouseEvent, userid) => {
        if ((e.target as HTMLElement).closest('button, a, input, label')) return;
        select(userid, { toggle: e.ctrlKey || e.metaKey, extend: e.shiftKey });
      },
      toggle: (userid) => select(userid, { toggle: true }),
      open: (userid) => setDetail(userid),
      edit: (userid) => onEdit(userid),
      reveal: (userid) => {
        const row = live.current.rows.find((r) => r.userid === userid);
        const first = row ? rowDepartmentIds(row)[0] : undefined;
        if (first !== undefined) void org.getState().revealMember(userid, first);
      },
      // Right-click acts on the row under the mouse: it joins nothing, it becomes the selection
      // unless it is already part of it.
      contextMenu: (userid) => {
        if (!live.current.selected.includes(userid)) select(userid, {});
        else setActive(userid);
      },
      dragStart: (e: ReactDragEvent, userid) => {
        const { selected: sel, mode: m, selectedId: dept } = live.current;
        const ids = sel.includes(userid) ? [...sel] : [userid];
        if (!sel.includes(userid)) setSelected([userid]);
        startMemberDrag(org, e, ids, m === 'direct' ? dept : null);
      },
    }),
    [org, onEdit, select],
  );

  const [menuOpen, setMenuOpen] = useState(false);
  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      deptActions.showLegend();
      return;
    }
    if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      e.preventDefault();
      setMenuOpen(true);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      setSelected(rows.map((r) => r.userid));
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
      if (rows.length === 0) return;
      e.preventDefault();
      const at = active === null ? -1 : rows.findIndex((r) => r.userid === active);
      const next =
        e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? rows.length - 1
            : Math.min(rows.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
      const row = rows[next]!;
      select(row.userid, { extend: e.shiftKey });
      table.current?.scrollToIndex(next);
      return;
    }
    if (e.key === ' ' && active !== null) {
      e.preventDefault();
      select(active, { toggle: true });
      return;
    }
    const command = memberCommandForKey(e);
    if (!command || command.disabledReason({ rows: selectedRows }) !== null) return;
    e.preventDefault();
    command.run(actions, { rows: selectedRows });
  };

  const showError = mode === 'direct' && membersStatus === 'error' && membersError;
  return (
    <section className="member-panel" aria-label={t.org.membersLabel} data-testid="member-list">
      <MemberToolbar
        list={list}
        selectedRows={selectedRows}
        actions={actions}
        onNew={() => onEdit(null)}
        onClearSelection={clearSelection}
      />
      {showError ? (
        <Alert
          type="error"
          showIcon
          title={`${t.org.membersLoadFailed}：${describeError(membersError).title}`}
          description={describeError(membersError).detail}
        />
      ) : null}
      <Dropdown
        trigger={['contextMenu']}
        open={menuOpen}
        // A right-click selects its row first (the row handler runs before this), so the menu
        // always acts on what is highlighted.
        onOpenChange={setMenuOpen}
        menu={{
          items: memberMenuItems({ rows: selectedRows }),
          onClick: ({ key }) => {
            setMenuOpen(false);
            memberCommandByKey(key)?.run(actionsRef.current, { rows: selectedRows });
          },
        }}
      >
        <div className="member-table" data-testid="member-table">
          <MemberTable
            ref={table}
            rows={rows}
            selected={selectedSet}
            active={active}
            revealable={searching}
            loading={list.loading}
            emptyText={
              searching ? t.org.noResults : selectedId === null ? t.org.pickDepartment : t.org.noMembers
            }
            tree={tree}
            mobiles={mobiles}
            handlers={handlers}
            onKeyDown={onKeyDown}
            onVisible={(shown) => {
              const missing = shown.filter((r) => r.mobile === undefined).map((r) => r.userid);
              if (missing.length > 0) want(missing);
            }}
          />
        </div>
      </Dropdown>
      {dialogs}
      <MemberDetail
        userid={detail}
        onClose={() => setDetail(null)}
        onEdit={(userid) => {
          setDetail(null);
          onEdit(userid);
        }}
      />
    </section>
  );
}
