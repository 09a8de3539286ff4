import { z } from 'zod';
import { ConnectionCheck, ProfileInput, ProfileView } from './settings';
import { Department, Member, MemberIndexRow, SyncState, Tag } from './org';
import { OutboxOp } from './outbox';
import { Recipients } from './message-calls';
import {
  AttachmentRef,
  DraftBody,
  DraftView,
  HeadCountView,
  NoticeBody,
  NoticeEntry,
  SendReportView,
} from './notices';
import { PushPreview } from './push';
import {
  ActivationRow,
  AuditEntry,
  Change,
  ChangeOp,
  Conflict,
  DiffLine,
  InviteResult,
  Rule,
  RuleInput,
  RulePreview,
  UseridRef,
  AuditFilter,
} from './org-edit';

type Kind = 'query' | 'command';
const proc = <I extends z.ZodType, O extends z.ZodType>(kind: Kind, input: I, output: O) => ({
  kind,
  input,
  output,
});

const none = z.object({}).strict();

export const procedures = {
  'app.getStatus': proc(
    'query',
    none,
    z.object({
      mode: z.enum(['demo', 'corp']),
      online: z.boolean(),
      version: z.string(),
      dataDir: z.string(),
    }),
  ),
  'settings.getProfile': proc('query', none, ProfileView),
  'settings.saveProfile': proc('command', ProfileInput, ProfileView),
  'settings.resetToDemo': proc(
    'command',
    z.object({ confirmCorpSwitch: z.boolean().optional() }).strict(),
    ProfileView,
  ),
  'settings.testConnection': proc('command', none, z.object({ checks: z.array(ConnectionCheck) })),
  'org.startSync': proc('command', none, z.object({ jobId: z.string() })),
  'org.getSyncState': proc('query', none, SyncState),
  'org.getTree': proc('query', none, z.object({ departments: z.array(Department) })),
  'org.listMembers': proc(
    'query',
    z.object({ departmentId: z.number().int() }).strict(),
    z.object({ members: z.array(Member) }),
  ),
  /** Paged, so a 50,000-row index arrives as small messages that never block the renderer. */
  'org.getMemberIndex': proc(
    'query',
    z
      .object({
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
        /** The revision the renderer already holds: an unchanged index answers no rows. */
        knownRevision: z.string().max(64).optional(),
      })
      .strict(),
    z.object({
      rows: z.array(MemberIndexRow),
      total: z.number().int(),
      /** Names this version of the index; pages of different revisions must not be mixed. */
      revision: z.string().optional(),
      /** True when knownRevision is current: rows is empty and the renderer keeps its index. */
      unchanged: z.boolean().optional(),
    }),
  ),
  'org.listTags': proc('query', none, z.object({ tags: z.array(Tag) })),
  'org.getMember': proc(
    'query',
    z.object({ userid: UseridRef }).strict(),
    z.object({ member: Member.nullable() }),
  ),
  'org.getTagMembers': proc(
    'query',
    z.object({ tagid: z.number().int() }).strict(),
    z.object({
      members: z.array(z.object({ userid: z.string(), name: z.string() })),
      departmentIds: z.array(z.number().int()),
    }),
  ),
  /** As-you-type duplicate finder for the member editor. */
  'org.findDuplicates': proc(
    'query',
    z
      .object({
        name: z.string().max(64).optional(),
        mobile: z.string().max(32).optional(),
        excludeUserid: z.string().max(64).optional(),
      })
      .strict(),
    z.object({
      byName: z.array(z.object({ userid: z.string(), name: z.string(), departments: z.string() })),
      byMobile: z.array(z.object({ userid: z.string(), name: z.string(), departments: z.string() })),
    }),
  ),
  /** One gesture = one undo unit. Refused as a whole (INVALID_INPUT + issues) if any op is invalid. */
  'orgEdit.stage': proc(
    'command',
    z.object({ label: z.string().max(200), ops: z.array(ChangeOp).min(1).max(2000) }).strict(),
    z.object({ change: Change }),
  ),
  'orgEdit.listChanges': proc(
    'query',
    none,
    z.object({
      changes: z.array(Change),
      canUndo: z.boolean(),
      canRedo: z.boolean(),
      diff: z.array(DiffLine),
    }),
  ),
  'orgEdit.undo': proc('command', none, z.object({ changeId: z.number().int().nullable() })),
  'orgEdit.redo': proc('command', none, z.object({ changeId: z.number().int().nullable() })),
  'orgEdit.discard': proc(
    'command',
    z.object({ changeId: z.number().int().optional() }).strict(),
    z.object({ discarded: z.number().int() }),
  ),
  /** Pull, check conflicts, then apply through the outbox. Progress via job events. */
  'orgEdit.startPush': proc('command', none, z.object({ jobId: z.string() })),
  'orgEdit.getPushState': proc(
    'query',
    none,
    z.object({
      conflicts: z.array(Conflict),
      ops: z.array(OutboxOp),
      runningJobId: z.string().nullable(),
      /** Batches of the latest push in this session (null: none yet); older closed rows are history. */
      lastRunBatchIds: z.array(z.number().int()).nullable().optional(),
    }),
  ),
  'orgEdit.resolveConflict': proc(
    'command',
    z.object({ changeId: z.number().int(), keep: z.enum(['mine', 'theirs']) }).strict(),
    z.object({ remaining: z.number().int() }),
  ),
  /** 「重试」: failed calls (all, or the ones named) go back to the outbox and a push runs. */
  'orgEdit.retryFailed': proc(
    'command',
    z.object({ ids: z.array(z.number().int()).max(10_000).optional() }).strict(),
    z.object({ jobId: z.string() }),
  ),
  /** 「跳过」 / 「以企业微信为准」 for one failed call; its batch closes once nothing is left open. */
  'orgEdit.settleFailed': proc(
    'command',
    z.object({ id: z.number().int(), how: z.enum(['skip', 'takeTheirs']) }).strict(),
    z.object({ remaining: z.number().int() }),
  ),
  'audit.list': proc(
    'query',
    z
      .object({
        limit: z.number().int().min(1).max(1000),
        beforeId: z.number().int().optional(),
        filter: AuditFilter.optional(),
      })
      .strict(),
    z.object({ entries: z.array(AuditEntry) }),
  ),
  'rules.list': proc('query', none, z.object({ rules: z.array(Rule) })),
  'rules.save': proc('command', RuleInput, z.object({ rule: Rule })),
  'rules.delete': proc(
    'command',
    z.object({ id: z.number().int() }).strict(),
    z.object({ deleted: z.boolean() }),
  ),
  'rules.preview': proc('query', RuleInput, RulePreview),
  /** Stages the ops that bring groups/tags in line with the rules (all enabled rules, or one). */
  'rules.apply': proc(
    'command',
    z.object({ id: z.number().int().optional() }).strict(),
    z.object({ change: Change.nullable() }),
  ),
  'activation.report': proc(
    'query',
    none,
    z.object({
      rows: z.array(ActivationRow),
      totals: z.object({
        total: z.number().int(),
        active: z.number().int(),
        notJoined: z.number().int(),
        disabled: z.number().int(),
        left: z.number().int(),
      }),
      trend: z.array(z.object({ at: z.string(), notJoined: z.number().int(), members: z.number().int() })),
    }),
  ),
  'activation.listNotJoined': proc(
    'query',
    z.object({ departmentId: z.number().int().optional() }).strict(),
    z.object({
      members: z.array(
        z.object({
          userid: z.string(),
          name: z.string(),
          position: z.string(),
          departments: z.string(),
          mobile: z.string(),
        }),
      ),
    }),
  ),
  /** CSV (UTF-8 with BOM, opens in Excel) of the not-yet-joined members of one department or all. */
  'activation.export': proc(
    'query',
    z.object({ departmentId: z.number().int().optional() }).strict(),
    z.object({ filename: z.string(), csv: z.string() }),
  ),
  'activation.invite': proc(
    'command',
    z.union([
      z.object({ userids: z.array(UseridRef).min(1).max(50_000) }).strict(),
      z.object({ all: z.literal(true) }).strict(),
    ]),
    z.object({ results: z.array(InviteResult) }),
  ),
  'jobs.cancel': proc(
    'command',
    z.object({ jobId: z.string().max(64) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  /** 操作记录 as an .xlsx workbook (base64), with the filters the page shows; newest first. */
  'audit.export': proc(
    'query',
    z.object({ filter: AuditFilter.optional() }).strict(),
    z.object({ filename: z.string(), base64: z.string(), rows: z.number().int() }),
  ),
  /** 「测试连接」 of what the form holds, without saving it; saved = it is the configuration in use. */
  'settings.testDraft': proc(
    'command',
    ProfileInput.omit({ confirmCorpSwitch: true }),
    z.object({ checks: z.array(ConnectionCheck), corpId: z.string(), saved: z.boolean() }),
  ),
  /** The last invite (when, how many) and who was invited within the last 24 hours (not re-invited). */
  'activation.inviteStatus': proc(
    'query',
    none,
    z.object({ lastAt: z.string().nullable(), lastCount: z.number().int(), recent: z.array(z.string()) }),
  ),
  /** The confirmation summary before a push: the calls it would make, counted by kind. */
  'orgEdit.previewPush': proc('query', none, PushPreview),
  /** 通知: who a notice reaches, counted from the cache. */
  'notices.headCount': proc('query', z.object({ recipients: Recipients }).strict(), HeadCountView),
  /** Records and sends a notice through the outbox (exactly once); a repeat resumes the same notice. */
  'notices.send': proc(
    'command',
    NoticeBody.extend({ scheduledAt: z.string().max(40).datetime().optional() }),
    SendReportView,
  ),
  /** 发文登记, newest first. */
  'notices.list': proc('query', none, z.object({ notices: z.array(NoticeEntry) })),
  'notices.saveDraft': proc(
    'command',
    z.object({ id: z.number().int().nullable(), body: DraftBody }).strict(),
    DraftView,
  ),
  'notices.listDrafts': proc(
    'query',
    z.object({ templates: z.boolean().optional(), q: z.string().max(100).optional() }).strict(),
    z.object({ drafts: z.array(DraftView) }),
  ),
  /** 撤回 (≤ 24 h) with the reason, kept in the register. */
  'notices.recall': proc(
    'command',
    z.object({ id: z.number().int(), reason: z.string().max(200) }).strict(),
    z.object({ notice: NoticeEntry }),
  ),
  /** The notice as it was composed, for 「撤回并重发」 (a corrected copy). */
  'notices.get': proc('query', z.object({ id: z.number().int() }).strict(), z.object({ body: NoticeBody })),
  /** Keeps a dropped file for a notice (by content hash); says what it will be sent as and any WeCom rule it breaks. */
  'notices.attach': proc(
    'command',
    z.object({ filename: z.string().min(1).max(255), base64: z.string().max(28_000_000) }).strict(),
    z.object({ attachment: AttachmentRef, issue: z.string().nullable() }),
  ),
  /** 发文登记 as an .xlsx workbook (base64). */
  'notices.export': proc(
    'query',
    none,
    z.object({ filename: z.string(), base64: z.string(), rows: z.number().int() }),
  ),
  'notices.patterns': proc(
    'query',
    none,
    z.object({ patterns: z.array(z.object({ issuer: z.string(), pattern: z.string() })) }),
  ),
  /** A 发文机关's 文号 pattern, e.g. 「新医综〔{年}〕{号}号」. */
  'notices.setPattern': proc(
    'command',
    z.object({ issuer: z.string().max(40), pattern: z.string().max(60) }).strict(),
    z.object({ ok: z.boolean() }),
  ),
  'notices.removeDraft': proc(
    'command',
    z.object({ id: z.number().int() }).strict(),
    z.object({ ok: z.boolean() }),
  ),
  'notices.restoreDraft': proc(
    'command',
    z.object({ id: z.number().int() }).strict(),
    z.object({ ok: z.boolean() }),
  ),
} as const;

export type ProcedureName = keyof typeof procedures;
export type ProcInput<P extends ProcedureName> = z.infer<(typeof procedures)[P]['input']>;
export type ProcOutput<P extends ProcedureName> = z.infer<(typeof procedures)[P]['output']>;
