import { AppError } from '../../contract/errors';
import type { Department, Member, MemberIndexRow, Tag } from '../../contract/org';
import type { Change, ChangeOp, DiffLine } from '../../contract/org-edit';
import type { EditRepo, StagedRow } from '../../db/repos/edit-repo';
import type { OrgRepo } from '../../db/repos/org-repo';
import type { EventBus } from '../../ipc/event-bus';
import type { Logger } from '../../platform/logger';
import { captureBase, evaluateRules, summarize, treeDiff, validateOps, WorkingCopy } from './model';
import type { CacheSnapshot } from './model/types';
import { deptView, indexView, memberView, tagView } from './views';

/**
 * Local-first editing of the org chart: changes are validated against the working copy (cache +
 * staged changes), stored as undo units, and shown everywhere before they are pushed.
 */
export class OrgEditService {
  private baseCache: Promise<CacheSnapshot> | null = null;
  private wcCache: Promise<WorkingCopy> | null = null;
  private indexCache: Promise<MemberIndexRow[]> | null = null;
  private indexViewCache: { wc: WorkingCopy; cached: MemberIndexRow[]; rows: MemberIndexRow[] } | null = null;

  constructor(
    private readonly d: {
      org: OrgRepo;
      edit: EditRepo;
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

  base(): Promise<CacheSnapshot> {
    this.baseCache ??= this.d.org.loadSnapshot().catch((e: unknown) => {
      this.baseCache = null;
      throw e;
    });
    return this.baseCache;
  }

  workingCopy(): Promise<WorkingCopy> {
    this.wcCache ??= (async () => {
      const [base, changes] = await Promise.all([this.base(), this.d.edit.activeChanges()]);
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
    const pending = (await this.d.edit.activeChanges()).length;
    this.d.bus.emit('orgEdit.changed', { pending });
  }

  /** Validates a gesture as a whole, records it with Chinese summaries and the versions it was based on. */
  async stage(label: string, ops: ChangeOp[], opts: { skipRules?: boolean } = {}): Promise<Change> {
    const wc = await this.workingCopy();
    const issues = validateOps(wc, ops);
    if (issues.length) {
      throw new AppError('INVALID_INPUT', issues.map((i) => i.message).join('；'), {
        details: {
          issues: issues.map((i) => ({
            path: `ops.${i.opIndex}${i.path ? `.${i.path}` : ''}`,
            message: i.message,
          })),
        },
      });
    }
    let all = [...ops];
    // Positional groups and rule tags follow title changes within the same undo unit.
    if (!opts.skipRules && ops.some(touchesPositions)) {
      const rules = (await this.d.edit.rules()).filter((r) => r.enabled);
      if (rules.length) {
        const derived = wc.withScratch((s) => {
          for (const op of ops) s.apply(op);
          return evaluateRules(rules, s, this.idAllocator(s)).ops;
        });
        all = all.concat(derived);
      }
    }
    // Each summary describes its op against the state just before it; the scratch rolls back after.
    const summaries = wc.withScratch((s) =>
      all.map((op) => {
        const text = summarize(op, s);
        s.apply(op);
        return text;
      }),
    );
    const base = await this.base();
    const row = await this.d.edit.addChange({
      label: label || summaries[0] || '修改',
      ops: all,
      summaries,
      base: captureBase(base, all),
      at: this.now(),
    });
    await this.changed();
    return publicChange(row);
  }

  /** Negative ids below any in use, for departments and tags the rules create. */
  idAllocator(wc: WorkingCopy): () => number {
    let next =
      Math.min(
        -1,
        ...wc.departments({ includeDeleted: true }).map((x) => x.id),
        ...wc.tags({ includeDeleted: true }).map((t) => t.tagid),
      ) - 1;
    return () => next--;
  }

  async listChanges(): Promise<{ changes: Change[]; canUndo: boolean; canRedo: boolean; diff: DiffLine[] }> {
    const [changes, last, undone, wc, base] = await Promise.all([
      this.d.edit.activeChanges(),
      this.d.edit.lastActiveUnbatched(),
      this.d.edit.firstUndone(),
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
    const last = await this.d.edit.lastActiveUnbatched();
    if (!last) return null;
    await this.d.edit.setUndone(last.id, true);
    await this.changed();
    return last.id;
  }

  async redo(): Promise<number | null> {
    const next = await this.d.edit.firstUndone();
    if (!next) return null;
    const issues = validateOps(await this.workingCopy(), next.ops);
    if (issues.length) {
      throw new AppError('INVALID_INPUT', 'redo no longer applies', {
        details: { issues: [{ path: 'redo', message: `无法重做：${issues[0]!.message}` }] },
      });
    }
    await this.d.edit.setUndone(next.id, false);
    await this.changed();
    return next.id;
  }

  async discard(changeId?: number): Promise<number> {
    let n: number;
    if (changeId !== undefined) {
      const before = (await this.d.edit.activeChanges()).length;
      await this.d.edit.deleteChange(changeId);
      n = before - (await this.d.edit.activeChanges()).length;
    } else {
      n = await this.d.edit.deleteUnbatched();
      const open = await this.d.edit.openBatch();
      if (open !== null) {
        n += (await this.d.edit.activeChanges()).length;
        await this.d.edit.closeBatch(open, this.now(), 'abandoned');
      }
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
    return (await this.d.edit.activeChanges()).filter((c) => c.batchId === null);
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
