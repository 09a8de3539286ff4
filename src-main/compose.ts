import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from './db/connection';
import { OrgRepo } from './db/repos/org-repo';
import { SettingsRepo } from './db/repos/settings-repo';
import { SyncRunsRepo } from './db/repos/sync-runs-repo';
import { AuditRepo } from './db/repos/audit-repo';
import { ChangesRepo } from './db/repos/changes-repo';
import { OutboxRepo } from './db/repos/outbox-repo';
import { RulesRepo } from './db/repos/rules-repo';
import { OutboxService } from './services/outbox/outbox-service';
import { contactsSource } from './services/outbox/contacts-source';
import { noticesSource } from './services/outbox/notices-source';
import { routeCalls } from './services/outbox/route';
import { NoticesRepo } from './db/repos/notices-repo';
import { AttachmentStore } from './services/notices/attachment-store';
import { NoticeService } from './services/notices/notice-service';
import { DraftService } from './services/notices/draft-service';
import { NoticeDraftsRepo } from './db/repos/notice-drafts-repo';
import { ActivationService } from './services/org-edit/activation-service';
import { AuditService } from './services/audit/audit-service';
import { OrgEditService } from './services/org-edit/org-edit-service';
import { PushService } from './services/org-edit/push-service';
import { RulesService } from './services/org-edit/rules-service';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { EventBus } from './ipc/event-bus';
import type { Handlers } from './ipc/router';
import type { EnvProfile } from './platform/node/env-profile';
import type { PlatformPorts } from './platform/ports';
import { JobRunner } from './services/jobs/job-runner';
import { OrgService } from './services/org/org-service';
import { Connectivity } from './services/settings/connectivity';
import { CorpContext, type DemoCorp } from './services/settings/corp-context';
import { SettingsService } from './services/settings/settings-service';
import { IndexRevisions } from './services/org-edit/index-revisions';
import type { WecomHttpOptions } from './wecom/http-client';

export const APP_VERSION = '0.1.0';

export interface AppConfig {
  dataDir: string;
  /** WeCom base URL for a real corp (WECOM_API_BASE); the demo sandbox brings its own. */
  apiBase: string;
  envProfile: EnvProfile | null;
  /** Starts (once, lazily) the in-process sandbox used in 演示模式. */
  demo: () => Promise<DemoCorp>;
  probeEveryMs?: number;
  httpOptions?: Partial<WecomHttpOptions>;
  validateOutput?: boolean;
}

export interface Services {
  dispatch: Dispatch;
  bus: EventBus;
  org: OrgService;
  editor: OrgEditService;
  push: PushService;
  settings: SettingsService;
  corp: CorpContext;
  jobs: JobRunner;
  notices: NoticeService;
  drafts: DraftService;
  files: AttachmentStore;
  close(): Promise<void>;
}

