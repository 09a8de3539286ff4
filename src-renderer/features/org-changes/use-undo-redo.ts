import { useCallback, useEffect, useRef } from 'react';
import { useChangesStore, useServices } from '../../app/services-context';
import { showToast } from '../../components/toast-store';
import { useReportError } from '../../components/use-report-error';

const isEditingText = (el: EventTarget | null): boolean => {
  const node = el as HTMLElement | null;
  if (!node) return false;
  return node.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(node.tagName);
};

export interface UndoRedo {
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
}

/**
 * Undo/redo of staged changes, for every pair of buttons; each failure is reported once, the same
 * way. With `shortcuts` (one caller only: the header bar) it also owns the global Ctrl+Z and
 * Ctrl+Shift+Z / Ctrl+Y keys; inside text fields the browser's own undo wins.
 */
export function useUndoRedo(options: { shortcuts?: boolean } = {}): UndoRedo {
  const { changes } = useServices();
  const report = useReportError();
  const busy = useChangesStore((s) => s.busy);
  const canUndo = useChangesStore((s) => s.canUndo) && !busy;
  const canRedo = useChangesStore((s) => s.canRedo) && !busy;

  // Read the store at call time: a shortcut may come before the buttons re-render. Each undo and redo
  // says what it did (the change's label), with the way back inline.
  const undo = useCallback(() => {
    const s = changes.getState();
    if (!s.canUndo || s.busy) return;
    const label = s.changes[s.changes.length - 1]?.label;
    void s.undo().then((err) => {
      if (report('撤销', err)) return;
      showToast({
        kind: 'info',
        text: label ? `已撤销：${label}` : '已撤销上一步修改',
        action: { label: '重做', run: () => void redoRef.current() },
      });
    });
  }, [changes, report]);
  const redo = useCallback(() => {
    const s = changes.getState();
    if (!s.canRedo || s.busy) return;
    void s.redo().then((err) => {
      if (report('重做', err)) return;
      const after = changes.getState().changes;
      const label = after[after.length - 1]?.label;
      showToast({
        kind: 'info',
        text: label ? `已重做：${label}` : '已重做上一步修改',
        action: { label: '撤销', run: () => void undoRef.current() },
      });
    });
  }, [changes, report]);
  // The toasts' buttons outlive a render: they call the latest undo/redo.
  const undoRef = useRef(undo);
  const redoRef = useRef(redo);
  undoRef.current = undo;
  redoRef.current = redo;

  const shortcuts = options.shortcuts ?? false;
  useEffect(() => {
    if (!shortcuts) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isEditingText(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts, undo, redo]);

  return { canUndo, canRedo, undo, redo };
}
