import {
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  PlusCircleOutlined,
  ProfileOutlined,
  StopOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { commandMenuItems } from './command-menu';
import type { ComponentType } from 'react';
import type { LegendEntry } from './dept-commands';
import type { MemberRow } from './member-rows';

/** What a member command is judged on: the rows it would act on (the selection). */
export interface MemberCommandContext {
  rows: readonly MemberRow[];
}

/** Every member edit reachable from the selection bar, the row menu and the table's keys. */
export interface MemberActions {
  detail(userid: string): void;
  edit(userid: string): void;
  moveTo(): void;
  addTo(): void;
  setEnabled(enable: boolean): void;
  remove(): void;
}

export interface MemberShortcut {
  label: string;
  /** KeyboardEvent.key */
  key: string;
}

export interface MemberCommand {
  key: 'detail' | 'edit' | 'moveTo' | 'addTo' | 'disable' | 'enable' | 'delete';
  label: string;
  icon: ComponentType;
  shortcut?: MemberShortcut;
  /** In the selection bar above the table (every command is in the row menu). */
  bar: boolean;
  danger?: boolean;
  disabledReason(ctx: MemberCommandContext): string | null;
  run(actions: MemberActions, ctx: MemberCommandContext): void;
}

type Rule = (ctx: MemberCommandContext) => string | null;

const some: Rule = (ctx) => (ctx.rows.length > 0 ? null : '请先在表格中选择成员');
const one: Rule = (ctx) =>
  ctx.rows.length === 1
    ? null
    : ctx.rows.length === 0
      ? '请先在表格中选择成员'
      : '一次只能查看或编辑一名成员';
const live: Rule = (ctx) =>
  ctx.rows.length > 0 && ctx.rows.every((r) => r.pending === 'deleted') ? '所选成员已标记删除' : null;
const notDeletedOne: Rule = (ctx) =>
  ctx.rows[0]?.pending === 'deleted' ? `「${ctx.rows[0].name}」已标记删除` : null;
const all =
  (...rules: Rule[]): Rule =>
  (ctx) => {
    for (const rule of rules) {
      const reason = rule(ctx);
      if (reason !== null) return reason;
    }
    return null;
  };

const first = (ctx: MemberCommandContext) => ctx.rows[0]?.userid ?? '';

/**
 * Every member-row command, once: the selection bar, the row context menu, the table's keys and the
 * shortcut legend are drawn from this list, in this order.
 */
export const memberCommands: readonly MemberCommand[] = [
  {
    key: 'detail',
    label: '查看详情',
    icon: ProfileOutlined,
    shortcut: { label: 'Enter', key: 'Enter' },
    bar: false,
    disabledReason: one,
    run: (a, ctx) => a.detail(first(ctx)),
  },
  {
    key: 'edit',
    label: '编辑',
    icon: EditOutlined,
    shortcut: { label: 'F2', key: 'F2' },
    bar: false,
    disabledReason: all(one, notDeletedOne),
    run: (a, ctx) => a.edit(first(ctx)),
  },
  {
    key: 'moveTo',
    label: '移动到部门…',
    icon: ExportOutlined,
    bar: true,
    disabledReason: all(some, live),
    run: (a) => a.moveTo(),
  },
  {
    key: 'addTo',
    label: '加入部门…',
    icon: PlusCircleOutlined,
    bar: true,
    disabledReason: all(some, live),
    run: (a) => a.addTo(),
  },
  {
    key: 'disable',
    label: '停用',
    icon: StopOutlined,
    bar: true,
    disabledReason: all(some, live),
    run: (a) => a.setEnabled(false),
  },
  {
    key: 'enable',
    label: '启用',
    icon: CheckCircleOutlined,
    bar: true,
    disabledReason: all(some, live),
    run: (a) => a.setEnabled(true),
  },
  {
    key: 'delete',
    label: '删除',
    icon: DeleteOutlined,
    shortcut: { label: 'Del', key: 'Delete' },
    bar: true,
    danger: true,
    disabledReason: all(some, live),
    run: (a) => a.remove(),
  },
];

export function memberCommandForKey(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): MemberCommand | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return undefined;
  return memberCommands.find((c) => c.shortcut?.key === e.key);
}

export function memberCommandByKey(key: string): MemberCommand | undefined {
  return memberCommands.find((c) => c.key === key);
}

type MenuItems = NonNullable<MenuProps['items']>;

/** The row context menu; a disabled entry carries its reason as its title. */
export function memberMenuItems(ctx: MemberCommandContext): MenuItems {
  return commandMenuItems(memberCommands, ctx);
}

/** Keys the member table handles itself (moving and extending the selection). */
export const tableKeys: readonly LegendEntry[] = [
  { keys: '↑ / ↓', label: '上一名 / 下一名成员' },
  { keys: 'Shift+↑ / ↓', label: '扩大选择' },
  { keys: '空格', label: '选中 / 取消选中' },
  { keys: 'Ctrl+A', label: '全选' },
  { keys: 'Shift+F10', label: '成员菜单（也可右键）' },
];

/** The member part of the 「?」 legend: declared shortcuts first, then the table's own keys. */
export function memberLegend(): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const c of memberCommands) if (c.shortcut) out.push({ keys: c.shortcut.label, label: c.label });
  return out.concat(tableKeys);
}
