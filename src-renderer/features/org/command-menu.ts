import type { MenuProps } from 'antd';

type MenuItems = NonNullable<MenuProps['items']>;

/** What a menu needs of a declared command (department and member commands both have it). */
export interface MenuCommand<Ctx> {
  key: string;
  label: string;
  shortcut?: { label: string };
  danger?: boolean;
  disabledReason(ctx: Ctx): string | null;
}

/**
 * A context or 「…」 menu from a command table: shortcuts shown beside the labels, a divider before
 * destructive entries, and a disabled entry carrying its reason as its title.
 */
export function commandMenuItems<Ctx>(commands: readonly MenuCommand<Ctx>[], ctx: Ctx): MenuItems {
  const items: MenuItems = [];
  for (const c of commands) {
    if (c.danger) items.push({ type: 'divider' });
    const reason = c.disabledReason(ctx);
    items.push({
      key: c.key,
      label: c.label,
      extra: c.shortcut?.label,
      danger: c.danger,
      disabled: reason !== null,
      title: reason ?? undefined,
    });
  }
  return items;
}
