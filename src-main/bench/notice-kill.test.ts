import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { killRound, type KillRound } from './notice-kill';

// The CLI killed with SIGKILL at random points of a send, then the same command run again: every
// recipient ends with exactly one copy. The sandbox's latency stretches the send so kills land
// before, during and after the message/send call.

let sb: RunningSandbox;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  sb.faults.setLatency(150);
  dir = mkdtempSync(join(tmpdir(), 'zhb-kill-'));
});
afterAll(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('notice send under SIGKILL', () => {
  it('ten random kill points leave exactly one copy per recipient', { timeout: 240_000 }, async () => {
    const recipients = [...sb.state.users.values()]
      .filter((u) => u.status === 1)
      .slice(0, 40)
      .map((u) => u.userid);
    const rounds: KillRound[] = [];
    // spread over the CLI's start-up and its calls: a fixed-seed walk, not Math.random, so a failure repeats
    let x = 20240601;
    for (let i = 0; i < 10; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      rounds.push(await killRound(sb, dir, i, recipients, 300 + (x % 3000)));
    }
    expect(rounds.flatMap((r) => r.wrongCounts)).toEqual([]);
    expect(rounds.map((r) => r.rerunExit)).toEqual(Array(10).fill(0));
    // at least some kills must really have interrupted a run, or the test proves nothing
    expect(rounds.filter((r) => !r.finishedBeforeKill).length).toBeGreaterThan(3);
  });
});
