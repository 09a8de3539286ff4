import type { NoticeEntry } from '../../contract/notices';
import type { NoticeRow } from '../../db/repos/notices-repo';

/** A register row as the renderer and the CLI see it (no corp, fingerprint or body). */
export function entry(r: NoticeRow): NoticeEntry {
  const { corpId: _c, fingerprint: _f, content: _x, recipients: _r, meta: _m, scheduledAt: _s, ...e } = r;
  return e;
}
