import { changesCommand } from './changes';
import { pushCommand } from './push';
import type { Command } from './types';

export type { Command, CommandIo } from './types';

/** Commands beyond status/sync, by name. */
export const commands = new Map<string, Command>([
  ['changes', changesCommand],
  ['push', pushCommand],
]);

export const commandUsage = `  changes  列出当前企业待推送的修改，以及失败或待确认的推送操作
  push     把待推送的修改推送到企业微信（进度输出到 stderr；有失败、待确认或冲突时退出码为 1）`;
