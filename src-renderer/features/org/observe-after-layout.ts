import type { Rect, Virtualizer } from '@tanstack/react-virtual';

/**
 * The scroll box's size for the tree's virtualizer, read only when a ResizeObserver reports it —
 * after the browser's own layout. The library's default also reads it at once while the tree
 * mounts, which forces a layout of the whole freshly rendered page inside React's commit: one
 * long task instead of two shorter ones. Until the first report the box is taken to be as tall as
 * the window (a few rows too many for one frame, never too few).
 */
export function observeRectAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const el = instance.scrollElement;
  if (!el || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(() => {
    const r = el.getBoundingClientRect();
    cb({ width: Math.round(r.width), height: Math.round(r.height) });
  });
  observer.observe(el, { box: 'content-box' });
  return () => observer.disconnect();
}

/** Before the first report: the window's height, which needs no layout to read. */
export function windowRect(): Rect {
  return { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight };
}
