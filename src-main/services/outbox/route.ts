import { isContactsCall } from '../../contract/outbox';
import type { HandlerSource } from './handler';

/** One handler source per feature, chosen by the call's kind. */
export function routeCalls(sources: { contacts: HandlerSource; notices: HandlerSource }): HandlerSource {
  return (corpId, call) => (isContactsCall(call) ? sources.contacts : sources.notices)(corpId, call);
}
