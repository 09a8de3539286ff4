import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services-context';

/** How long the visible window must rest before its missing fields are read (fast scrolling reads nothing). */
const SETTLE_MS = 120;

/**
 * 手机 for rows that come from the search index (which has no phone numbers): read for the visible
 * rows only, once each, after scrolling stops.
 */
export function useMobiles(version: unknown): {
  mobiles: ReadonlyMap<string, string>;
  want: (userids: string[]) => void;
} {
  const { api } = useServices();
  const [mobiles, setMobiles] = useState<ReadonlyMap<string, string>>(new Map());
  const asked = useRef(new Set<string>());
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // A reload (sync, staged edit) may have changed numbers: read them again.
  useEffect(() => {
    asked.current = new Set();
    setMobiles((cur) => (cur.size === 0 ? cur : new Map()));
  }, [version]);
  const want = useCallback(
    (userids: string[]) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        const missing = userids.filter((u) => !asked.current.has(u));
        if (missing.length === 0) return;
        for (const u of missing) asked.current.add(u);
        void Promise.all(missing.map((userid) => api.call('org.getMember', { userid }))).then((results) => {
          const found: Array<[string, string]> = [];
          results.forEach((res, i) => {
            if (res.ok && res.value.member) found.push([missing[i]!, res.value.member.mobile]);
          });
          if (found.length > 0) setMobiles((cur) => new Map([...cur, ...found]));
        });
      }, SETTLE_MS);
    },
    [api],
  );
  return { mobiles, want };
}
