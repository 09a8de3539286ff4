/** Samples this process's RSS while `fn` runs; returns the peak above the starting value too. */
export async function withPeakRss<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; peakMb: number; startMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: peak / 2 ** 20, startMb: start / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
