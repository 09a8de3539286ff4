import type { TreeInstance } from '@headless-tree/core';
import { useRef } from 'react';
import { findTypeAhead, loadSpeller, TYPEAHEAD_PAUSE_MS } from './dept-typeahead';

/**
 * Letters typed in the tree jump to the next visible department spelled that way (pinyin initials
 * or full pinyin); `reveal` scrolls the hit into view before it takes the focus.
 */
export function useTypeAhead<T extends { name: string }>(
  tree: TreeInstance<T>,
  reveal: (index: number) => void,
): (letter: string) => void {
  const typed = useRef<{ query: string; at: number }>({ query: '', at: 0 });
  return (letter: string) => {
    const now = Date.now();
    const query = (now - typed.current.at < TYPEAHEAD_PAUSE_MS ? typed.current.query : '') + letter;
    typed.current = { query, at: now };
    void loadSpeller().then((spell) => {
      if (typed.current.query !== query) return;
      const list = tree.getItems();
      const focusedId = tree.getFocusedItem()?.getId();
      const from = list.findIndex((i) => i.getId() === focusedId);
      const hit = findTypeAhead(
        list.map((i) => i.getItemData().name),
        from,
        query,
        spell,
      );
      const item = hit < 0 ? undefined : list[hit];
      if (!item) return;
      reveal(hit);
      item.setFocused();
      tree.updateDomFocus();
    });
  };
}
