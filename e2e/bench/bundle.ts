import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/processes';

export interface Chunk {
  file: string;
  kb: number;
  /**
   * Named by index.html (entry or modulepreload). The shell also boots through dynamic imports, so
   * the report marks what the page really fetched before its first paint (see markBeforePaint).
   */
  initial: boolean;
}

export interface BundleFigures {
  dir: string;
  chunks: Chunk[];
  initialJsKb: number;
  totalJsKb: number;
}

/**
 * Builds the renderer into its own folder, so the bench always measures the code in this tree and
 * never clobbers out/renderer, and lists the JavaScript chunks with what the first paint needs.
 */
export function buildRenderer(dir = join(repoRoot, '.bench', 'renderer')): BundleFigures {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    execFileSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'src-renderer/vite.config.ts',
        '--outDir',
        dir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const assets = join(dir, 'assets');
  const chunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({
      file: f,
      kb: statSync(join(assets, f)).size / 1024,
      initial: named.has(`assets/${f}`),
    }))
    .sort((a, b) => b.kb - a.kb);
  const sum = (list: Chunk[]) => list.reduce((s, c) => s + c.kb, 0);
  return {
    dir,
    chunks,
    initialJsKb: sum(chunks.filter((c) => c.initial)),
    totalJsKb: sum(chunks),
  };
}

/** The bundle figures with `initial` meaning "fetched before the first paint", as the page measured. */
export function markBeforePaint(bundle: BundleFigures, scripts: readonly string[]): BundleFigures {
  const before = new Set(scripts);
  const chunks = bundle.chunks.map((c) => ({ ...c, initial: c.initial || before.has(c.file) }));
  const initialJsKb = chunks.filter((c) => c.initial).reduce((s, c) => s + c.kb, 0);
  return { ...bundle, chunks, initialJsKb };
}
