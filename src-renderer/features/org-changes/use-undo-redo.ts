import { useCallback, useEffect } from 'react';
import { useChangesStore, useServices } from '../../app/services-context';
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

  // Read the store at call time: a shortcut may come before the buttons re-render.
  const undo = useCallback(() => {
    const s = changes.getState();
    if (s.canUndo && !s.busy) void s.undo().then((err) => report('撤销', err));
  }, [changes, report]);
  const redo = useCallback(() => {
    const s = changes.getState();
    if (s.canRedo && !s.busy) void s.redo().then((err) => report('重做', err));
  }, [changes, report]);

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