/** The one composition root shared by Electron, the browser host and the CLI. */
export async function createServices(ports: PlatformPorts, config: AppConfig): Promise<Services> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase(join(config.dataDir, 'zhb.sqlite'), { logger: ports.logger });
  const bus = new EventBus();
  const logger = ports.logger;
  const settingsRepo = new SettingsRepo(db);
  const corp = new CorpContext({
    settings: settingsRepo,
    secrets: ports.secrets,
    logger,
    apiBase: config.apiBase,
    envProfile: config.envProfile,
    demo: config.demo,
    ...(config.httpOptions ? { httpOptions: config.httpOptions } : {}),
  });
  const connectivity = new Connectivity(bus);
  const jobs = new JobRunner(bus, logger);
  const orgRepo = new OrgRepo(db);
  const runsRepo = new SyncRunsRepo(db);
  const changesRepo = new ChangesRepo(db);
  const outboxRepo = new OutboxRepo(db);
  const rulesRepo = new RulesRepo(db);
  const auditRepo = new AuditRepo(db);
  const now = () => new Date().toISOString();
  const noticesRepo = new NoticesRepo(db);
  const files = new AttachmentStore(join(config.dataDir, 'attachments'));
  const callHandlers = routeCalls({
    contacts: contactsSource(corp),
    notices: noticesSource(corp, noticesRepo, files, Date.now),
  });
  const outbox = new OutboxService({ repo: outboxRepo, handlers: callHandlers, logger, now });
  const notices = new NoticeService({
    repo: noticesRepo,
    org: orgRepo,
    outbox,
    outboxRepo,
    files,
    corp,
    logger,
    nowMs: Date.now,
  });
  const drafts = new DraftService({ repo: new NoticeDraftsRepo(db), corp, nowMs: Date.now });
  const org = new OrgService({
    repo: orgRepo,
    runs: runsRepo,
    corp,
    jobs,
    bus,
    connectivity,
    logger,
  });
  const editor = new OrgEditService({
    org: orgRepo,
    changes: changesRepo,
    outbox: outboxRepo,
    rules: rulesRepo,
    corp,
    jobs,
    bus,
    logger,
  });
  const push = new PushService({
    org: orgRepo,
    changes: changesRepo,
    outboxRepo,
    outbox,
    editor,
    corp,
    jobs,
    bus,
    connectivity,
    logger,
  });
  const rules = new RulesService({ rules: rulesRepo, editor });
  const audit = new AuditService({
    repo: auditRepo,
    corp: async () => {
      const c = await corp.resolve();
      return { mode: c.mode, corpId: await editor.corpId() };
    },
    snapshot: () => editor.base(),
  });
  await audit.start();
  const activation = new ActivationService({
    org: orgRepo,
    runs: runsRepo,
    outbox,
    outboxRepo,
    editor,
    corp,
    audit: auditRepo,
  });
  const settings = new SettingsService({
    corp,
    org: orgRepo,
    changes: changesRepo,
    outbox: outboxRepo,
    jobs,
    bus,
    settings: settingsRepo,
    secrets: ports.secrets,
    connectivity,
    logger,
  });

  const indexRevisions = new IndexRevisions();
  const handlers: Handlers = {
    'app.getStatus': async () => {
      const c = await corp.resolve();
      return { mode: c.mode, online: connectivity.isOnline, version: APP_VERSION, dataDir: config.dataDir };
    },
    'settings.getProfile': () => settings.profile(),
    'settings.saveProfile': (input) => settings.save(input),
    'settings.resetToDemo': (input) => settings.resetToDemo(input),
    'settings.testConnection': () => settings.testConnection(),
    'settings.testDraft': (input) => settings.testDraft(input),
    'org.startSync': async () => org.startSync(),
    'org.getSyncState': () => org.syncState(),
    // Reads show the working copy: WeCom's cache with the staged edits on top.
    'org.getTree': async () => ({ departments: await editor.tree() }),
    'org.listMembers': async ({ departmentId }) => ({ members: await editor.members(departmentId) }),
    'org.getMemberIndex': async ({ offset = 0, limit = 100_000, knownRevision }) => {
      const all = await editor.memberIndex();
      const revision = indexRevisions.of(all);
      // A department move or a tag edit leaves the index as it was: no 50,000 rows sent again.
      if (knownRevision === revision) return { rows: [], total: all.length, revision, unchanged: true };
      return { rows: all.slice(offset, offset + limit), total: all.length, revision };
    },
    'org.listTags': async () => ({ tags: await editor.tags() }),
    'audit.export': ({ filter }) => audit.exportXlsx(filter),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'org.getMember': async ({ userid }) => ({ member: await editor.member(userid) }),
    'org.getTagMembers': ({ tagid }) => editor.tagMembers(tagid),
    'org.findDuplicates': (q) => editor.findDuplicates(q),
    'orgEdit.stage': async ({ label, ops }) => ({ change: await editor.stage(label, ops) }),
    'orgEdit.listChanges': () => editor.listChanges(),
    'orgEdit.undo': async () => ({ changeId: await editor.undo() }),
    'orgEdit.redo': async () => ({ changeId: await editor.redo() }),
    'orgEdit.discard': async ({ changeId }) => ({ discarded: await editor.discard(changeId) }),
    'orgEdit.startPush': async () => push.start(),
    'orgEdit.getPushState': () => push.state(),
    'orgEdit.resolveConflict': async ({ changeId, keep }) => ({
      remaining: await push.resolve(changeId, keep),
    }),
    'orgEdit.retryFailed': ({ ids }) => push.retryFailed(ids),
    'orgEdit.settleFailed': ({ id, how }) => push.settleFailed(id, how),
    'audit.list': async ({ limit, beforeId, filter }) => ({
      entries: await audit.list(limit, beforeId, filter),
    }),
    'rules.list': async () => ({ rules: await rules.list() }),
    'rules.save': async (r) => ({ rule: await rules.save(r) }),
    'rules.delete': async ({ id }) => ({ deleted: await rules.delete(id) }),
    'rules.preview': (r) => rules.preview(r),
    'rules.apply': async ({ id }) => ({ change: await rules.apply(id) }),
    'activation.report': () => activation.report(),
    'activation.listNotJoined': async ({ departmentId }) => ({
      members: await activation.notJoined(departmentId),
    }),
    'activation.export': ({ departmentId }) => activation.exportCsv(departmentId),
    'activation.invite': (input) => activation.invite(input),
    'activation.inviteStatus': () => activation.inviteStatus(),
    'orgEdit.previewPush': () => push.preview(),
    'notices.headCount': ({ recipients }) => notices.headCount(recipients),
    'notices.send': async (input) => {
      const { scheduledAt, ...body } = input;
      const r = await notices.send(body, scheduledAt ? { scheduledAt } : {});
      return { notice: r.notice, headCount: r.view, repeated: r.repeated };
    },
    'notices.list': async () => ({ notices: await notices.list() }),
    'notices.export': () => notices.exportRegister(),
    'notices.patterns': async () => ({ patterns: await notices.patterns() }),
    'notices.setPattern': async ({ issuer, pattern }) => {
      await notices.setPattern(issuer, pattern);
      return { ok: true };
    },
    'notices.attach': async ({ filename, base64 }) => {
      const attachment = await notices.attach({ data: Buffer.from(base64, 'base64') }, filename);
      return { attachment, issue: await notices.attachmentIssue(attachment) };
    },
    'notices.recall': async ({ id, reason }) => ({ notice: await notices.recall(id, reason) }),
    'notices.get': async ({ id }) => ({ body: await notices.body(id) }),
    'notices.saveDraft': ({ id, body }) => drafts.save(id, body),
    'notices.listDrafts': async ({ templates, q }) => ({
      drafts: await drafts.list(templates ?? false, q ?? ''),
    }),
    'notices.removeDraft': async ({ id }) => ({ ok: await drafts.remove(id) }),
    'notices.restoreDraft': async ({ id }) => ({ ok: await drafts.restore(id) }),
  };

  if (config.probeEveryMs)
    connectivity.startProbing(async () => (await corp.resolve()).apiBase, config.probeEveryMs);

  return {
    dispatch: createDispatch(handlers, logger, { validateOutput: config.validateOutput ?? false }),
    bus,
    org,
    editor,
    push,
    settings,
    corp,
    jobs,
    notices,
    drafts,
    files,
    close: async () => {
      connectivity.stop();
      for (const id of [jobs.runningOf('org.sync'), jobs.runningOf('org.push')]) if (id) jobs.cancel(id);
      await jobs.idle();
      await db.close();
    },
  };
}
