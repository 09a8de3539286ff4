import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright';

type LongTasks = { __lt: Array<{ s: number; d: number }> };

/**
 * One page of the app under measurement: long tasks are recorded from the very start of the
 * navigation; with BENCH_PROFILE=<dir> each phase also leaves a .cpuprofile for DevTools.
 */
export class MeasuredPage {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    readonly slowdown: number,
  ) {}

  static async open(browser: Browser, slowdown: number): Promise<MeasuredPage> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const cdp = await page.context().newCDPSession(page);
    if (slowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    await page.addInitScript(() => {
      const w = window as unknown as LongTasks;
      w.__lt = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__lt.push({ s: e.startTime, d: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    return new MeasuredPage(page, cdp, slowdown);
  }

  now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  /** The longest task that overlaps [from, to] (page clock), 0 when none was over 50 ms. */
  longest(from: number, to: number): Promise<number> {
    return this.page.evaluate(
      ([a, b]) =>
        (window as unknown as LongTasks).__lt
          .filter((e) => e.s + e.d >= a! && e.s <= b!)
          .reduce((m, e) => Math.max(m, e.d), 0),
      [from, to],
    );
  }

  /** How many entries the page has measured under `name` (the store's stable hooks for the bench). */
  count(name: string): Promise<number> {
    return this.page.evaluate((n) => performance.getEntriesByName(n).length, name);
  }

  /** Waits until the page has measured `name` more than `before` times. */
  async waitForMeasure(name: string, before: number, timeout = 120_000): Promise<void> {
    await this.page.waitForFunction(
      ({ n, c }) => performance.getEntriesByName(n).length > c,
      { n: name, c: before },
      {
        timeout,
        polling: 100,
      },
    );
  }

  /** Waits for quiet: no long task for `quietMs` (bounded by `maxMs`). */
  async settle(quietMs = 600, maxMs = 15_000): Promise<void> {
    await this.page.evaluate(
      async ([quiet, max]) => {
        const lt = (window as unknown as LongTasks).__lt;
        const start = performance.now();
        for (;;) {
          await new Promise((r) => setTimeout(r, 100));
          const last = lt.reduce((m, e) => Math.max(m, e.s + e.d), 0);
          const now = performance.now();
          if (now - Math.max(last, start) >= quiet! || now - start >= max!) return;
        }
      },
      [quietMs, maxMs],
    );
  }

  /** Runs `fn` and, with BENCH_PROFILE set, saves a CPU profile of it named after the phase. */
  async phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const dir = process.env.BENCH_PROFILE;
    if (!dir) return fn();
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.start');
    try {
      return await fn();
    } finally {
      const { profile } = await this.cdp.send('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${this.slowdown}x-${name}.cpuprofile`), JSON.stringify(profile));
    }
  }
}
