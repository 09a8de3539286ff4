import {
  dragAndDropFeature,
  hotkeysCoreFeature,
  keyboardDragAndDropFeature,
  selectionFeature,
  syncDataLoaderFeature,
  AssistiveDndState,
  type DragTarget,
  type DndState,
  type ItemInstance,
  type TreeInstance,
} from '@headless-tree/core';
import { AssistiveTreeDescription, useTree } from '@headless-tree/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Dropdown } from 'antd';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import type { Department } from '../../../src-main/contract';
import { useOrgStore, useServices } from '../../app/services-context';
import { t } from '../../i18n/zh-CN';
import { useDeptActions } from './DeptActions';
import { commandForKey, deptMenuItems, runDeptCommand } from './dept-commands';
import { isRuleGroup, ruleGroupRefusal, subtreeCounts } from './dept-counts';
import { findTypeAhead, loadSpeller, TYPEAHEAD_PAUSE_MS } from './dept-typeahead';
import { canDropDepts, isPinned } from './edit-ops';
import { MEMBER_DRAG_MIME, useMemberDrop } from './member-drag';
import { DeptTreeRow, INDENT, ROW_HEIGHT } from './DeptTreeRow';
import { lazyInstanceBuilder } from './tree-instance-builder';
import { useRuleGroupNames } from './use-rule-groups';

const ROOT_ID = '__root__';
// headless-tree's sync loader rejects falsy items, so the invisible root needs a stand-in. Its id
// cannot collide with a real department (local creations are negative, but never this small).
const ROOT_ITEM: Department = {
  id: Number.MIN_SAFE_INTEGER,
  name: '',
  parentid: Number.MIN_SAFE_INTEGER,
  order: 0,
  memberCount: 0,
  pinnedRank: null,
};
const NO_CHILDREN: readonly number[] = [];

type Item = ItemInstance<Department>;

const isOrdered = <T,>(target: DragTarget<T>): target is Extract<DragTarget<T>, { childIndex: number }> =>
  'childIndex' in target;

/** Chinese text for headless-tree's live region during keyboard drag and drop. */
function assistiveLabel<T>(dnd: DndState<T> | null | undefined, state: AssistiveDndState): string {
  const names = dnd?.draggedItems?.map((i) => i.getItemName()).join('、') ?? '';
  const target = dnd?.dragTarget;
  const where = !target
    ? '未选择位置'
    : isOrdered(target)
      ? `「${target.item.getItemName()}」下第 ${target.childIndex + 1} 位`
      : `放入「${target.item.getItemName()}」`;
  switch (state) {
    case AssistiveDndState.Started:
      return `正在移动 ${names}，当前位置：${where}。按上下方向键选择位置，回车放下，Esc 取消。`;
    case AssistiveDndState.Dragging:
      return `${names}：${where}`;
    case AssistiveDndState.Completed:
      return '移动完成。';
    case AssistiveDndState.Aborted:
      return '已取消移动。';
    default:
      return '选中部门后按 Ctrl+Shift+D 可用键盘移动，Alt+上/下 调整顺序，F2 重命名。';
  }
}

