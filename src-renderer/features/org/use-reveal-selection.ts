import { useEffect, useRef } from 'react';

interface Scroller {
  scrollToIndex(index: number, options: { align: 'auto' }): void;
}

/**
 * Brings a department chosen elsewhere (a search hit, a reload) into the tree's view, only when the
 * selection changes. On mount it waits until the browser has laid the page out: scrolling at once
 * would force that layout inside the commit and make the page switch one long task.
 */
export function useRevealSelection(
  selectedId: number | null,
  items: ReadonlyArray<{ getItemData(): { id: number } }>,
  virtualizer: Scroller,
): void {
  const shown = useRef<number | null>(null);
  useEffect(() => {
    if (selectedId === shown.current) return;
    const index = items.findIndex((item) => item.getItemData().id === selectedId);
    if (index < 0) return;
    const mounting = shown.current === null;
    shown.current = selectedId;
    if (!mounting) {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => virtualizer.scrollToIndex(index, { align: 'auto' }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [selectedId, items, virtualizer]);
}
