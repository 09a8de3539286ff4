import type { Browser, Locator, Page } from 'playwright';
import { MeasuredPage } from './ui-page';

/** Figures of one run of the 通讯录 page at one CPU slowdown; times in ms of the page's clock. */
export interface UiFigures {
  slowdown: number;
  firstPaintMs: number;
  /** JavaScript files (names under assets/) the page had fetched when it first painted. */
  scriptsBeforePaint: string[];
  shellFirstPaintLongestTaskMs: number;
  indexLoad: { ms: number; longestTaskMs: number };
  loadAfterPaintLongestTaskMs: number;
  mountLongestTaskMs: number;
  expandAllLongestTaskMs: number;
  scroll: { longestTaskMs: number; avgFrameMs: number; maxFrameMs: number; rows: number };
  drag: { longestTaskMs: number; moved: boolean };
  search: {
    perKeystrokeMaxMs: number;
    perKeystrokeAvgMs: number;
    naiveScanAvgMs: number;
    keystrokes: number;
    typingLongestTaskMs: number;
  };
}

/**
 * The 通讯录 page over the whole org: first paint and initial load (with the member index streamed
 * in), then mount, expand all, scroll, a drag with its stage and reload, and pinyin search typing.
 * The store measures 'member-index-load', 'org-load' and 'member-search' for the bench to read.
 */
export async function measureUi(browser: Browser, url: string, slowdown: number): Promise<UiFigures> {
  const mp = await MeasuredPage.open(browser, slowdown);
  const page = mp.page;
  try {
    const tree = page.getByRole('tree', { name: '部门树' });

    await mp.phase('first-load', async () => {
      await page.goto(url);
      await tree.getByRole('treeitem').first().waitFor({ timeout: 120_000 });
      await mp.waitForMeasure('member-index-load', 0);
      await page.getByText(/^上次同步/).waitFor();
      await mp.settle(1000);
    });
    const load = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const index = performance.getEntriesByName('member-index-load')[0]!;
      return { fcp: paint?.startTime ?? 0, start: index.startTime, end: index.startTime + index.duration };
    });
    const shellFirstPaintLongestTaskMs = await mp.longest(0, load.fcp);
    // Measured, not read from index.html: the shell boots in stages of dynamic imports.
    const scriptsBeforePaint = await page.evaluate(
      (fcp) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js') && e.startTime <= fcp)
          .map((e) => e.name.slice(e.name.lastIndexOf('/') + 1)),
      load.fcp,
    );
    const indexLongest = await mp.longest(load.start, load.end);
    const loadAfterPaintLongestTaskMs = await mp.longest(load.fcp + 1, await mp.now());

    // Mount: leave the page and come back; the data is already in the store.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await mp.settle();
    let t0 = await mp.now();
    await mp.phase('mount', async () => {
      await page.getByRole('menuitem', { name: '通讯录' }).click();
      await tree.getByRole('treeitem').first().waitFor();
      await mp.settle();
    });
    const mountLongestTaskMs = await mp.longest(t0, await mp.now());

    // Expand every department (the whole org), then scroll it one step per frame.
    t0 = await mp.now();
    await mp.phase('expand-all', async () => {
      await page.getByRole('button', { name: '全部展开' }).click();
      await mp.settle();
    });
    const expandAllLongestTaskMs = await mp.longest(t0, await mp.now());
    t0 = await mp.now();
    const frames = await mp.phase('scroll', () => scrollTree(page));
    const scrollLongest = await mp.longest(t0, await mp.now());
    await page.evaluate(
      () => ((document.querySelector('[data-testid="dept-tree"]') as HTMLElement).scrollTop = 0),
    );
    await mp.settle();

    // Drag: one department onto a sibling through the real pointer, then the stage and the reload.
    const items = tree.locator('[role="treeitem"][aria-level="3"]');
    const loadsBefore = await mp.count('org-load');
    t0 = await mp.now();
    await mp.phase('drag', async () => {
      await drag(page, items.nth(3), items.nth(1));
      await mp.waitForMeasure('org-load', loadsBefore, 60_000);
      await mp.settle();
    });
    const dragLongest = await mp.longest(t0, await mp.now());
    const moved = (await page.getByText(/待推送的修改（1）/).count()) > 0;

    // Search: type pinyin one key at a time; the store times each search under 'member-search'.
    const box = page.getByPlaceholder('搜索姓名、拼音或首字母');
    await page.evaluate(() => performance.clearMeasures('member-search'));
    t0 = await mp.now();
    await mp.phase('search', async () => {
      for (const q of ['zhang', 'lim', 'wjg', '王']) {
        await box.fill('');
        await box.pressSequentially(q, { delay: 30 });
      }
      await mp.settle(300);
    });
    const typingLongestTaskMs = await mp.longest(t0, await mp.now());
    const search = await page.evaluate(naiveSearchBaseline);

    return {
      slowdown,
      firstPaintMs: load.fcp,
      scriptsBeforePaint,
      shellFirstPaintLongestTaskMs,
      indexLoad: { ms: load.end - load.start, longestTaskMs: indexLongest },
      loadAfterPaintLongestTaskMs,
      mountLongestTaskMs,
      expandAllLongestTaskMs,
      scroll: {
        longestTaskMs: scrollLongest,
        avgFrameMs: frames.times.reduce((a, b) => a + b, 0) / frames.times.length,
        maxFrameMs: Math.max(...frames.times),
        rows: frames.rows,
      },
      drag: { longestTaskMs: dragLongest, moved },
      search: {
        perKeystrokeMaxMs: search.max,
        perKeystrokeAvgMs: search.avg,
        naiveScanAvgMs: search.naiveAvg,
        keystrokes: search.count,
        typingLongestTaskMs,
      },
    };
  } finally {
    await page.close();
  }
}

/** 60 scroll steps of 2,000 px, one per animation frame, timing each frame. */
function scrollTree(page: Page): Promise<{ times: number[]; rows: number }> {
  return page.evaluate(async () => {
    const el = document.querySelector('[data-testid="dept-tree"]') as HTMLElement;
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 60; i++) {
      el.scrollTop = (i % 2 === 0 ? i : 60 - i) * 2000;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const t = performance.now();
      times.push(t - last);
      last = t;
    }
    return { times, rows: Math.round(el.scrollHeight / 28) };
  });
}

/** The store's per-keystroke search times, and the simplest scan over 50,000 strings in the same page. */
function naiveSearchBaseline() {
  const m = performance.getEntriesByName('member-search').map((e) => e.duration);
  const names = Array.from({ length: 50_000 }, (_, i) => `zhangsan${i}|zs${i}|张三${i}`);
  const naive: number[] = [];
  for (const q of ['z', 'zh', 'zha', 'zhan', 'zhang', 'l', 'li', 'lim', 'w', 'wj', 'wjg']) {
    const t = performance.now();
    let n = 0;
    for (const s of names) if (s.includes(q)) n++;
    naive.push(performance.now() - t + n * 0);
  }
  return {
    max: Math.max(...m),
    avg: m.reduce((a, b) => a + b, 0) / Math.max(1, m.length),
    count: m.length,
    naiveAvg: naive.reduce((a, b) => a + b, 0) / naive.length,
  };
}

async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  const s = { x: a.x + 40, y: a.y + a.height / 2 };
  const e = { x: b.x + 60, y: b.y + b.height / 2 };
  await page.mouse.move(s.x, s.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++)
    await page.mouse.move(s.x + ((e.x - s.x) * i) / 20, s.y + ((e.y - s.y) * i) / 20);
  await page.mouse.up();
}
