import { wireOf, type WriteApi } from '../../../wecom/endpoints/contacts-write';
import { planCalls as planDomainCalls, type PlannedCall } from './plan';
import type { CacheSnapshot } from '../../../domain/org-cache';
import type { ChangeOp } from '../../../contract/org-edit';

/** A planned call as the wire sees it, for tests that replay plans against a strict WeCom model. */
export interface WirePlanned extends PlannedCall {
  api: WriteApi;
  body: Record<string, unknown>;
  defines?: { kind: 'department' | 'tag'; localId: number };
}

export function toWire(c: PlannedCall): WirePlanned {
  const w = wireOf(c.call);
  const call = c.call;
  // Deletes travel in the query string; tests read their id as a body field of the right type.
  const body =
    call.kind === 'dept.delete'
      ? { id: call.id }
      : call.kind === 'member.delete'
        ? { userid: call.userid }
        : call.kind === 'tag.delete'
          ? { tagid: call.tagid }
          : (w.body ?? {});
  const defines =
    call.kind === 'dept.create'
      ? { kind: 'department' as const, localId: call.localId }
      : call.kind === 'tag.create'
        ? { kind: 'tag' as const, localId: call.localId }
        : undefined;
  return { ...c, api: w.api, body, ...(defines ? { defines } : {}) };
}

/** planCalls, seen through the wire layer. */
export function planCalls(base: CacheSnapshot, ops: readonly ChangeOp[]): WirePlanned[] {
  return planDomainCalls(base, ops).map(toWire);
}
