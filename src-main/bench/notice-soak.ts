import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox';
import { killRound, type KillRound } from './notice-kill';

/**
 * `npm run soak:notices`: SOAK_KILLS rounds (default 100) of `notice send` SIGKILLed at a random point,
 * then run again; reports how many kills interrupted a send and how many recipients ended with other
 * than exactly one copy (must be 0). SOAK_SEED fixes the kill points.
 */
async function main(): Promise<number> {
  const rounds = Number(process.env.SOAK_KILLS ?? 100);
  let x = Number(process.env.SOAK_SEED ?? 20240601);
  const sb = await startSandbox({ port: 0 });
  sb.faults.setLatency(Number(process.env.SOAK_LATENCY_MS ?? 150));
  const dir = mkdtempSync(join(tmpdir(), 'zhb-notice-soak-'));
  const recipients = [...sb.state.users.values()]
    .filter((u) => u.status === 1)
    .slice(0, 40)
    .map((u) => u.userid);
  const results: KillRound[] = [];
  const started = Date.now();
  try {
    for (let i = 0; i < rounds; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      results.push(await killRound(sb, dir, i, recipients, 300 + (x % 3000)));
      if ((i + 1) % 10 === 0) process.stderr.write(`\r${i + 1}/${rounds} 轮`);
    }
  } finally {
    await sb.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const interrupted = results.filter((r) => !r.finishedBeforeKill).length;
  const wrong = results.flatMap((r) => r.wrongCounts);
  const duplicates = wrong.filter((w) => w.copies > 1).length;
  const missing = wrong.filter((w) => w.copies === 0).length;
  const failedReruns = results.filter((r) => r.rerunExit !== 0).length;
  process.stderr.write('\n');
  console.log(
    JSON.stringify({
      rounds,
      recipientsPerRound: recipients.length,
      killsThatInterrupted: interrupted,
      duplicates,
      missing,
      failedReruns,
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
  return duplicates === 0 && missing === 0 && failedReruns === 0 ? 0 : 1;
}

void main().then((code) => process.exit(code));
