import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { commandMenuItems } from './command-menu';
import type { ComponentType } from 'react';
import type { DeptActions } from './DeptActions';
import type { DeptTree } from './dept-tree-model';
import { isPinned } from './edit-ops';

/** What a command is judged on: the tree as shown and the department it would act on. */
export interface DeptCommandContext {
  tree: DeptTree | null;
  id: number | null;
}

export interface DeptShortcut {
  /** As shown in tooltips and menus. */
  label: string;
  /** KeyboardEvent.key */
  key: string;
  alt?: boolean;
  /** Ctrl (⌘ on a Mac) held */
  ctrl?: boolean;
  /** Shift must be held; undefined = not looked at */
  shift?: boolean;
}

export interface DeptCommand {
  key: 'newChild' | 'rename' | 'moveTo' | 'up' | 'down' | 'delete';
  label: string;
  icon: ComponentType;
  shortcut?: DeptShortcut;
  /** Shown as a toolbar button too (every command is in the menus). */
  toolbar: boolean;
  danger?: boolean;
  isEnabled(ctx: DeptCommandContext): boolean;
  /** Why it is disabled, in words for the clerk; null when enabled. */
  disabledReason(ctx: DeptCommandContext): string | null;
  run(actions: DeptActions, id: number): void;
}

type Rule = (ctx: DeptCommandContext) => string | null;

const deptOf = ({ tree, id }: DeptCommandContext) => (id === null ? undefined : tree?.byId.get(id));

const selected: Rule = (ctx) => (deptOf(ctx) ? null : '请先在左侧选择一个部门');
const notDeleted: Rule = (ctx) => {
  const d = deptOf(ctx);
  return d?.pending === 'deleted' ? `「${d.name}」已标记删除` : null;
};
// The six top groups keep their names and places (WeCom-side too, everything hangs off them).
const notPinned: Rule = (ctx) => {
  const d = deptOf(ctx);
  return d && isPinned(d) ? `「${d.name}」是固定的六大组别之一，不能改名` : null;
};
const notFixed =
  (verb: string): Rule =>
  (ctx) => {
    const d = deptOf(ctx);
    if (!d) return null;
    if (isPinned(d)) return `「${d.name}」是固定的六大组别之一，不能${verb}`;
    return ctx.tree?.byId.has(d.parentid) ? null : `「${d.name}」是最顶层部门，不能${verb}`;
  };

// WeCom refuses to delete a department that still has members (60005) or sub-departments (60006):
// say so before anything is confirmed, not after.
const deletable: Rule = (ctx) => {
  const d = deptOf(ctx);
  if (!d) return null;
  const kids = (ctx.tree?.children.get(d.id) ?? []).filter(
    (c) => ctx.tree?.byId.get(c)?.pending !== 'deleted',
  );
  if (kids.length > 0)
    return `「${d.name}」下还有 ${kids.length} 个下级部门，企业微信不允许删除，请先移走或删除下级部门`;
  if (d.memberCount > 0)
    return `「${d.name}」还有 ${d.memberCount} 名成员，企业微信不允许删除，请先把成员移到其他部门`;
  return null;
};

/** The first reason that applies, in order. */
const all =
  (...rules: Rule[]): Rule =>
  (ctx) => {
    for (const rule of rules) {
      const reason = rule(ctx);
      if (reason !== null) return reason;
    }
    return null;
  };

function command(def: Omit<DeptCommand, 'isEnabled' | 'disabledReason'> & { rule: Rule }): DeptCommand {
  const { rule, ...rest } = def;
  return { ...rest, isEnabled: (ctx) => rule(ctx) === null, disabledReason: rule };
}

/**
 * Every department command, once: the toolbar, the context menu, the 「…」 menu and the tree's
 * hotkeys are all drawn from this list, in this order. A new command is one entry here.
 */
