import { AppError } from '../../contract/errors';
import type { Department, Member, MemberIndexRow, Tag } from '../../contract/org';
import type { Change, ChangeOp, DiffLine } from '../../contract/org-edit';
import type { ChangesRepo, StagedRow } from '../../db/repos/changes-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { RulesRepo } from '../../db/repos/rules-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { EventBus } from '../../ipc/event-bus';
import type { Logger } from '../../platform/logger';
import type { JobRunner } from '../jobs/job-runner';
import type { CorpContext } from '../settings/corp-context';
import { freshenLocalIds, lowestLocalId } from './model/local-ids';
import {
  captureBase,
  evaluateRules,
  summarizeAll,
  treeDiff,
  validateOps,
  wireIssues,
  WorkingCopy,
} from './model';
import type { CacheSnapshot } from '../../domain/org-cache';
import { deptView, indexView, memberView, tagView } from './views';

/**
 * Local-first editing of the org chart: changes are validated against the working copy (cache +
 * staged changes), stored as undo units, and shown everywhere before they are pushed.
 */
export class OrgEditService {
  /** The corp the caches below were built for; a different current corp drops them. */
  private cachedFor: string | null = null;
  private baseCache: Promise<CacheSnapshot> | null = null;
  private wcCache: Promise<WorkingCopy> | null = null;
  private indexCache: Promise<MemberIndexRow[]> | null = null;
  private indexViewCache: { wc: WorkingCopy; cached: MemberIndexRow[]; rows: MemberIndexRow[] } | null = null;

  constructor(
    private readonly d: {
      org: OrgRepo;
      changes: ChangesRepo;
      outbox: OutboxRepo;
      rules: RulesRepo;
      corp: CorpContext;
      jobs: JobRunner;
      bus: EventBus;
      logger: Logger;
      now?: () => Date;
    },
  ) {
    d.bus.listen((name) => {
      if (name === 'org.cacheChanged') this.invalidate(true);
    });
  }

  now(): string {
    return (this.d.now?.() ?? new Date()).toISOString();
  }

  invalidate(cacheToo: boolean): void {
    if (cacheToo) {
      this.baseCache = null;
      this.indexCache = null;
    }
    this.wcCache = null;
  }

  /** The current corp; every read and write below is scoped to it. */
  async corpId(): Promise<string> {
    const id = await this.d.corp.currentCorpId();
    if (id !== this.cachedFor) {
      this.invalidate(true);
      this.cachedFor = id;
    }
    return id;
  }

  /** Whether the cache holds the current corp's WeCom state (a sync of it has completed). */
  async synced(): Promise<boolean> {
    return (await this.d.org.cacheCorp()) === (await this.corpId());
  }

  async requireSynced(): Promise<string> {
    const corpId = await this.corpId();
    if ((await this.d.org.cacheCorp()) !== corpId) {
      throw new AppError('NOT_SYNCED', `the cache does not hold corp ${corpId} yet`, { details: { corpId } });
    }
    return corpId;
  }

  async base(): Promise<CacheSnapshot> {
    await this.corpId();
    this.baseCache ??= (async () =>
      (await this.synced()) ? this.d.org.loadSnapshot() : { departments: [], members: [], tags: [] })().catch(
      (e: unknown) => {
        this.baseCache = null;
        throw e;
      },
    );
    return this.baseCache;
  }

  async workingCopy(): Promise<WorkingCopy> {
    const corpId = await this.corpId();
    this.wcCache ??= (async () => {
      const [base, changes] = await Promise.all([this.base(), this.d.changes.active(corpId)]);
      return WorkingCopy.build(
        base,
        changes.flatMap((c) => c.ops),
      );
    })().catch((e: unknown) => {
      this.wcCache = null;
      throw e;
    });
    return this.wcCache;
  }

  private async changed(): Promise<void> {
    this.invalidate(false);
    const pending = (await this.d.changes.active(await this.corpId())).length;
    this.d.bus.emit('orgEdit.changed', { pending });
  }

