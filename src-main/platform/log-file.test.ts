import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatingLogFile } from './log-file';
import { createLogger } from './logger';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhb-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');

describe('log file', () => {
  it('does not write on the caller’s turn; flush() puts every line on disk, in order', async () => {
    const file = join(dir, 'logs', 'main.log');
    const log = createLogger({ file });
    for (let i = 0; i < 200; i++) log.info(`line ${i}`);
    expect(read(file)).toBe('');
    await log.flush();
    const lines = read(file).trim().split('\n');
    expect(lines).toHaveLength(200);
    expect(lines.map((l) => l.replace(/^\S+ INFO /, ''))).toEqual(
      Array.from({ length: 200 }, (_, i) => `line ${i}`),
    );
  });

  it('rotates before a file passes maxBytes and keeps only the configured number of files', async () => {
    const file = join(dir, 'main.log');
    const f = new RotatingLogFile(file, { maxBytes: 1000, files: 3 });
    for (let i = 0; i < 100; i++) {
      f.write(`${String(i).padStart(3, '0')} ${'x'.repeat(95)}`);
      // Separate turns, so the writes do not all merge into one chunk.
      if (i % 5 === 4) await f.flush();
    }
    await f.flush();
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    for (const p of [file, `${file}.1`, `${file}.2`]) expect(statSync(p).size).toBeLessThanOrEqual(1000);
    expect(read(file).trim().split('\n').at(-1)).toMatch(/^099 /);
    // Newest first: main.log, then .1, then .2, with no line lost between them.
    const kept = [read(`${file}.2`), read(`${file}.1`), read(file)].join('').trim().split('\n');
    const ids = kept.map((l) => Number(l.slice(0, 3)));
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => 100 - ids.length + i));
    await f.close();
  });

  it('carries on after a write error', async () => {
    const file = join(dir, 'is-a-folder');
    mkdirSync(file);
    const log = createLogger({ file });
    expect(() => log.error('lost')).not.toThrow();
    await log.flush();
  });

  it('writes what is still buffered when the process exits', () => {
    const file = join(dir, 'exit.log');
    const mod = join(process.cwd(), 'src-main/platform/logger.ts').replace(/\\/g, '/');
    const script = `import('${mod}').then((m) => {
      const log = m.createLogger({ file: ${JSON.stringify(file)} });
      log.info('before exit');
      process.exit(0);
    });`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(read(file)).toMatch(/INFO before exit\n$/);
  });
});
