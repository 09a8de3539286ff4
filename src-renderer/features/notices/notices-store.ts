import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AppErrorShape,
  AttachmentRef,
  NoticeMeta,
  DraftView,
  HeadCountView,
  MessageContent,
  NoticeEntry,
  Recipients,
  SendReportView,
} from '../../../src-main/contract';
import type { Api } from '../../bridge/types';
import { downloadBytes, type DownloadEnv } from '../../lib/download';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the composer edits: a notice that may still be incomplete. */
export interface Compose {
  agentid: number | null;
  title: string;
  content: MessageContent;
  /** files kept in main by content hash; content names them as `att:…` */
  attachments: AttachmentRef[];
  recipients: Recipients;
  safe: 0 | 1;
  /** 发文登记: 发文机关 (its 文号 pattern numbers the notice), 密级, 紧急程度, 拟稿/核稿/签发 */
  meta: NoticeMeta;
}

export const emptyCompose = (agentid: number | null = null): Compose => ({
  agentid,
  title: '',
  content: { type: 'text', content: '' },
  attachments: [],
  recipients: { all: false, userids: [], departmentIds: [], tagIds: [] },
  safe: 0,
  meta: { issuer: '', secrecy: '内部', urgency: '普通', drafter: '', reviewer: '', signer: '' },
});

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface NoticesState {
  draftId: number | null;
  compose: Compose;
  save: SaveState;
  savedAt: string | null;
  headCount: HeadCountView | null;
  drafts: DraftView[];
  register: NoticeEntry[];
  sending: boolean;
  lastSend: SendReportView | null;
  error: AppErrorShape | null;

  /** Any edit: kept in memory at once, saved as a draft after a short pause, the head count refreshed. */
  edit(patch: Partial<Compose>): void;
  /** Saves now (on leaving the page, before sending). */
  flush(): Promise<void>;
  newNotice(agentid: number | null): void;
  openDraft(d: DraftView): void;
  loadLists(): Promise<void>;
  /** Deletes a draft; answers the undo. */
  removeDraft(id: number): Promise<(() => Promise<void>) | null>;
  send(): Promise<SendReportView | null>;
  /** 发文登记 as .xlsx, saved through the download helper; answers the failure, null when saved. */
  exportRegister(env?: DownloadEnv): Promise<AppErrorShape | null>;
  /** 撤回 with the reason; answers the refusal, null when done. */
  recall(id: number, reason: string): Promise<AppErrorShape | null>;
  /** 「撤回并重发」: a new notice in the composer with the recalled one's content, to correct. */
  copyOf(id: number): Promise<AppErrorShape | null>;
}

export type NoticesStore = StoreApi<NoticesState>;

/** Saved within a second of the last keystroke: a crash loses at most that second. */
export const SAVE_DELAY_MS = 600;
const COUNT_DELAY_MS = 300;

function bodyOf(c: Compose) {
  return {
    ...(c.agentid !== null ? { agentid: c.agentid } : {}),
    title: c.title,
    content: c.content,
    attachments: c.attachments,
    recipients: c.recipients,
    safe: c.safe,
    meta: c.meta,
  };
}

// Browsers refuse setTimeout called as a method of another object ("Illegal invocation").
const browserTimers = {
  setTimeout: ((fn: () => void, ms: number) => setTimeout(fn, ms)) as typeof setTimeout,
  clearTimeout: ((id: ReturnType<typeof setTimeout> | undefined) => clearTimeout(id)) as typeof clearTimeout,
};

