import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SandboxChild {
  child: ChildProcess;
  url: string;
  creds: { corpId: string; contactsSecret: string };
}

/**
 * A sandbox in its own process, so the memory and CPU measured in the bench are the app's alone.
 * Resolves once it has printed its URL and credentials.
 */
export async function startSandboxChild(
  members: number,
  departments: number,
  extra: string[] = [],
): Promise<SandboxChild> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src-main/sandbox/main.ts'),
      '--port',
      '0',
      '--members',
      String(members),
      '--departments',
      String(departments),
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.some((l) => l.startsWith('{'))) resolve();
    });
    child.once('exit', (c) => reject(new Error(`sandbox exited ${c}`)));
  });
  const url = /listening on (\S+)/.exec(lines.join('\n'))?.[1] ?? '';
  return { child, url, creds: JSON.parse(lines.find((l) => l.startsWith('{'))!) as SandboxChild['creds'] };
}
