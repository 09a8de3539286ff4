import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RunningSandbox } from '../sandbox';

/**
 * One round of "the CLI is SIGKILLed mid-send, then the same command is run again": afterwards every
 * recipient must hold exactly one copy of that round's notice. Used by a test (a few rounds) and by
 * `npm run soak:notices` (many).
 */

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'src-main', 'cli', 'main.ts');

export interface KillRound {
  killedAfterMs: number;
  /** the killed run had already finished when the kill came */
  finishedBeforeKill: boolean;
  rerunExit: number;
  /** recipients holding 0 or more than 1 copy: must be empty */
  wrongCounts: { userid: string; copies: number }[];
}

function cliEnv(sb: RunningSandbox): NodeJS.ProcessEnv {
  const c = sb.credentials;
  return {
    ...process.env,
    WECOM_API_BASE: sb.url,
    WECOM_CORP_ID: c.corpId,
    WECOM_CONTACTS_SECRET: c.contactsSecret,
    WECOM_APPS: JSON.stringify(c.apps),
  };
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  killAfterMs?: number,
): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { env, stdio: 'ignore' });
    let killed = false;
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, killed: killed && code === null });
    });
  });
}

export async function killRound(
  sb: RunningSandbox,
  dataDir: string,
  round: number,
  recipients: string[],
  killAfterMs: number,
): Promise<KillRound> {
  const text = `第 ${round} 轮：请于今日 17:00 前提交值班表`;
  const args = [
    'notice',
    'send',
    '--app',
    '新区医院小助手',
    '--to-user',
    recipients.join(','),
    '--text',
    text,
  ];
  const env = cliEnv(sb);
  const first = await run([...args, '--data-dir', dataDir], env, killAfterMs);
  const again = await run([...args, '--data-dir', dataDir], env);
  const wrongCounts: KillRound['wrongCounts'] = [];
  for (const u of recipients) {
    const copies = sb.messaging.log
      .inbox(u)
      .filter((d) => (d.payload as { content?: string }).content === text).length;
    if (copies !== 1) wrongCounts.push({ userid: u, copies });
  }
  return {
    killedAfterMs: killAfterMs,
    finishedBeforeKill: !first.killed,
    rerunExit: again.code ?? -1,
    wrongCounts,
  };
}
