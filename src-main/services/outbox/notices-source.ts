import { AppError } from '../../contract/errors';
import type { NoticesRepo } from '../../db/repos/notices-repo';
import type { AttachmentStore } from '../notices/attachment-store';
import type { CorpContext } from '../settings/corp-context';
import type { HandlerSource } from './handler';
import { noticesHandler } from './notices-handler';

/**
 * Handlers for the current corp's notice calls, under the sending app's own secret (a message must
 * go with the token of the agentid it names, 301002). Media belong to the whole corp, so an upload
 * may use any configured app, 小助手 first.
 */
export function noticesSource(
  corp: CorpContext,
  repo: NoticesRepo,
  files: AttachmentStore,
  nowMs: () => number,
): HandlerSource {
  return async (corpId, call) => {
    const c = await corp.resolve();
    if (c.corpId !== corpId) {
      throw new AppError('INTERNAL', `outbox row of corp ${corpId} refused: current corp is ${c.corpId}`);
    }
    const app =
      call.kind === 'message.send' || call.kind === 'message.recall'
        ? c.apps.find((a) => a.agentid === call.agentid)
        : (c.apps.find((a) => a.purpose === '小助手' && a.cred) ?? c.apps.find((a) => a.cred));
    if (!app?.cred) {
      throw new AppError('NOT_CONFIGURED', 'notices need the app secret', {
        details: { issues: [{ path: 'apps', message: '发送通知需要应用的 Secret，请在「设置」里填写' }] },
      });
    }
    return noticesHandler({ http: corp.http(c.apiBase), cred: app.cred, corpId, repo, files, nowMs });
  };
}
