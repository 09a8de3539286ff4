import { useCallback, useState } from 'react';

/** localStorage key: the clerk's choice survives restarts (the window keeps its width too). */
export const SIDER_KEY = 'zhb.sider.collapsed';

function readCollapsed(): boolean {
  try {
    return globalThis.localStorage?.getItem(SIDER_KEY) === '1';
  } catch {
    // Storage can be disabled (a locked-down profile): fall back to the expanded sidebar.
    return false;
  }
}

/** Whether the sidebar is collapsed to its icons, remembered across page switches and restarts. */
export function useSiderCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setState] = useState(readCollapsed);
  const set = useCallback((next: boolean) => {
    setState(next);
    try {
      globalThis.localStorage?.setItem(SIDER_KEY, next ? '1' : '0');
    } catch {
      // Not remembered then; the sidebar still follows the click.
    }
  }, []);
  return [collapsed, set];
}
