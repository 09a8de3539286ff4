import { CaretRightOutlined } from '@ant-design/icons';
import { hotkeysCoreFeature, syncDataLoaderFeature, type TreeInstance } from '@headless-tree/core';
import { useTree } from '@headless-tree/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { Department } from '../../../src-main/contract';
import { useOrgStore, useServices } from '../../app/services-context';
import { t } from '../../i18n/zh-CN';

const ROW_HEIGHT = 28;
const INDENT = 16;
const ROOT_ID = '__root__';
// headless-tree's sync loader rejects falsy items, so the invisible root needs a stand-in.
const ROOT_ITEM: Department = { id: -1, name: '', parentid: -1, order: 0, memberCount: 0, pinnedRank: null };
const NO_CHILDREN: readonly number[] = [];

export function DeptTree() {
  const { org } = useServices();
  const model = useOrgStore((s) => s.tree);
  const expandedIds = useOrgStore((s) => s.expandedIds);
  const selectedId = useOrgStore((s) => s.selectedDeptId);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The tree reads the latest model through this ref; its config callbacks are created once. Assigned
  // during render (not in an effect) because useTree may rebuild its item list within this render.
  const modelRef = useRef(model);
  modelRef.current = model;
  const scrollToIndexRef = useRef<(index: number) => void>(() => {});

  const tree = useTree<Department>({
    rootItemId: ROOT_ID,
    state: { expandedItems: expandedIds },
    setExpandedItems: (updater) => {
      const current = org.getState().expandedIds;
      org.getState().setExpanded(typeof updater === 'function' ? updater(current) : updater);
    },
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
    hotkeys: {
      // Enter / Space choose the focused department, like a click.
      customSelectFocused: {
        hotkey: 'Enter',
        handler: (_e: KeyboardEvent, tr: TreeInstance<Department>) => tr.getFocusedItem().primaryAction(),
      },
      customSelectFocusedSpace: {
        hotkey: 'Space',
        preventDefault: true,
        handler: (_e: KeyboardEvent, tr: TreeInstance<Department>) => tr.getFocusedItem().primaryAction(),
      },
    },
    indent: INDENT,
    features: [syncDataLoaderFeature, hotkeysCoreFeature],
  });

  // New data (after a sync) means new item lists.
  useEffect(() => {
    tree.rebuildTree();
  }, [tree, model]);

  const items = tree.getItems();
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
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

  return (
    <div {...containerProps} ref={setContainer} className="dept-tree" data-testid="dept-tree">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          const dept = item.getItemData();
          const selected = dept.id === selectedId;
          const folder = item.isFolder();
          return (
            <div
              {...item.getProps()}
              key={item.getKey()}
              aria-selected={selected}
              title={t.org.treeMemberCount(dept.memberCount)}
              data-testid={`dept-${dept.id}`}
              className={`dept-row${selected ? ' is-selected' : ''}${item.isFocused() ? ' is-focused' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${row.start}px)`,
                paddingLeft: 4 + item.getItemMeta().level * INDENT,
              }}
            >
              <span className={`dept-caret${item.isExpanded() ? ' is-open' : ''}`} aria-hidden>
                {folder ? <CaretRightOutlined /> : null}
              </span>
              <span className="dept-name">{dept.name}</span>
              <span className="dept-count" aria-hidden>
                {dept.memberCount}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
