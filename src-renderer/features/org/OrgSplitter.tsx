import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

export const TREE_MIN_WIDTH = 220;
const TREE_DEFAULT_WIDTH = 300;
/** The member table keeps at least this much (its columns' minimums and a border); the tree gives way first. */
export const TABLE_MIN_WIDTH = 590;
const STORAGE_KEY = 'zhb.org.treeWidth';
const STEP = 16;

function storedWidth(): number {
  const n = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
  return Number.isFinite(n) && n >= TREE_MIN_WIDTH ? n : TREE_DEFAULT_WIDTH;
}

/** Clamped to what the split can hold: the tree at least its minimum, the table at least its own. */
export function clampTreeWidth(width: number, splitWidth: number): number {
  const max = Math.max(TREE_MIN_WIDTH, splitWidth - TABLE_MIN_WIDTH);
  return Math.round(Math.min(max, Math.max(TREE_MIN_WIDTH, width)));
}

/**
 * The tree's width, set by dragging the bar between tree and table (or ←/→ on it), remembered on
 * this computer. The split's own width bounds it, so a narrow window never hides the table.
 */
export function useTreeWidth() {
  const [width, setWidth] = useState(storedWidth);
  // The split mounts after the data arrives: a callback ref sees it come and go.
  const [split, setSplit] = useState<HTMLElement | null>(null);
  const splitWidth = useCallback(() => split?.getBoundingClientRect().width ?? 1024, [split]);
  const set = useCallback(
    (w: number) => {
      const next = clampTreeWidth(w, splitWidth());
      setWidth(next);
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, String(next));
      } catch {
        // Private mode or a full disk: the width is only a preference.
      }
    },
    [splitWidth],
  );
  // A smaller window pulls a wide tree back so the table keeps its minimum.
  useEffect(() => {
    if (!split) return;
    const fit = () => setWidth((w) => clampTreeWidth(w, split.getBoundingClientRect().width));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(split);
    return () => observer.disconnect();
  }, [split]);
  return { width, set, splitWidth, splitRef: setSplit };
}

export function OrgSplitter({
  width,
  onResize,
  maxWidth,
}: {
  width: number;
  onResize: (width: number) => void;
  maxWidth: () => number;
}) {
  const drag = useRef<{ x: number; w: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, w: width };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(drag.current.w + e.clientX - drag.current.x);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const delta = e.key === 'ArrowLeft' ? -STEP : e.key === 'ArrowRight' ? STEP : 0;
    if (e.key === 'Home') onResize(TREE_MIN_WIDTH);
    else if (e.key === 'End') onResize(maxWidth());
    else if (delta !== 0) onResize(width + delta);
    else return;
    e.preventDefault();
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="调整部门树宽度"
      aria-valuemin={TREE_MIN_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      title="拖动调整部门树宽度（也可用 ←/→）"
      className="org-splitter"
      data-testid="org-splitter"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
