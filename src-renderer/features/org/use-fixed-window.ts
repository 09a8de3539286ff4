import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface FixedWindow {
  /** First and last row index to render (inclusive); last < first when there is nothing. */
  first: number;
  last: number;
  totalHeight: number;
  scrollToIndex(index: number): void;
}

/**
 * Windowing for rows of one fixed height: the visible range is arithmetic on scrollTop, so a list
 * of 50,000 costs what a list of 50 does — no per-row measurement array, unlike a general
 * virtualizer. `offset` is the height above the first row inside the scroll box (a sticky header).
 */
export function useFixedWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  offset: number,
  overscan = 8,
): FixedWindow {
  // Until the first scroll or ResizeObserver report: a new box is at the top and at most as tall as
  // the window. Reading its size at mount would force a layout of the whole new page inside React's
  // commit; the observer reports it right after the browser's own layout instead.
  const [view, setView] = useState(() => ({ top: 0, height: window.innerHeight }));
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () =>
      setView((cur) =>
        cur.top === el.scrollTop && cur.height === el.clientHeight
          ? cur
          : { top: el.scrollTop, height: el.clientHeight },
      );
    el.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, [scrollRef]);
  const top = Math.max(0, view.top - offset);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + view.height) / rowHeight) + overscan);
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const rowTop = offset + index * rowHeight;
      // Like align 'auto': only scroll when the row is not fully in view below the header.
      if (rowTop - offset < el.scrollTop) el.scrollTop = rowTop - offset;
      else if (rowTop + rowHeight > el.scrollTop + el.clientHeight)
        el.scrollTop = rowTop + rowHeight - el.clientHeight;
    },
    [scrollRef, offset, rowHeight],
  );
  return { first, last, totalHeight: count * rowHeight, scrollToIndex };
}