export const deptCommands: readonly DeptCommand[] = [
  command({
    key: 'newChild',
    label: '新建子部门',
    icon: PlusOutlined,
    shortcut: { label: 'Insert', key: 'Insert' },
    toolbar: true,
    rule: all(selected, notDeleted),
    run: (a, id) => a.newChild(id),
  }),
  command({
    key: 'rename',
    label: '重命名',
    icon: EditOutlined,
    shortcut: { label: 'F2', key: 'F2' },
    toolbar: true,
    rule: all(selected, notDeleted, notPinned),
    run: (a, id) => a.rename(id),
  }),
  command({
    key: 'moveTo',
    label: '移动到…',
    icon: DragOutlined,
    shortcut: { label: 'Ctrl+Shift+D', key: 'd', ctrl: true, shift: true },
    toolbar: false,
    rule: all(selected, notDeleted, notFixed('移动')),
    run: (a, id) => a.moveTo(id),
  }),
  command({
    key: 'up',
    label: '上移',
    icon: ArrowUpOutlined,
    shortcut: { label: 'Alt+↑', key: 'ArrowUp', alt: true },
    toolbar: true,
    rule: all(selected, notDeleted, notFixed('调整顺序')),
    run: (a, id) => void a.moveStep(id, -1),
  }),
  command({
    key: 'down',
    label: '下移',
    icon: ArrowDownOutlined,
    shortcut: { label: 'Alt+↓', key: 'ArrowDown', alt: true },
    toolbar: true,
    rule: all(selected, notDeleted, notFixed('调整顺序')),
    run: (a, id) => void a.moveStep(id, 1),
  }),
  command({
    key: 'delete',
    label: '删除部门',
    icon: DeleteOutlined,
    shortcut: { label: 'Del', key: 'Delete' },
    toolbar: true,
    danger: true,
    rule: all(selected, notDeleted, notFixed('删除'), deletable),
    run: (a, id) => a.remove(id),
  }),
];

/** 「重命名（F2）」 */
export const commandTitle = (c: DeptCommand): string =>
  c.shortcut ? `${c.label}（${c.shortcut.label}）` : c.label;

/** The command a key press in the tree stands for; Ctrl/⌘ combinations only when declared with `ctrl`. */
export function commandForKey(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'> & { shiftKey?: boolean },
): DeptCommand | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  return deptCommands.find((c) => {
    const s = c.shortcut;
    if (!s || s.key.toLowerCase() !== e.key.toLowerCase()) return false;
    if (!!s.alt !== e.altKey || !!s.ctrl !== ctrl) return false;
    return s.shift === undefined || s.shift === !!e.shiftKey;
  });
}

export function commandByKey(key: string): DeptCommand | undefined {
  return deptCommands.find((c) => c.key === key);
}

type MenuItems = NonNullable<MenuProps['items']>;

/** The context menu and the 「…」 menu; a disabled entry carries its reason as its title. */
export function deptMenuItems(ctx: DeptCommandContext): MenuItems {
  return commandMenuItems(deptCommands, ctx);
}

/** Runs a command picked from a menu by its key. */
export function runDeptCommand(actions: DeptActions, key: string, id: number): void {
  commandByKey(key)?.run(actions, id);
}

/** A key the tree understands without a command of its own (navigation, keyboard drag). */
export interface TreeKey {
  keys: string;
  label: string;
}

/** headless-tree's own keys and the tree's type-ahead; the legend lists them after the commands. */
export const treeKeys: readonly TreeKey[] = [
  { keys: '↑ / ↓', label: '上一个 / 下一个部门（右侧随之显示成员）' },
  { keys: '← / →', label: '折叠 / 展开' },
  { keys: 'Home / End', label: '第一个 / 最后一个部门' },
  { keys: '字母', label: '按拼音首字母跳到部门（如 gk 跳到骨科）' },
  { keys: 'Ctrl+Shift+D', label: '键盘移动模式：↑/↓ 选位置，回车放下，Esc 取消' },
];

export interface LegendEntry {
  keys: string;
  label: string;
}

/** The 「?」 legend: every declared command that has a shortcut, then the tree's own keys. */
export function deptLegend(): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const c of deptCommands) if (c.shortcut) out.push({ keys: c.shortcut.label, label: c.label });
  return out.concat(treeKeys);
}
