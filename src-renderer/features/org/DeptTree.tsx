import {
  dragAndDropFeature,
  hotkeysCoreFeature,
  keyboardDragAndDropFeature,
  selectionFeature,
  syncDataLoaderFeature,
  type DragTarget,
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
import { canDropDepts, isPinned } from './edit-ops';
import { useMemberDrop } from './member-drag';
import { DeptTreeRow, INDENT, ROW_HEIGHT } from './DeptTreeRow';
import { assistiveLabel, isOrdered } from './dept-tree-assistive';
import { lazyInstanceBuilder } from './tree-instance-builder';
import { useRevealSelection } from './use-reveal-selection';
import { observeRectAfterLayout, windowRect } from './observe-after-layout';
import { useDropHint } from './use-drop-hint';
import { useKeyboardMoveMode } from './use-keyboard-move';
import { memberDropConfig } from './tree-member-drop';
import { useTypeAhead } from './use-tree-typeahead';
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
  const { dropHint, showHint } = useDropHint();
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
  const settleDrop = (parentId: number): (() => void) => {
    const top = scrollRef.current?.scrollTop ?? null;
    keepScroll.current = top;
    const cur = org.getState().expandedIds;
    const key = String(parentId);
    // A leaf target too: it shows its new child open once the move is staged.
    if (!cur.includes(key)) org.getState().setExpanded([...cur, key]);
    // headless-tree focuses an item once the drop handler returns, which scrolls it into view:
    // put the place back after that too.
    return () =>
      requestAnimationFrame(() => {
        if (top !== null && scrollRef.current) scrollRef.current.scrollTop = top;
      });
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
      const restore = settleDrop(parentId);
      await actionsRef.current.drop(
        items.map(idOf),
        parentId,
        isOrdered(target) ? target.childIndex : undefined,
      );
      restore();
    },
    // Member rows from the table (tree-member-drop.ts).
    ...memberDropConfig({
      parentIdOf,
      tree: () => modelRef.current,
      ruleNames: () => ruleNamesRef.current,
      drag: () => memberDragRef.current,
      showHint,
      settleDrop,
      endDrag: () => org.getState().setMemberDrag(null),
      drop: (userids, source, target, add) => dropMembersRef.current(userids, source, target, add),
    }),
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

  const items = tree.getItems();
  const initialRect = useRef(windowRect());
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: initialRect.current,
    observeElementRect: observeRectAfterLayout,
  });
  scrollToIndexRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });

  useRevealSelection(selectedId, items, virtualizer);

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

  const typeAhead = useTypeAhead(tree, (index) => {
    keyboardFocus.current = true;
    scrollToIndexRef.current(index);
  });

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

  const keyboardMoving = useKeyboardMoveMode(tree, showHint);

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
