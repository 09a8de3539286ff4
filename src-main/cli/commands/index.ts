import { changesCommand } from './changes';
import { noticeCommand } from './notice';
import { pushCommand } from './push';
import type { Command } from './types';

export type { Command, CommandIo } from './types';

/** Commands beyond status/sync, by name. */
export const commands = new Map<string, Command>([
  ['changes', changesCommand],
  ['push', pushCommand],
  ['notice', noticeCommand],
]);

export const commandUsage = `  changes  列出当前企业待推送的修改，以及失败或待确认的推送操作
  push     把待推送的修改推送到企业微信（进度输出到 stderr；有失败、待确认或冲突时退出码为 1）
  notice send --app <应用名或AgentId> [--to-all] [--to-user id,id] [--to-dept id,id] [--to-tag id,id]
              (--text 文本 | --markdown 文本 | --image 路径 | --file 路径 | --video 路径) [--title 标题]
           发送一条通知（经发件箱，带企业微信重复检查；再次运行同一命令不会重复投递）
  notice list      列出发文登记
  notice run-due   发送到时的定时通知，并继续发送「待发送」的通知`;
