import { randomUUID } from 'node:crypto';

/**
 * Names each member index the editor hands out. The editor returns the very same array while
 * neither the cache nor any staged member edit changed, so the array's identity is its version;
 * the boot id keeps a revision from an earlier run (or another corp's cache) from ever matching.
 */
export class IndexRevisions {
  private readonly boot = randomUUID().slice(0, 8);
  private readonly ids = new WeakMap<object, string>();
  private next = 1;

  of(rows: object): string {
    let id = this.ids.get(rows);
    if (id === undefined) {
      id = `${this.boot}-${this.next++}`;
      this.ids.set(rows, id);
    }
    return id;
  }
}
