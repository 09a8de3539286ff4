import { z } from 'zod';
import { ConnectionCheck, ProfileInput, ProfileView } from './settings';
import { Department, Member, MemberIndexRow, SyncState, Tag } from './org';

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
  'settings.resetToDemo': proc('command', none, ProfileView),
  'settings.testConnection': proc('command', none, z.object({ checks: z.array(ConnectionCheck) })),
  'org.startSync': proc('command', none, z.object({ jobId: z.string() })),
  'org.getSyncState': proc('query', none, SyncState),
  'org.getTree': proc('query', none, z.object({ departments: z.array(Department) })),
  'org.listMembers': proc(
    'query',
    z.object({ departmentId: z.number().int() }).strict(),
    z.object({ members: z.array(Member) }),
  ),
  'org.getMemberIndex': proc('query', none, z.object({ rows: z.array(MemberIndexRow) })),
  'org.listTags': proc('query', none, z.object({ tags: z.array(Tag) })),
  'jobs.cancel': proc(
    'command',
    z.object({ jobId: z.string() }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
} as const;

export type ProcedureName = keyof typeof procedures;
export type ProcInput<P extends ProcedureName> = z.infer<(typeof procedures)[P]['input']>;
export type ProcOutput<P extends ProcedureName> = z.infer<(typeof procedures)[P]['output']>;
