import type { ChangeOp } from '../../contract/org-edit';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { IdMap } from '../../db/repos/outbox-repo';
import type { EventBus } from '../../ipc/event-bus';
import type { WecomHttp } from '../../wecom/http-client';
import type { Credential } from '../../wecom/token-provider';
import type { JobContext } from '../jobs/job-runner';
import { pullOrg, pullTouched } from '../org/sync';
import type { OrgEditService } from './org-edit-service';

/** Past this many members, one list call per department is cheaper than one get per member. */
const FULL_PULL_ABOVE = 3000;

/**
 * Re-reads from WeCom what the ops touch (plus the department tree), so conflicts are judged and the
 * result is shown against WeCom's current state without re-reading the whole corp. Tags created by a
 * batch are found through that batch's id map.
 */
export async function refreshTouched(
  d: { org: OrgRepo; editor: OrgEditService; bus: EventBus },
  http: WecomHttp,
  cred: Credential,
  fallback: Credential | null,
  ctx: JobContext,
  ops: readonly ChangeOp[],
  ids?: IdMap,
): Promise<void> {
  const userids = new Set<string>();
  const tagids = new Set<number>();
  for (const op of ops) {
    if (op.type === 'member.create' || op.type === 'member.update' || op.type === 'member.delete')
      userids.add(op.userid);
    if ('tagid' in op) {
      const id = op.tagid < 0 ? ids?.tag.get(op.tagid) : op.tagid;
      if (id !== undefined) tagids.add(id);
    }
  }
  const known = await d.org.pinyinByName();
  if (userids.size > FULL_PULL_ABOVE) {
    const sub: JobContext = {
      signal: ctx.signal,
      progress: (_p, done, total) => ctx.progress('pull', done, total),
    };
    const { snapshot } = await pullOrg(http, cred, fallback, sub, known);
    await d.org.replaceAll(snapshot);
  } else {
    const part = await pullTouched(
      http,
      cred,
      fallback,
      ctx,
      { userids: [...userids], tagids: [...tagids] },
      known,
    );
    await d.org.applyPartial(part);
  }
  d.editor.invalidate(true);
  d.bus.emit('org.cacheChanged', { at: new Date().toISOString() });
}
