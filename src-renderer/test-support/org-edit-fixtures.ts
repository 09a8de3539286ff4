import type { Change, ChangeOp, Conflict, OutboxOp } from '../../src-main/contract';

export const change = (id: number, label: string, ops: ChangeOp[] = []): Change => ({
  id,
  label,
  summaries: [label],
  ops,
  createdAt: '2026-03-01T08:30:00.000Z',
});

export const conflict = (changeId: number): Conflict => ({
  changeId,
  entity: 'member',
  key: 'zhangsan',
  title: '张三',
  base: { 职务: '医师' },
  mine: { 职务: '主任' },
  theirs: { 职务: '副主任' },
});

export const outboxOp = (
  id: number,
  status: OutboxOp['status'],
  errorCode: string | null = null,
): OutboxOp => ({
  id,
  batchId: 1,
  seq: id,
  kind: 'member.update',
  summary: `操作 ${id}`,
  status,
  attempts: status === 'pending' ? 0 : 1,
  errorCode,
  errcode: errorCode ? 60104 : null,
  reason: null,
  updatedAt: '2026-03-01T08:30:00.000Z',
});

/**
 * A tiny in-memory orgEdit backend for store tests: a stack of changes with undo/redo, like main.
 */
export function changeBackend() {
  const applied: Change[] = [];
  const undone: Change[] = [];
  let next = 1;
  return {
    applied,
    undone,
    stage(label: string, ops: ChangeOp[]): Change {
      const c = change(next++, label, ops);
      applied.push(c);
      undone.length = 0;
      return c;
    },
    list() {
      return { changes: [...applied], canUndo: applied.length > 0, canRedo: undone.length > 0, diff: [] };
    },
    undo(): number | null {
      const c = applied.pop();
      if (!c) return null;
      undone.push(c);
      return c.id;
    },
    redo(): number | null {
      const c = undone.pop();
      if (!c) return null;
      applied.push(c);
      return c.id;
    },
    discard(id?: number): number {
      if (id === undefined) {
        const n = applied.length;
        applied.length = 0;
        return n;
      }
      const i = applied.findIndex((c) => c.id === id);
      if (i < 0) return 0;
      applied.splice(i, 1);
      return 1;
    },
  };
}
