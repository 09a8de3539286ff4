import axios from 'axios';
import type { EventBus } from '../../ipc/event-bus';

/**
 * Online = WeCom's host answered recently. Updated by every sync outcome and by a light probe,
 * so the 离线 indicator is right even when nobody is syncing.
 */
export class Connectivity {
  private online = true;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly bus: EventBus) {}

  get isOnline(): boolean {
    return this.online;
  }

  report(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    this.bus.emit('app.connectivityChanged', { online });
  }

  async probe(apiBase: string): Promise<boolean> {
    try {
      // Any HTTP answer from the API host means reachable; no credentials and no real API are involved.
      await axios.get(apiBase.replace(/\/+$/, '') + '/cgi-bin/', {
        timeout: 3000,
        validateStatus: () => true,
        proxy: false,
      });
      this.report(true);
      return true;
    } catch {
      this.report(false);
      return false;
    }
  }

  startProbing(apiBase: () => Promise<string>, everyMs: number): void {
    this.stop();
    const tick = async () => {
      try {
        await this.probe(await apiBase());
      } catch {
        /* resolve failures are reported by the calls that need the corp */
      }
    };
    void tick();
    this.timer = setInterval(() => void tick(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
