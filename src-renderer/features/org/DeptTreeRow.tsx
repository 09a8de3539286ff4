import type { ItemInstance, ItemMeta } from '@headless-tree/core';
import { memo, type MouseEvent } from 'react';
import type { Department } from '../../../src-main/contract';
import { t } from '../../i18n/zh-CN';
import { isPinned } from './edit-ops';

export const ROW_HEIGHT = 28;
export const INDENT = 16;

export interface DeptTreeRowProps {
  /** headless-tree keeps one instance per department, so this is stable across renders. */
  item: ItemInstance<Department>;
  dept: Department;
  /** Rebuilt whenever the visible list changes: level and position in set. */
  meta: ItemMeta;
  top: number;
  folder: boolean;
  expanded: boolean;
  /** The store's current department. */
  current: boolean;
  /** Part of a multi-selection (Ctrl/Shift click) without being current. */
  multi: boolean;
  focused: boolean;
  dropTarget: boolean;
  /** Members including sub-departments (each once); undefined until the member index is loaded. */
  total: number | undefined;
  /** A positional group kept by a rule (正副主任 …): badged, and refuses drops. */
  ruleGroup: boolean;
  onContextMenu: (id: number, current: boolean) => void;
}

/** The row's tooltip: the headcount shown (with sub-departments) and the direct one. */
export function countTitle(total: number | undefined, direct: number, ruleGroup = false): string {
  const counts =
    total === undefined
      ? t.org.treeMemberCount(direct)
      : `含下级共 ${total} 人，${t.org.treeMemberCount(direct)}`;
  return ruleGroup ? `${counts}；由分组规则按职务自动维护，不能手动放入成员` : counts;
}

/**
 * One tree row. Memoised on plain values: scrolling or a change elsewhere re-renders only the rows
 * whose department, place or state changed. Plain elements and CSS only — the caret is drawn by the
 * stylesheet, so a row costs a handful of DOM nodes and no antd component.
 */
export const DeptTreeRow = memo(function DeptTreeRow(p: DeptTreeRowProps) {
  const { item, dept } = p;
  const classes = ['dept-row'];
  if (p.current) classes.push('is-selected');
  else if (p.multi) classes.push('is-multi');
  if (p.focused) classes.push('is-focused');
  if (p.dropTarget) classes.push('is-drop-target');
  if (dept.pending === 'deleted') classes.push('is-deleted');
  if (isPinned(dept)) classes.push('is-pinned');
  return (
    <div
      {...item.getProps()}
      aria-selected={p.current || p.multi}
      title={countTitle(p.total, dept.memberCount, p.ruleGroup)}
      data-testid={`dept-${dept.id}`}
      data-pending={dept.pending ?? undefined}
      className={classes.join(' ')}
      onContextMenu={(_e: MouseEvent) => p.onContextMenu(dept.id, p.current)}
      style={{
        transform: `translateY(${p.top}px)`,
        paddingLeft: 4 + p.meta.level * INDENT,
      }}
    >
      <span
        className={`dept-caret${p.folder ? ' is-folder' : ''}${p.expanded ? ' is-open' : ''}`}
        aria-hidden
      />
      <span className="dept-name">{dept.name}</span>
      {dept.pending === 'created' ? (
        <span className="pending-tag pending-new">新</span>
      ) : dept.pending === 'updated' ? (
        <span className="pending-dot" title="有未推送的修改" aria-label="已修改" />
      ) : dept.pending === 'deleted' ? (
        <span className="pending-deleted">待删除</span>
      ) : null}
      {p.ruleGroup ? (
        <span className="dept-rule-badge" title="由分组规则按职务自动维护">
          规则维护
        </span>
      ) : null}
      <span className="dept-count" aria-hidden>
        {p.total ?? dept.memberCount}
      </span>
    </div>
  );
});
