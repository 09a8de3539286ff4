import type { AppErrorShape, OutboxOp, PushPhase } from '../../../src-main/contract';

/** One bar per step: how far each phase got in the current run. */
export type PhaseBars = Partial<Record<PushPhase, { done: number; total: number }>>;

const ORDER: PushPhase[] = ['settle', 'pull', 'conflicts', 'apply', 'refresh'];

/**
 * A progress tick moves its own bar; every step before it is then complete (a phase with no work,
 * such as pulling nothing, still shows as done once a later one starts).
 */
export function trackPhase(bars: PhaseBars, phase: string, done: number, total: number): PhaseBars {
  const at = ORDER.indexOf(phase as PushPhase);
  if (at < 0) return bars;
  const next: PhaseBars = { ...bars, [phase]: { done, total } };
  for (const p of ORDER.slice(1, at)) {
    const b = next[p];
    next[p] = b && b.total > 0 ? { done: b.total, total: b.total } : { done: 1, total: 1 };
  }
  return next;
}

/**
 * What the run ended with, counted over its own rows only:
 * success 全部成功; partial some done and some refused or unconfirmed; refused nothing done, calls
 * refused; failed it stopped before writing (network, not synced…); paused conflicts to settle.
 */
export interface PushOutcome {
  kind: 'success' | 'partial' | 'refused' | 'failed' | 'paused';
  done: number;
  failed: number;
  /** Sent but not confirmed (the network dropped): read back at the next push. */
  pending: number;
  error: AppErrorShape | null;
}

/** Rows of this run: its batches, plus any row still open (refused earlier and not settled). */
export function runOps(ops: OutboxOp[], lastRunBatchIds: number[] | null | undefined): OutboxOp[] {
  if (!lastRunBatchIds) return ops;
  const mine = new Set(lastRunBatchIds);
  return ops.filter((o) => mine.has(o.batchId) || o.status === 'failed' || o.status === 'pending');
}

export function outcomeOf(error: AppErrorShape | null, ops: OutboxOp[]): PushOutcome {
  const n = (s: OutboxOp['status'][]) => ops.filter((o) => s.includes(o.status)).length;
  const done = n(['done']);
  const failed = n(['failed']);
  const pending = n(['pending', 'sending']);
  const base = { done, failed, pending, error };
  if (!error) return { kind: 'success', ...base };
  if (error.code === 'CONFLICTS') return { kind: 'paused', ...base };
  if (done > 0 && failed + pending > 0) return { kind: 'partial', ...base };
  if (failed > 0) return { kind: 'refused', ...base };
  return { kind: 'failed', ...base };
}

/** The dialog's headline: says what happened, with the counts. */
export function outcomeHeadline(o: PushOutcome): string {
  switch (o.kind) {
    case 'success':
      return o.done > 0 ? `全部成功：${o.done} 项已写入企业微信` : '全部成功：没有需要写入的内容';
    case 'partial': {
      const parts = [`${o.done} 项成功`];
      if (o.failed > 0) parts.push(`${o.failed} 项失败`);
      if (o.pending > 0) parts.push(`${o.pending} 项待确认`);
      return `部分成功：${parts.join('，')}`;
    }
    case 'refused':
      return `未能推送：${o.failed} 项都被企业微信拒绝`;
    case 'paused':
      return '推送已暂停：企业微信中有人同时修改了相同的内容';
    case 'failed':
      return '未能推送';
  }
}
