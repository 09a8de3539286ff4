import { cpus, loadavg } from 'node:os';
import { markBeforePaint, type BundleFigures } from './bundle';
import type { UiFigures } from './ui-phases';

interface Budget {
  label: string;
  /** null: informational, printed without a verdict. */
  budgetMs: number | null;
  value: (f: UiFigures) => number;
}

/** ARCHITECTURE.md §8: every UI budget holds at 1× and at BENCH_CPU_SLOWDOWN=4. */
export const UI_BUDGETS: Budget[] = [
  { label: 'shell first paint, longest task', budgetMs: 100, value: (f) => f.shellFirstPaintLongestTaskMs },
  {
    label: 'member index load (streamed), longest task',
    budgetMs: 50,
    value: (f) => f.indexLoad.longestTaskMs,
  },
  {
    label: 'initial load after first paint, longest task',
    budgetMs: 50,
    value: (f) => f.loadAfterPaintLongestTaskMs,
  },
  { label: 'tree mount (page switch), longest task', budgetMs: 50, value: (f) => f.mountLongestTaskMs },
  { label: 'expand all departments, longest task', budgetMs: 50, value: (f) => f.expandAllLongestTaskMs },
  { label: 'tree scroll, longest task', budgetMs: 50, value: (f) => f.scroll.longestTaskMs },
  { label: 'tree scroll, frame avg', budgetMs: 33, value: (f) => f.scroll.avgFrameMs },
  {
    label: 'drag-and-drop move + stage + reload, longest task',
    budgetMs: 50,
    value: (f) => f.drag.longestTaskMs,
  },
  { label: 'pinyin search per keystroke, max', budgetMs: 10, value: (f) => f.search.perKeystrokeMaxMs },
  { label: 'pinyin search per keystroke, avg', budgetMs: null, value: (f) => f.search.perKeystrokeAvgMs },
  {
    label: 'typing in the search box (search + table), longest task',
    budgetMs: null,
    value: (f) => f.search.typingLongestTaskMs,
  },
  { label: 'tree scroll, frame max', budgetMs: null, value: (f) => f.scroll.maxFrameMs },
  { label: 'first contentful paint at', budgetMs: null, value: (f) => f.firstPaintMs },
  { label: 'member index load, wall time', budgetMs: null, value: (f) => f.indexLoad.ms },
];

const ms = (x: number) => `${x.toFixed(1)} ms`;

export function printUiReport(o: {
  members: number;
  departments: number;
  bundle: BundleFigures;
  figures: UiFigures[];
}): boolean {
  const { figures } = o;
  const bundle = markBeforePaint(
    o.bundle,
    figures.flatMap((f) => f.scriptsBeforePaint),
  );
  console.log(`# 通讯录 page in Chromium: ${o.departments} departments / ${o.members} members`);
  // Long tasks are wall-clock: other processes competing for the CPU inflate them.
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min) when the runs ended`,
  );
  console.log(
    `renderer bundle: ${bundle.chunks.length} JS chunks, ${bundle.totalJsKb.toFixed(0)} kB in all; ` +
      `${bundle.initialJsKb.toFixed(0)} kB fetched before the first paint (${((100 * bundle.initialJsKb) / bundle.totalJsKb).toFixed(0)}%)`,
  );
  for (const c of bundle.chunks)
    console.log(`  ${c.initial ? 'initial' : 'lazy   '} ${c.kb.toFixed(1).padStart(8)} kB  ${c.file}`);
  let allOk = true;
  for (const f of figures) {
    console.log(`## CPU slowdown ${f.slowdown}×`);
    for (const b of UI_BUDGETS) {
      const v = b.value(f);
      if (b.budgetMs === null) {
        console.log(`${b.label}: ${ms(v)} (informational)`);
        continue;
      }
      const ok = v <= b.budgetMs;
      allOk &&= ok;
      console.log(
        `${b.label}: ${ms(v)} = ${(v / b.budgetMs).toFixed(2)}× the ${b.budgetMs} ms budget ${ok ? 'OK' : 'OVER'}`,
      );
    }
    if (!f.drag.moved) {
      allOk = false;
      console.log('drag-and-drop: the move was NOT staged');
    }
    console.log(
      `RATIO search avg / naive substring scan of 50k strings in the same page = ${(f.search.perKeystrokeAvgMs / f.search.naiveScanAvgMs).toFixed(2)} (naive ${ms(f.search.naiveScanAvgMs)}, ${f.search.keystrokes} keystrokes); tree rows ${f.scroll.rows}`,
    );
  }
  console.log(summaryTable(figures));
  console.log(`UI budgets: ${allOk ? 'all OK' : 'some OVER'}`);
  return allOk;
}

/** One line per budget, one column per slowdown: the figures side by side. */
function summaryTable(figures: UiFigures[]): string {
  const head = ['budget', ...figures.map((f) => `${f.slowdown}×`)];
  const rows = UI_BUDGETS.filter((b) => b.budgetMs !== null).map((b) => [
    `${b.label} (≤ ${b.budgetMs} ms)`,
    ...figures.map((f) => `${b.value(f).toFixed(1)} ${b.value(f) <= b.budgetMs! ? 'OK' : 'OVER'}`),
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return ['## summary', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
