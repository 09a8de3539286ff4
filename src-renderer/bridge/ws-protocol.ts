import type { Result } from '../../src-main/contract';

/** Browser host wire format (src-main/devhost speaks the other side). */
export interface WsCallMessage {
  t: 'call';
  id: number;
  method: string;
  input: unknown;
}

export interface WsResultMessage {
  t: 'result';
  id: number;
  result: Result<unknown>;
}

export interface WsEventMessage {
  t: 'event';
  name: string;
  payload: unknown;
}

export type WsServerMessage = WsResultMessage | WsEventMessage;

/** Shape check only: the payloads are trusted (main validated them), the framing is not. */
export function parseServerMessage(raw: unknown): WsServerMessage | null {
  if (typeof raw !== 'string') return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.t === 'result' && typeof m.id === 'number' && typeof m.result === 'object' && m.result !== null) {
    return { t: 'result', id: m.id, result: m.result as Result<unknown> };
  }
  if (m.t === 'event' && typeof m.name === 'string') {
    return { t: 'event', name: m.name, payload: m.payload };
  }
  return null;
}
