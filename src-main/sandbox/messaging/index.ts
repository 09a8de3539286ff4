import { SandboxClock } from './clock';
import { MediaStore } from './media-store';
import { MessageLog } from './message-log';
import { VisibleRanges } from './visible-ranges';

/** The app-message side of the sandbox: clock, media, delivered messages, visible ranges. */
export class Messaging {
  readonly clock = new SandboxClock();
  readonly media = new MediaStore(this.clock);
  readonly log = new MessageLog(this.clock);
  readonly ranges = new VisibleRanges();

  reset(): void {
    this.clock.reset();
    this.media.clear();
    this.log.clear();
    this.ranges.clear();
  }
}

export type { Delivery } from './message-log';
export type { VisibleRange } from './visible-ranges';