export function DeptTree() {
  const { org } = useServices();
  const actions = useDeptActions();
  const model = useOrgStore((s) => s.tree);
  const expandedIds = useOrgStore((s) => s.expandedIds);
  const selectedId = useOrgStore((s) => s.selectedDeptId);
  const memberDrag = useOrgStore((s) => s.memberDrag);
  const dropMembers = useMemberDrop();
  const index = useOrgStore((s) => s.index);
  const ruleNames = useRuleGroupNames();
  // Once per load (tree and index are replaced together), never per render or per row.
  const counts = useMemo(() => (model && index ? subtreeCounts(model, index) : null), [model, index]);
  const [selectedItems, setSelectedItems] = useState<string[]>([]);
  const [focusedItem, setFocusedItem] = useState<string | null>(null);
  // Why a drop is refused (or where it will land), shown under the tree while dragging.
  const [dropHint, setDropHint] = useState<{ ok: boolean; text: string } | null>(null);
  const hintRef = useRef<string | null>(null);
  const showHint = useCallback((hint: { ok: boolean; text: string } | null) => {
    const key = hint ? `${hint.ok}:${hint.text}` : null;
    if (key === hintRef.current) return;
    hintRef.current = key;
    setDropHint(hint);
  }, []);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The tree reads the latest model through this ref; its config callbacks are created once. Assigned
  // during render (not in an effect) because useTree may rebuild its item list within this render.
  const modelRef = useRef(model);
  modelRef.current = model;
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const dropMembersRef = useRef(dropMembers);
  dropMembersRef.current = dropMembers;
  const memberDragRef = useRef(memberDrag);
  memberDragRef.current = memberDrag;
  const ruleNamesRef = useRef(ruleNames);
  ruleNamesRef.current = ruleNames;
  /** Focus moved by keys (not the mouse): only then does the selection follow it. */
  const keyboardFocus = useRef(false);
  /** The tree's scroll offset when a drop started: the reload after it must not lose the place. */
  const keepScroll = useRef<number | null>(null);
  const scrollToIndexRef = useRef<(index: number) => void>(() => {});

  const idOf = (item: Item): number => item.getItemData().id;
  const parentIdOf = (target: DragTarget<Department>): number | null =>
    target.item.getId() === ROOT_ID ? null : idOf(target.item);

  const checkDeptDrop = (items: Item[], target: DragTarget<Department>) => {
    const m = modelRef.current;
    const parentId = parentIdOf(target);
    if (!m || parentId === null)
      return { ok: false as const, reason: '不能移动到最顶层，请放到某个部门下面' };
    const parent = m.byId.get(parentId);
    if (isRuleGroup(m, parent, ruleNamesRef.current))
      return { ok: false as const, reason: ruleGroupRefusal(parent!.name) };
    return canDropDepts(
      m,
      items.map(idOf),
      isOrdered(target) ? { parentId, index: target.childIndex } : { parentId },
    );
  };

  /** Expands the department something was dropped on and remembers where the tree was scrolled. */
  const settleDrop = (parentId: number) => {
    keepScroll.current = scrollRef.current?.scrollTop ?? null;
    const cur = org.getState().expandedIds;
    const key = String(parentId);
    if ((modelRef.current?.children.get(parentId)?.length ?? 0) > 0 && !cur.includes(key))
      org.getState().setExpanded([...cur, key]);
  };

  const tree = useTree<Department>({
    rootItemId: ROOT_ID,
    state: { expandedItems: expandedIds, selectedItems, focusedItem },
    // Selection follows focus, as in Explorer: ↑/↓ show the department's members without Enter.
    // Not during a keyboard move, where the arrows choose a place instead.
    setFocusedItem: (updater) => {
      setFocusedItem((cur) => {
        const next = typeof updater === 'function' ? updater(cur) : updater;
        if (next && next !== cur && next !== ROOT_ID && keyboardFocus.current) {
          const id = Number(next);
          queueMicrotask(() => void org.getState().selectDepartment(id));
        }
        return next ?? null;
      });
    },
    setExpandedItems: (updater) => {
      const current = org.getState().expandedIds;
      org.getState().setExpanded(typeof updater === 'function' ? updater(current) : updater);
    },
    setSelectedItems,
    getItemName: (item) => item.getItemData().name,
    isItemFolder: (item) => (modelRef.current?.children.get(item.getItemData().id)?.length ?? 0) > 0,
    dataLoader: {
      getItem: (itemId) =>
        itemId === ROOT_ID ? ROOT_ITEM : (modelRef.current?.byId.get(Number(itemId)) ?? ROOT_ITEM),
      getChildren: (itemId) => {
        const m = modelRef.current;
        if (!m) return [];
        const ids = itemId === ROOT_ID ? m.roots : (m.children.get(Number(itemId)) ?? NO_CHILDREN);
        return ids.map(String);
      },
    },
    onPrimaryAction: (item) => void org.getState().selectDepartment(item.getItemData().id),
    scrollToItem: (item) => scrollToIndexRef.current(item.getItemMeta().index),
    // While member rows are dragged the whole row is the target: no "between" zones.
    canReorder: memberDrag === null,
    reorderAreaPercentage: 0.25,
    openOnDropDelay: 700,
    canDrag: (items) => {
      const m = modelRef.current;
      const blocked = items.map(idOf).find((id) => {
        const d = m?.byId.get(id);
        return !d || isPinned(d) || !m?.byId.has(d.parentid);
      });
      if (blocked !== undefined) {
        const name = m?.byId.get(blocked)?.name ?? '';
        showHint({ ok: false, text: `「${name}」是固定分组或最顶层部门，不能拖动` });
        return false;
      }
      return true;
    },
    canDrop: (items, target) => {
      const check = checkDeptDrop(items, target);
      if (!check.ok) showHint({ ok: false, text: check.reason });
      else
        showHint({
          ok: true,
          text: isOrdered(target)
            ? `放到「${target.item.getItemName()}」下的这个位置`
            : `移动到「${target.item.getItemName()}」下`,
        });
      return check.ok;
    },
    onDrop: async (items, target) => {
      showHint(null);
      const parentId = parentIdOf(target);
      if (parentId === null) return;
      settleDrop(parentId);
      await actionsRef.current.drop(
        items.map(idOf),
        parentId,
        isOrdered(target) ? target.childIndex : undefined,
      );
    },
    // Member rows from the table: only the types are readable while dragging over.
    canDragForeignDragObjectOver: (dataTransfer, target) => {
      if (!dataTransfer.types.includes(MEMBER_DRAG_MIME)) return false;
      const parentId = parentIdOf(target);
      const d = parentId === null ? undefined : modelRef.current?.byId.get(parentId);
      if (d && isRuleGroup(modelRef.current, d, ruleNamesRef.current)) {
        showHint({ ok: false, text: ruleGroupRefusal(d.name) });
        return false;
      }
      if (!d || isOrdered(target) || d.pending === 'deleted') {
        showHint({
          ok: false,
          text: d?.pending === 'deleted' ? `「${d.name}」已标记删除` : '请放到某个部门上',
        });
        return false;
      }
      const drag = memberDragRef.current;
      const n = drag?.userids.length ?? 0;
      showHint({
        ok: true,
        text: `${drag?.add ? '加入' : '移动'} ${n} 人到「${d.name}」（按住 Ctrl 改为加入）`,
      });
      return true;
    },
    canDropForeignDragObject: (dataTransfer, target) => {
      const parentId = parentIdOf(target);
      const m = modelRef.current;
      return (
        dataTransfer.types.includes(MEMBER_DRAG_MIME) &&
        !isOrdered(target) &&
        parentId !== null &&
        !isRuleGroup(m, m?.byId.get(parentId), ruleNamesRef.current)
      );
    },
    onDropForeignDragObject: async (dataTransfer, target) => {
      showHint(null);
      const parentId = parentIdOf(target);
      if (parentId === null) return;
      let userids: string[] = [];
      try {
        const parsed: unknown = JSON.parse(dataTransfer.getData(MEMBER_DRAG_MIME));
        if (Array.isArray(parsed)) userids = parsed.filter((x): x is string => typeof x === 'string');
      } catch {
        return;
      }
      const drag = memberDragRef.current;
      org.getState().setMemberDrag(null);
      settleDrop(parentId);
      await dropMembersRef.current(userids, drag?.sourceDeptId ?? null, parentId, drag?.add ?? false);
    },
    hotkeys: {
      // Enter / Space choose the focused department, like a click.
      customSelectFocused: {
        hotkey: 'Enter',
        isEnabled: (tr: TreeInstance<Department>) => !tr.getState().dnd,
        handler: (_e: KeyboardEvent, tr: TreeInstance<Department>) => tr.getFocusedItem().primaryAction(),
      },
      customSelectFocusedSpace: {
        hotkey: 'Space',
        preventDefault: true,
        handler: (_e: KeyboardEvent, tr: TreeInstance<Department>) => tr.getFocusedItem().primaryAction(),
      },
    },
    indent: INDENT,
    instanceBuilder: lazyInstanceBuilder,
    features: [
      syncDataLoaderFeature,
      selectionFeature,
      hotkeysCoreFeature,
      dragAndDropFeature,
      keyboardDragAndDropFeature,
    ],
  });

  // New data (after a sync or an edit) means new item lists; after a drop the place is kept.
  useEffect(() => {
    tree.rebuildTree();
    const top = keepScroll.current;
    if (top !== null && scrollRef.current) scrollRef.current.scrollTop = top;
    keepScroll.current = null;
  }, [tree, model]);

  // The store's current department (search hit, reload) is the tree's selection too.
  useEffect(() => {
    if (selectedId === null) return;
    const key = String(selectedId);
    setSelectedItems((cur) => (cur.includes(key) ? cur : [key]));
    setFocusedItem(key);
  }, [selectedId]);

  // A drag ended anywhere (dropped outside, Esc): clear the hint. A refusal stays a few seconds, so a
  // clerk who let go over a forbidden place still reads why nothing moved.
  useEffect(() => {
    let timer: number | undefined;
    const clear = () => {
      window.clearTimeout(timer);
      if (hintRef.current?.startsWith('false:')) timer = window.setTimeout(() => showHint(null), 4000);
      else showHint(null);
    };
    window.addEventListener('dragend', clear);
    window.addEventListener('drop', clear);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('dragend', clear);
      window.removeEventListener('drop', clear);
    };
  }, [showHint]);

  const items = tree.getItems();
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  scrollToIndexRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });

  // Bring a department chosen elsewhere (a search hit) into view; only when the selection changes.
  const shownSelection = useRef<number | null>(null);
  useEffect(() => {
    if (selectedId === shownSelection.current) return;
    const index = items.findIndex((item) => item.getItemData().id === selectedId);
    if (index < 0) return;
    shownSelection.current = selectedId;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, items, virtualizer]);

  const containerProps = tree.getContainerProps(t.org.treeLabel);
  const registerTree = containerProps.ref as (el: HTMLElement | null) => void;
  // Stable: a new callback ref each render would unmount and remount the tree's key handling.
  const setContainer = useCallback(
    (el: HTMLDivElement | null) => {
      scrollRef.current = el;
      registerTree(el);
    },
    [registerTree],
  );

  const typed = useRef<{ query: string; at: number }>({ query: '', at: 0 });
  /** Letters jump to the next department spelled that way (pinyin initials or full pinyin). */
  const typeAhead = (letter: string) => {
    const now = Date.now();
    const query = (now - typed.current.at < TYPEAHEAD_PAUSE_MS ? typed.current.query : '') + letter;
    typed.current = { query, at: now };
    void loadSpeller().then((spell) => {
      if (typed.current.query !== query) return;
      const list = tree.getItems();
      const focusedId = tree.getFocusedItem()?.getId();
      const from = list.findIndex((i) => i.getId() === focusedId);
      const hit = findTypeAhead(
        list.map((i) => i.getItemData().name),
        from,
        query,
        spell,
      );
      const item = hit < 0 ? undefined : list[hit];
      if (!item) return;
      keyboardFocus.current = true;
      item.setFocused();
      scrollToIndexRef.current(hit);
      tree.updateDomFocus();
    });
  };

  // Shortcuts headless-tree's hotkey matcher cannot express (Alt+arrows), the edit keys, 「?」 and
  // type-ahead letters.
  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (tree.getState().dnd) return;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (plain && e.key === '?') {
      e.preventDefault();
      actionsRef.current.showLegend();
      return;
    }
    if (plain && /^[a-z]$/i.test(e.key)) {
      e.preventDefault();
      typeAhead(e.key.toLowerCase());
      return;
    }
    const focused = tree.getFocusedItem();
    const id = focused && focused.getId() !== ROOT_ID ? idOf(focused) : selectedId;
    if (id === null || id === undefined) return;
    // Alt+↑/↓, F2, Delete, Insert: the department command table (dept-commands.ts).
    const command = commandForKey(e);
    if (!command) return;
    e.preventDefault();
    e.stopPropagation();
    command.run(actionsRef.current, id);
  };

  // A keyboard move (Ctrl+Shift+D) is a mode: a banner says so until Enter or Esc ends it, and the
  // place hint goes with it.
  const assistive = tree.getState().assistiveDndState;
  const keyboardMoving = assistive === AssistiveDndState.Started || assistive === AssistiveDndState.Dragging;
  const wasMoving = useRef(false);
  useEffect(() => {
    if (wasMoving.current && !keyboardMoving) showHint(null);
    wasMoving.current = keyboardMoving;
  }, [keyboardMoving, showHint]);

  // Right-click acts on the row under the mouse: make it current first. Stable, so rows stay memoised.
  const onRowContextMenu = useCallback(
    (id: number, current: boolean) => {
      if (!current) void org.getState().selectDepartment(id);
    },
    [org],
  );

  const menuDeptId = selectedId;
  const dragLine = tree.getDragLineStyle(
    scrollRef.current?.scrollTop ? scrollRef.current.scrollTop - 1 : -1,
    -4,
  );

  return (
    <div className="dept-tree-wrap">
      {keyboardMoving ? (
        <div className="dept-move-banner" role="status" data-testid="keyboard-move-banner">
          键盘移动模式：↑/↓ 选择位置，回车放下，Esc 取消
        </div>
      ) : null}
      <Dropdown
        trigger={['contextMenu']}
        menu={{
          items: menuDeptId === null ? [] : deptMenuItems({ tree: modelRef.current, id: menuDeptId }),
          onClick: ({ key }) => menuDeptId !== null && runDeptCommand(actions, key, menuDeptId),
        }}
      >
        <div
          {...containerProps}
          ref={setContainer}
          className={`dept-tree${memberDrag ? ' is-member-drag' : ''}`}
          data-testid="dept-tree"
          onKeyDown={onKeyDown}
          onKeyDownCapture={() => (keyboardFocus.current = true)}
          onPointerDownCapture={() => (keyboardFocus.current = false)}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const item = items[row.index];
              if (!item) return null;
              const dept = item.getItemData();
              const current = dept.id === selectedId;
              return (
                <DeptTreeRow
                  key={item.getKey()}
                  item={item}
                  dept={dept}
                  meta={item.getItemMeta()}
                  top={row.start}
                  folder={item.isFolder()}
                  expanded={item.isExpanded()}
                  current={current}
                  multi={!current && item.isSelected()}
                  focused={item.isFocused()}
                  dropTarget={item.isUnorderedDragTarget()}
                  total={counts?.get(dept.id)}
                  ruleGroup={isRuleGroup(model, dept, ruleNames)}
                  onContextMenu={onRowContextMenu}
                />
              );
            })}
          </div>
          <div className="dept-drag-line" style={dragLine} />
        </div>
      </Dropdown>
      <AssistiveTreeDescription tree={tree} getLabel={(dnd, state) => assistiveLabel(dnd, state)} />
      {dropHint ? (
        <div
          className={`dept-drop-hint${dropHint.ok ? '' : ' is-refused'}`}
          role="status"
          data-testid="drop-hint"
        >
          {dropHint.ok ? dropHint.text : `不能放在这里：${dropHint.text}`}
        </div>
      ) : null}
    </div>
  );
}
