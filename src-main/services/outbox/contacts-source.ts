import { AppError } from '../../contract/errors';
import type { CorpContext } from '../settings/corp-context';
import { contactsHandler } from './contacts-handler';
import type { HandlerSource } from './handler';

/**
 * Handlers for the current corp's contacts calls. A row of any other corp is refused here, whatever
 * asked for it: its ids mean nothing (or something else) in the corp now configured.
 */
export function contactsSource(corp: CorpContext): HandlerSource {
  return async (corpId, call) => {
    const c = await corp.resolve();
    if (c.corpId !== corpId) {
      throw new AppError('INTERNAL', `outbox row of corp ${corpId} refused: current corp is ${c.corpId}`);
    }
    // Invitations may also go out under an app's secret; every other contacts write needs the sync secret.
    const cred =
      c.contacts ?? (call.kind === 'member.invite' ? (c.apps.find((a) => a.cred)?.cred ?? null) : null);
    if (!cred) {
      throw new AppError('NOT_CONFIGURED', 'writes need the contacts secret', {
        details: { issues: [{ path: 'contactsSecret', message: '修改通讯录需要「通讯录同步」的 Secret' }] },
      });
    }
    return contactsHandler(corp.http(c.apiBase), cred);
  };
}
