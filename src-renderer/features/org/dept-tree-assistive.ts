import { AssistiveDndState, type DndState, type DragTarget } from '@headless-tree/core';

export const isOrdered = <T>(
  target: DragTarget<T>,
): target is Extract<DragTarget<T>, { childIndex: number }> => 'childIndex' in target;

/** Chinese text for headless-tree's live region during keyboard drag and drop. */
export function assistiveLabel<T>(dnd: DndState<T> | null | undefined, state: AssistiveDndState): string {
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