export function createNoticesStore(api: Api, timers = browserTimers): NoticesStore {
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  const store = createStore<NoticesState>()((set, get) => {
    const saveNow = async (): Promise<void> => {
      const { compose, draftId } = get();
      set({ save: 'saving' });
      const r = await api.call('notices.saveDraft', { id: draftId, body: bodyOf(compose) });
      if (!r.ok) return set({ save: 'error', error: r.error });
      set({
        draftId: r.value.id,
        // a newer edit still waiting keeps the state at 'saving'
        save: saveTimer === undefined ? 'saved' : 'saving',
        savedAt: r.value.updatedAt,
      });
    };
    const count = async (): Promise<void> => {
      const r = await api.call('notices.headCount', { recipients: get().compose.recipients });
      if (r.ok) set({ headCount: r.value });
    };
    return {
      draftId: null,
      compose: emptyCompose(),
      save: 'idle',
      savedAt: null,
      headCount: null,
      drafts: [],
      register: [],
      sending: false,
      lastSend: null,
      error: null,

      edit(patch) {
        set({ compose: { ...get().compose, ...patch }, save: 'saving' });
        timers.clearTimeout(saveTimer);
        // saves run one after another, so a slow one is never overtaken by an older body
        saveTimer = timers.setTimeout(() => {
          saveTimer = undefined;
          saving = saving.then(saveNow);
        }, SAVE_DELAY_MS);
        if (patch.recipients) {
          timers.clearTimeout(countTimer);
          countTimer = timers.setTimeout(() => void count(), COUNT_DELAY_MS);
        }
      },

      async flush() {
        if (saveTimer !== undefined) {
          timers.clearTimeout(saveTimer);
          saveTimer = undefined;
          saving = saving.then(saveNow);
        }
        await saving;
      },

      newNotice(agentid) {
        timers.clearTimeout(saveTimer);
        saveTimer = undefined;
        set({
          draftId: null,
          compose: emptyCompose(agentid),
          save: 'idle',
          savedAt: null,
          headCount: null,
          lastSend: null,
        });
      },

      openDraft(d) {
        timers.clearTimeout(saveTimer);
        saveTimer = undefined;
        const b = d.body;
        set({
          draftId: d.id,
          compose: {
            ...emptyCompose(b.agentid ?? null),
            ...(b.title !== undefined ? { title: b.title } : {}),
            ...(b.content ? { content: b.content } : {}),
            ...(b.attachments ? { attachments: b.attachments } : {}),
            ...(b.meta ? { meta: b.meta } : {}),
            ...(b.recipients ? { recipients: b.recipients } : {}),
            safe: b.safe === 1 ? 1 : 0,
          },
          save: 'saved',
          savedAt: d.updatedAt,
          lastSend: null,
        });
        void count();
      },

      async loadLists() {
        const [d, n] = await Promise.all([api.call('notices.listDrafts', {}), api.call('notices.list', {})]);
        if (!d.ok) return set({ error: d.error });
        if (!n.ok) return set({ error: n.error });
        set({ drafts: d.value.drafts, register: n.value.notices, error: null });
      },

      async removeDraft(id) {
        const r = await api.call('notices.removeDraft', { id });
        if (!r.ok) {
          set({ error: r.error });
          return null;
        }
        if (get().draftId === id) get().newNotice(get().compose.agentid);
        await get().loadLists();
        return async () => {
          await api.call('notices.restoreDraft', { id });
          await get().loadLists();
        };
      },

      async exportRegister(env) {
        const r = await api.call('notices.export', {});
        if (!r.ok) return r.error;
        downloadBytes(r.value.filename, r.value.base64, XLSX_TYPE, env);
        return null;
      },

      async recall(id, reason) {
        const r = await api.call('notices.recall', { id, reason });
        void get().loadLists();
        return r.ok ? null : r.error;
      },

      async copyOf(id) {
        const r = await api.call('notices.get', { id });
        if (!r.ok) return r.error;
        const b = r.value.body;
        get().newNotice(b.agentid);
        get().edit({
          title: b.title,
          content: b.content,
          attachments: b.attachments,
          meta: b.meta,
          recipients: b.recipients,
          safe: b.safe === 1 ? 1 : 0,
        });
        void count();
        return null;
      },

      async send() {
        const { compose } = get();
        if (compose.agentid === null) return null;
        await get().flush();
        set({ sending: true, error: null });
        const r = await api.call('notices.send', {
          ...bodyOf(compose),
          agentid: compose.agentid,
        });
        set({ sending: false });
        if (!r.ok) {
          set({ error: r.error });
          return null;
        }
        set({ lastSend: r.value });
        void get().loadLists();
        return r.value;
      },
    };
  });
  return store;
}
