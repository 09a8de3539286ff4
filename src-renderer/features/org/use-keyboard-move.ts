import { AssistiveDndState, type TreeInstance } from '@headless-tree/core';
import { useEffect, useRef } from 'react';
import type { DropHint } from './use-drop-hint';

/**
 * A keyboard move (Ctrl+Shift+D) is a mode: true from its start until Enter or Esc ends it, for the
 * banner that says so. The place hint goes when the mode ends, so nothing stale stays under the tree.
 */
export function useKeyboardMoveMode<T>(
  tree: TreeInstance<T>,
  showHint: (hint: DropHint | null) => void,
): boolean {
  const assistive = tree.getState().assistiveDndState;
  const moving = assistive === AssistiveDndState.Started || assistive === AssistiveDndState.Dragging;
  const was = useRef(false);
  useEffect(() => {
    if (was.current && !moving) showHint(null);
    was.current = moving;
  }, [moving, showHint]);
  return moving;
}
