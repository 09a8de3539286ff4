import type { CDept, CMember, CTag, Pending } from '../../../../domain/org-cache';

/** Multi-valued index whose buckets are tiny (a mobile or a name rarely maps to more than a few keys). */
export class MultiIndex<K, V> {
  private readonly m = new Map<K, V[]>();
  add(k: K, v: V): void {
    const b = this.m.get(k);
    if (b) b.push(v);
    else this.m.set(k, [v]);
  }
  remove(k: K, v: V): void {
    const b = this.m.get(k);
    if (!b) return;
    const i = b.indexOf(v);
    if (i >= 0) b.splice(i, 1);
    if (b.length === 0) this.m.delete(k);
  }
  get(k: K): readonly V[] {
    return this.m.get(k) ?? [];
  }
}

/** Called when a value enters or leaves a store, so the working copy's indexes follow. */
export interface StoreHooks<V> {
  onAdd: (v: V) => void;
  onRemove: (v: V) => void;
}

/** One entity kind: current values, deleted marks, and the base value of every key ever touched. */
export class Store<K, V> {
  readonly cur = new Map<K, V>();
  readonly deleted = new Set<K>();
  /** Base value (null = did not exist) captured at first touch: untouched keys still equal the base. */
  readonly touched = new Map<K, V | null>();
  constructor(private readonly hooks: StoreHooks<V>) {}
  setRaw(key: K, next: V | undefined, deleted: boolean): void {
    const prev = this.cur.get(key);
    if (prev !== undefined) this.hooks.onRemove(prev);
    if (next === undefined) this.cur.delete(key);
    else {
      this.cur.set(key, next);
      this.hooks.onAdd(next);
    }
    if (deleted) this.deleted.add(key);
    else this.deleted.delete(key);
  }
  base(key: K): V | null {
    return this.touched.has(key) ? (this.touched.get(key) ?? null) : (this.cur.get(key) ?? null);
  }
  /** The current value unless it is marked deleted. */
  live(key: K): V | undefined {
    return this.deleted.has(key) ? undefined : this.cur.get(key);
  }
}

/**
 * The three entity stores and the undo journal. Every change goes through put(), which records the
 * base at first touch and, inside a scratch, how to roll the change back.
 */
export class Stores {
  readonly depts: Store<number, CDept>;
  readonly mems: Store<string, CMember>;
  readonly tags: Store<number, CTag>;
  /** Undo log while inside a scratch; null otherwise so normal applies cost nothing extra. */
  journal: Array<() => void> | null = null;

  constructor(hooks: { dept: StoreHooks<CDept>; member: StoreHooks<CMember>; tag: StoreHooks<CTag> }) {
    this.depts = new Store(hooks.dept);
    this.mems = new Store(hooks.member);
    this.tags = new Store(hooks.tag);
  }

  put<K, V>(store: Store<K, V>, key: K, next: V | undefined, deleted: boolean): void {
    const prev = store.cur.get(key);
    const prevDeleted = store.deleted.has(key);
    const hadTouch = store.touched.has(key);
    if (!hadTouch) store.touched.set(key, prev ?? null);
    if (this.journal)
      this.journal.push(() => {
        store.setRaw(key, prev, prevDeleted);
        if (!hadTouch) store.touched.delete(key);
      });
    store.setRaw(key, next, deleted);
  }
}

/** How the entity differs from the cache: what the tree shows as a pending badge. */
export function pendingIn<K, V>(s: Store<K, V>, key: K, same: (a: V, b: V) => boolean): Pending {
  if (!s.touched.has(key)) return null;
  if (s.deleted.has(key)) return 'deleted';
  const cur = s.cur.get(key);
  const base = s.touched.get(key) ?? null;
  if (cur === undefined) return null;
  if (base === null) return 'created';
  return same(base, cur) ? null : 'updated';
}
