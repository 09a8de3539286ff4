import { events, type EventName, type EventPayload } from '../contract/events';

type Listener = (name: EventName, payload: unknown) => void;

/** Main-side fan-out of contract events to every connected transport. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // Validate here so a malformed event is caught in main, not in a renderer far away.
    events[name].parse(payload);
    for (const l of this.listeners) l(name, payload);
  }

  listen(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
