import type { DragTarget } from '@headless-tree/core';
import type { Department } from '../../../src-main/contract';
import { isRuleGroup, ruleGroupRefusal } from './dept-counts';
import { isOrdered } from './dept-tree-assistive';
import type { DeptTree } from './dept-tree-model';
import { MEMBER_DRAG_MIME } from './member-drag';
import type { MemberDrag } from './org-store';
import type { DropHint } from './use-drop-hint';

export interface MemberDropDeps {
  parentIdOf(target: DragTarget<Department>): number | null;
  tree(): DeptTree | null;
  ruleNames(): ReadonlySet<string>;
  /** The drag as the member table started it (ids, source, Ctrl = add). */
  drag(): MemberDrag | null;
  showHint(hint: DropHint | null): void;
  /** Keep the tree's place and open the target. */
  settleDrop(parentId: number): () => void;
  endDrag(): void;
  drop(userids: string[], sourceDeptId: number | null, targetDeptId: number, add: boolean): Promise<unknown>;
}

/**
 * headless-tree's foreign-drop callbacks for member rows dragged from the table: a whole row is the
 * target (no "between" zones), rule-kept groups and departments marked for deletion refuse with the
 * reason, and the hint says who goes where.
 */
export function memberDropConfig(deps: MemberDropDeps) {
  return {
    // Only the types are readable while dragging over.
    canDragForeignDragObjectOver: (dataTransfer: DataTransfer, target: DragTarget<Department>) => {
      if (!dataTransfer.types.includes(MEMBER_DRAG_MIME)) return false;
      const parentId = deps.parentIdOf(target);
      const d = parentId === null ? undefined : deps.tree()?.byId.get(parentId);
      if (d && isRuleGroup(deps.tree(), d, deps.ruleNames())) {
        deps.showHint({ ok: false, text: ruleGroupRefusal(d.name) });
        return false;
      }
      if (!d || isOrdered(target) || d.pending === 'deleted') {
        deps.showHint({
          ok: false,
          text: d?.pending === 'deleted' ? `「${d.name}」已标记删除` : '请放到某个部门上',
        });
        return false;
      }
      const drag = deps.drag();
      const n = drag?.userids.length ?? 0;
      deps.showHint({
        ok: true,
        text: `${drag?.add ? '加入' : '移动'} ${n} 人到「${d.name}」（按住 Ctrl 改为加入）`,
      });
      return true;
    },
    canDropForeignDragObject: (dataTransfer: DataTransfer, target: DragTarget<Department>) => {
      const parentId = deps.parentIdOf(target);
      const m = deps.tree();
      return (
        dataTransfer.types.includes(MEMBER_DRAG_MIME) &&
        !isOrdered(target) &&
        parentId !== null &&
        !isRuleGroup(m, m?.byId.get(parentId), deps.ruleNames())
      );
    },
    onDropForeignDragObject: async (dataTransfer: DataTransfer, target: DragTarget<Department>) => {
      deps.showHint(null);
      const parentId = deps.parentIdOf(target);
      if (parentId === null) return;
      let userids: string[] = [];
      try {
        const parsed: unknown = JSON.parse(dataTransfer.getData(MEMBER_DRAG_MIME));
        if (Array.isArray(parsed)) userids = parsed.filter((x): x is string => typeof x === 'string');
      } catch {
        return;
      }
      const drag = deps.drag();
      deps.endDrag();
      const restore = deps.settleDrop(parentId);
      // The row under the pointer takes the focus (not the selected department, which may be
      // scrolled away): headless-tree focuses it once this returns.
      target.item.setFocused();
      await deps.drop(userids, drag?.sourceDeptId ?? null, parentId, drag?.add ?? false);
      restore();
    },
  };
}
