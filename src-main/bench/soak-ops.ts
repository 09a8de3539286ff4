import { API_OF } from '../wecom/endpoints/contacts-write';
import type { Services } from '../compose';
import { AppError } from '../contract/errors';
import type { Change, ChangeOp, MemberFields } from '../contract/org-edit';
import type { WorkingCopy } from '../services/org-edit/model/working-copy';
import { TAG_PREFIX, USER_PREFIX } from './soak-check';

/** Deterministic PRNG (mulberry32), so a round can be replayed from SOAK_SEED. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<K extends string>(w: Record<K, number>): K {
    const entries = Object.entries(w) as Array<[K, number]>;
    let x = this.next() * entries.reduce((s, [, v]) => s + v, 0);
    for (const [k, v] of entries) if ((x -= v) < 0) return k;
    return entries[entries.length - 1]![0];
  }
}

const POSITIONS = ['护士', '医师', '技师', '干事', '科员', '药师'];
const MAX_DEPTH_BELOW_ROOT = 5;

/** Edits over the soak's corner of the working copy: departments under the test root, soak members and tags. */
export class EditGen {
  private n = 0;
  constructor(
    private readonly r: Rng,
    private readonly rootId: number,
    readonly runId: string,
  ) {}

  private uniq(): number {
    return ++this.n;
  }

  private memberFields(deptId: number, uid: string): MemberFields {
    return {
      name: `压测成员${uid.slice(USER_PREFIX.length)}`,
      alias: '',
      mobile: '',
      email: `${uid}@soak.test`,
      telephone: '',
      position: this.r.pick(POSITIONS),
      gender: '1',
      departments: [{ departmentId: deptId, order: 0, isLeader: false }],
      mainDepartment: deptId,
      directLeader: [],
      enable: true,
    };
  }

