import type { OrgState, OrgStore } from '../features/org/org-store';

/**
 * The cache holds nothing for this corp yet (never synced, no departments) and no sync is going or
 * has just failed: a newcomer's first screen should fill itself, not ask for a click on 「同步」.
 */
export function needsFirstSync(s: OrgState): boolean {
  return (
    s.status === 'ready' &&
    s.syncState !== null &&
    s.syncState.lastSyncAt === null &&
    s.syncState.runningJobId === null &&
    (s.tree?.byId.size ?? 0) === 0 &&
    s.sync === null &&
    !s.syncStarting &&
    s.syncError === null
  );
}

/**
 * Reloads the cache's state and, when it is empty, starts the first sync. The start is made in the
 * same store update that shows the empty cache, so the page never paints an empty 「同步」 prompt
 * in between. Resolves once the sync has its job id (or failed to start); whether it started one.
 */
export async function syncIfEmpty(org: OrgStore): Promise<boolean> {
  let starting: Promise<void> | null = null;
  const off = org.subscribe((s) => {
    if (starting === null && needsFirstSync(s)) starting = s.startSync();
  });
  try {
    await org.getState().load();
  } finally {
    off();
  }
  if (starting === null) return false;
  await starting;
  return true;
}