  /** Validates a gesture as a whole, records it with Chinese summaries and the versions it was based on. */
  async stage(label: string, given: ChangeOp[], opts: { skipRules?: boolean } = {}): Promise<Change> {
    const corpId = await this.requireSynced();
    const wc = await this.workingCopy();
    // Local ids are never reused: a new create gets an id below any this corp ever handed out.
    const ops = freshenLocalIds(given, wc, await this.d.changes.localIdFloor(corpId));
    const issues = validateOps(wc, ops);
    if (issues.length) {
      throw AppError.invalid(issues.map((i) => i.message).join('；'), wireIssues(issues));
    }
    let all = [...ops];
    // Positional groups and rule tags follow title changes within the same undo unit.
    if (!opts.skipRules && ops.some(touchesPositions)) {
      const rules = (await this.d.rules.list(corpId)).filter((r) => r.enabled);
      if (rules.length) {
        const alloc = await this.idAllocator(wc, ops);
        const derived = wc.withScratch((s) => {
          for (const op of ops) s.apply(op);
          return evaluateRules(rules, s, alloc).ops;
        });
        all = all.concat(derived);
      }
    }
    // Each summary describes its op against the state just before it.
    const summaries = summarizeAll(all, wc);
    const base = await this.base();
    const low = lowestLocalId(all);
    if (low < 0) await this.d.changes.lowerLocalIdFloor(corpId, low);
    const row = await this.d.changes.addChange(corpId, {
      label: label || summaries[0] || '修改',
      ops: all,
      summaries,
      base: captureBase(base, all),
      at: this.now(),
    });
    await this.changed();
    return publicChange(row);
  }

  /** Negative ids below any this corp ever used (and any in `extra`), for what the rules create. */
  async idAllocator(wc: WorkingCopy, extra: readonly ChangeOp[] = []): Promise<() => number> {
    const floor = await this.d.changes.localIdFloor(await this.corpId());
    let next =
      Math.min(
        -1,
        floor,
        lowestLocalId(extra),
        ...wc.departments({ includeDeleted: true }).map((x) => x.id),
        ...wc.tags({ includeDeleted: true }).map((t) => t.tagid),
      ) - 1;
    return () => next--;
  }

  async listChanges(): Promise<{ changes: Change[]; canUndo: boolean; canRedo: boolean; diff: DiffLine[] }> {
    const corpId = await this.corpId();
    const [changes, last, undone, wc, base] = await Promise.all([
      this.d.changes.active(corpId),
      this.d.changes.lastActiveUnbatched(corpId),
      this.d.changes.firstUndone(corpId),
      this.workingCopy(),
      this.base(),
    ]);
    return {
      changes: changes.map(publicChange),
      canUndo: last !== null,
      canRedo: undone !== null,
      diff: treeDiff(base, wc),
    };
  }

  async undo(): Promise<number | null> {
    const corpId = await this.corpId();
    const last = await this.d.changes.lastActiveUnbatched(corpId);
    if (!last) return null;
    await this.d.changes.setUndone(corpId, last.id, true);
    await this.changed();
    return last.id;
  }

  async redo(): Promise<number | null> {
    const corpId = await this.corpId();
    const next = await this.d.changes.firstUndone(corpId);
    if (!next) return null;
    const issues = validateOps(await this.workingCopy(), next.ops);
    if (issues.length) {
      throw new AppError('INVALID_INPUT', 'redo no longer applies', {
        details: { issues: [{ path: 'redo', message: `无法重做：${issues[0]!.message}` }] },
      });
    }
    await this.d.changes.setUndone(corpId, next.id, false);
    await this.changed();
    return next.id;
  }