  /** One gesture (1–2 ops) over the current working copy. */
  next(wc: WorkingCopy): { label: string; ops: ChangeOp[] } {
    const r = this.r;
    const area = wc.subtree(this.rootId).map((id) => wc.dept(id)!);
    const rootDepth = wc.depth(this.rootId);
    const depts = area.filter((d) => d.id !== this.rootId);
    const members = wc.members().filter((m) => m.userid.toLowerCase().startsWith(USER_PREFIX));
    const tags = wc.tags().filter((t) => t.tagname.startsWith(TAG_PREFIX));
    const leaves = depts.filter((d) => wc.childCount(d.id) === 0 && wc.memberCount(d.id) === 0);
    const kind = r.weighted({
      'dept.create': depts.length < 4 ? 6 : depts.length > 25 ? 0.5 : 2,
      'dept.rename': depts.length ? 1.5 : 0,
      'dept.move': depts.length > 1 ? 1.5 : 0,
      'dept.delete': leaves.length ? (depts.length > 20 ? 4 : 1.5) : 0,
      'member.create': members.length > 30 ? 0.5 : 2,
      'member.update': members.length ? 2 : 0,
      'member.delete': members.length ? (members.length > 25 ? 3 : 1) : 0,
      'tag.create': tags.length > 6 ? 0.2 : 1,
      'tag.add': tags.length && members.length ? 1.5 : 0,
      'tag.remove': tags.some((t) => t.userids.length) ? 0.7 : 0,
      'tag.rename': tags.length ? 0.5 : 0,
      'tag.delete': tags.length ? (tags.length > 5 ? 2 : 0.4) : 0,
    });
    const shallow = area.filter((d) => wc.depth(d.id) - rootDepth < MAX_DEPTH_BELOW_ROOT);
    const uid = () => `${USER_PREFIX}${this.runId}x${this.uniq()}`;
    switch (kind) {
      case 'dept.create': {
        const name = `压测部门${this.runId}-${this.uniq()}`;
        const parentid = r.pick(shallow).id;
        const ops: ChangeOp[] = [{ type: 'dept.create', id: -1, name, parentid, order: r.int(0, 5) }];
        // Half the time a new member goes straight into it: its call must resolve the new id.
        if (r.next() < 0.5) {
          const u = uid();
          ops.push({ type: 'member.create', userid: u, fields: this.memberFields(-1, u) });
        }
        return { label: `新建${name}`, ops };
      }
      case 'dept.rename': {
        const d = r.pick(depts);
        return {
          label: '改名',
          ops: [{ type: 'dept.update', id: d.id, name: `压测部门${this.runId}-${this.uniq()}` }],
        };
      }
      case 'dept.move': {
        const d = r.pick(depts);
        const h = wc.subtreeHeight(d.id);
        const to = shallow.filter(
          (x) =>
            x.id !== d.id &&
            x.id !== d.parentid &&
            !wc.isAncestor(d.id, x.id) &&
            wc.depth(x.id) - rootDepth + h <= MAX_DEPTH_BELOW_ROOT + 1,
        );
        if (!to.length) return this.next(wc);
        return { label: '移动部门', ops: [{ type: 'dept.update', id: d.id, parentid: r.pick(to).id }] };
      }
      case 'dept.delete':
        return { label: '删除部门', ops: [{ type: 'dept.delete', id: r.pick(leaves).id }] };
      case 'member.create': {
        const u = uid();
        return {
          label: '新建成员',
          ops: [{ type: 'member.create', userid: u, fields: this.memberFields(r.pick(area).id, u) }],
        };
      }
      case 'member.update': {
        const m = r.pick(members);
        if (r.next() < 0.5)
          return {
            label: '改职务',
            ops: [
              {
                type: 'member.update',
                userid: m.userid,
                fields: { position: `${r.pick(POSITIONS)}${this.uniq()}` },
              },
            ],
          };
        const d = r.pick(area).id;
        return {
          label: '调科室',
          ops: [
            {
              type: 'member.update',
              userid: m.userid,
              fields: { departments: [{ departmentId: d, order: 0, isLeader: false }], mainDepartment: d },
            },
          ],
        };
      }
      case 'member.delete':
        return { label: '删除成员', ops: [{ type: 'member.delete', userid: r.pick(members).userid }] };
      case 'tag.create': {
        const tagname = `${TAG_PREFIX}${this.runId}-${this.uniq()}`;
        const ops: ChangeOp[] = [{ type: 'tag.create', tagid: -1, tagname }];
        if (members.length && r.next() < 0.6) {
          const who = [...new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(members).userid))];
          ops.push({ type: 'tag.addMembers', tagid: -1, userids: who, departmentIds: [] });
        }
        return { label: '新建标签', ops };
      }
      case 'tag.add': {
        const t = r.pick(tags);
        const has = new Set(t.userids.map((u) => u.toLowerCase()));
        const free = members.filter((m) => !has.has(m.userid.toLowerCase()));
        if (!free.length) return this.next(wc);
        const who = [...new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(free).userid))];
        return {
          label: '标签加人',
          ops: [{ type: 'tag.addMembers', tagid: t.tagid, userids: who, departmentIds: [] }],
        };
      }
      case 'tag.remove': {
        const t = r.pick(tags.filter((x) => x.userids.length));
        return {
          label: '标签减人',
          ops: [
            { type: 'tag.removeMembers', tagid: t.tagid, userids: [r.pick(t.userids)], departmentIds: [] },
          ],
        };
      }
      case 'tag.rename':
        return {
          label: '标签改名',
          ops: [
            {
              type: 'tag.update',
              tagid: r.pick(tags).tagid,
              tagname: `${TAG_PREFIX}${this.runId}-${this.uniq()}`,
            },
          ],
        };
      case 'tag.delete':
        return { label: '删除标签', ops: [{ type: 'tag.delete', tagid: r.pick(tags).tagid }] };
    }
  }
}

/** Stages `count` random gestures through the real editor; ones the editor refuses are counted, not staged. */
export async function stageRandom(
  s: Services,
  gen: EditGen,
  count: number,
): Promise<{ changes: Change[]; refused: string[] }> {
  const changes: Change[] = [];
  const refused: string[] = [];
  for (let i = 0; i < count; i++) {
    const { label, ops } = gen.next(await s.editor.workingCopy());
    try {
      changes.push(await s.editor.stage(label, ops));
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'INVALID_INPUT') throw e;
      refused.push(`${label}: ${e.message}`);
    }
  }
  return { changes, refused };
}

/** The staged op kinds are the outbox's call kinds (invites aside): the wire layer names their APIs. */
const PATHS: Record<ChangeOp['type'], string> = API_OF;

export const WRITE_PATHS = [...new Set(Object.values(PATHS))];

/** The WeCom write APIs a set of ops is expected to call. */
export function writePathsOf(ops: readonly ChangeOp[]): string[] {
  return [...new Set(ops.map((o) => PATHS[o.type]))];
}
