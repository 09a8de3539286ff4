/**
 * The sandbox's idea of now. Tests move it forward to expire media (3 days), leave the recall
 * window (24 h) or the duplicate-check interval without waiting; it never goes back.
 */
export class SandboxClock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowS(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error('advanceSeconds must be ≥ 0');
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