  async discard(changeId?: number): Promise<number> {
    const pushing = this.d.jobs.runningOf('org.push');
    if (pushing) {
      // The push is sending these very changes; discarding them now would orphan what it sends.
      throw new AppError('JOB_RUNNING', 'discard refused while a push runs', {
        details: { jobId: pushing, kind: 'org.push' },
      });
    }
    const corpId = await this.corpId();
    let n: number;
    if (changeId !== undefined) {
      n = await this.d.changes.deleteChange(corpId, changeId);
    } else {
      n = await this.d.changes.deleteUnbatched(corpId);
      // Batches with nothing in flight are given up too; a call whose outcome is unknown is not.
      for (const b of await this.d.outbox.openBatches(corpId, 'contacts'))
        n += await this.d.outbox.abandon(b, this.now());
    }
    await this.changed();
    return n;
  }

  // --- reads (the working copy) ---

  async tree(): Promise<Department[]> {
    return deptView(await this.workingCopy());
  }

  async members(departmentId: number): Promise<Member[]> {
    const wc = await this.workingCopy();
    return wc.membersOf(departmentId, { includeDeleted: true }).map((m) => memberView(wc, m));
  }

  async member(userid: string): Promise<Member | null> {
    const wc = await this.workingCopy();
    const m = wc.member(userid, { includeDeleted: true });
    return m ? memberView(wc, m) : null;
  }

  /** Computed once per working copy: the renderer fetches the index in pages, one call each. */
  async memberIndex(): Promise<MemberIndexRow[]> {
    this.indexCache ??= this.d.org.memberIndex();
    const [cached, wc] = await Promise.all([this.indexCache, this.workingCopy()]);
    if (this.indexViewCache?.wc !== wc || this.indexViewCache.cached !== cached) {
      this.indexViewCache = { wc, cached, rows: indexView(cached, wc) };
    }
    return this.indexViewCache.rows;
  }

  async tags(): Promise<Tag[]> {
    return tagView(await this.workingCopy());
  }

  async tagMembers(
    tagid: number,
  ): Promise<{ members: Array<{ userid: string; name: string }>; departmentIds: number[] }> {
    const wc = await this.workingCopy();
    const t = wc.tag(tagid);
    if (!t) throw new AppError('NOT_FOUND', `tag ${tagid}`);
    return {
      members: t.userids.map((u) => ({ userid: wc.member(u)?.userid ?? u, name: wc.member(u)?.name ?? u })),
      departmentIds: [...t.departmentIds],
    };
  }

  async findDuplicates(q: {
    name?: string | undefined;
    mobile?: string | undefined;
    excludeUserid?: string | undefined;
  }) {
    const wc = await this.workingCopy();
    const skip = q.excludeUserid?.toLowerCase();
    const view = (ms: ReturnType<WorkingCopy['members']>) =>
      ms
        .filter((m) => m.userid.toLowerCase() !== skip)
        .slice(0, 20)
        .map((m) => ({
          userid: m.userid,
          name: m.name,
          departments: m.departments
            .map((l) => wc.dept(l.departmentId)?.name ?? String(l.departmentId))
            .join('、'),
        }));
    return {
      byName: q.name?.trim() ? view(wc.membersByName(q.name.trim())) : [],
      byMobile: q.mobile?.trim() ? view(wc.membersByMobile(q.mobile.trim())) : [],
    };
  }

  /** For the push: the staged changes not yet in a batch. */
  async unbatched(): Promise<StagedRow[]> {
    return (await this.d.changes.active(await this.corpId())).filter((c) => c.batchId === null);
  }

  async notifyChanged(): Promise<void> {
    await this.changed();
  }
}

function touchesPositions(op: ChangeOp): boolean {
  return (
    op.type === 'member.create' ||
    (op.type === 'member.update' && (op.fields.position !== undefined || op.fields.departments !== undefined))
  );
}

function publicChange(r: StagedRow | Change): Change {
  return { id: r.id, label: r.label, summaries: r.summaries, ops: r.ops, createdAt: r.createdAt };
}
