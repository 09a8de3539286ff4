import type { OutboxCall } from '../../contract/outbox';
import { definedId } from '../../db/repos/outbox-repo';
import { UnresolvedIdError, resolveCall } from '../outbox/placeholders';

/**
 * Local ids a plan refers to without creating them itself. Placeholders resolve only within their own
 * batch, so such a plan would fail its dependants: it is refused before anything is recorded.
 */
export function undefinedLocalIds(calls: readonly OutboxCall[]): number[] {
  const map = { department: new Map<number, number>(), tag: new Map<number, number>() };
  const missing = new Set<number>();
  for (const c of calls) {
    for (;;) {
      try {
        resolveCall(c, map);
        break;
      } catch (e) {
        if (!(e instanceof UnresolvedIdError)) throw e;
        missing.add(e.localId);
        // Pretend it exists to find every other missing id of the same call.
        map[e.kind].set(e.localId, 0);
      }
    }
    const def = definedId(c);
    if (def) map[def.kind].set(def.localId, 0);
  }
  return [...missing];
}
