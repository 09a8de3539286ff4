import { createStore } from 'zustand/vanilla';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  text: string;
  kind: 'success' | 'info' | 'error';
  action?: ToastAction | undefined;
}

export interface ToastInput {
  text: string;
  kind?: Toast['kind'];
  /** An inline button (e.g. 撤销); clicking it runs the action and closes the toast. */
  action?: ToastAction;
  /** How long it stays; longer by default when it offers an action. */
  durationMs?: number;
}

/** At most this many at once; an older one makes room for the newest. */
const MAX_SHOWN = 3;

/**
 * The app's light toasts: a plain list in a store, no animation library, so staging a drag and
 * showing 「已记录…」 costs a few DOM nodes (antd's message animation was a measured cost on slow PCs).
 */
export const toastStore = createStore<{ toasts: Toast[] }>()(() => ({ toasts: [] }));

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export function dismissToast(id: number): void {
  const t = timers.get(id);
  if (t) clearTimeout(t);
  timers.delete(id);
  toastStore.setState((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) }));
}

export function showToast(input: ToastInput): number {
  const id = nextId++;
  const toast: Toast = { id, text: input.text, kind: input.kind ?? 'success', action: input.action };
  const shown = toastStore.getState().toasts;
  for (const old of shown.slice(0, Math.max(0, shown.length - MAX_SHOWN + 1))) dismissToast(old.id);
  toastStore.setState((s) => ({ toasts: [...s.toasts, toast] }));
  const ms = input.durationMs ?? (input.action ? 8000 : 4000);
  timers.set(
    id,
    setTimeout(() => dismissToast(id), ms),
  );
  return id;
}

/** For tests: forget every toast and its timer. */
export function clearToasts(): void {
  for (const id of [...timers.keys()]) dismissToast(id);
  toastStore.setState({ toasts: [] });
}
