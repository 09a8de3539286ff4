import type { Handler } from './context';
import { batchInvite } from './handlers/batch';
import {
  departmentCreate,
  departmentDelete,
  departmentGet,
  departmentList,
  departmentSimplelist,
  departmentUpdate,
} from './handlers/departments';
import { agentGet } from './handlers/agent';
import { mediaGet, mediaUpload, mediaUploadImg } from './handlers/media';
import { messageRecall, messageSend } from './handlers/message';
import { tagAddUsers, tagCreate, tagDelete, tagDelUsers, tagGet, tagList, tagUpdate } from './handlers/tags';
import {
  userBatchdelete,
  userCreate,
  userDelete,
  userGet,
  userList,
  userListId,
  userSimplelist,
  userUpdate,
} from './handlers/users';

/**
 * Who may call a route:
 * - read: any token (apps see the whole org: their visible range is the root department)
 * - contacts: contacts-sync secret only, apps get 48002 (contacts writes, user/list_id)
 * - tag-write: contacts secret or an app; ownership is checked by the handler (81011)
 * - app: an app token only, the contacts secret gets 48002 (message/send, agent/get)
 */
export type Access = 'read' | 'contacts' | 'tag-write' | 'app';

export interface Route {
  method: 'GET' | 'POST';
  access: Access;
  /** a "detail" read the contacts secret loses under the 48009 restriction */
  detail?: boolean;
  /** the body is multipart/form-data (uploads), not JSON */
  multipart?: boolean;
  handler: Handler;
}

export const ROUTES: Record<string, Route> = {
  'department/list': { method: 'GET', access: 'read', detail: true, handler: departmentList },
  'department/simplelist': { method: 'GET', access: 'read', handler: departmentSimplelist },
  'department/get': { method: 'GET', access: 'read', handler: departmentGet },
  'department/create': { method: 'POST', access: 'contacts', handler: departmentCreate },
  'department/update': { method: 'POST', access: 'contacts', handler: departmentUpdate },
  'department/delete': { method: 'GET', access: 'contacts', handler: departmentDelete },

  'user/get': { method: 'GET', access: 'read', detail: true, handler: userGet },
  'user/list': { method: 'GET', access: 'read', detail: true, handler: userList },
  'user/simplelist': { method: 'GET', access: 'read', handler: userSimplelist },
  'user/list_id': { method: 'POST', access: 'contacts', handler: userListId },
  'user/create': { method: 'POST', access: 'contacts', handler: userCreate },
  'user/update': { method: 'POST', access: 'contacts', handler: userUpdate },
  'user/delete': { method: 'GET', access: 'contacts', handler: userDelete },
  'user/batchdelete': { method: 'POST', access: 'contacts', handler: userBatchdelete },

  'tag/list': { method: 'GET', access: 'read', handler: tagList },
  'tag/get': { method: 'GET', access: 'read', handler: tagGet },
  'tag/create': { method: 'POST', access: 'tag-write', handler: tagCreate },
  'tag/update': { method: 'POST', access: 'tag-write', handler: tagUpdate },
  'tag/delete': { method: 'GET', access: 'tag-write', handler: tagDelete },
  'tag/addtagusers': { method: 'POST', access: 'tag-write', handler: tagAddUsers },
  'tag/deltagusers': { method: 'POST', access: 'tag-write', handler: tagDelUsers },

  // batch/invite needs view permission on the invitees, which every app here has (doc 90975)
  'batch/invite': { method: 'POST', access: 'read', handler: batchInvite },

  'message/send': { method: 'POST', access: 'app', handler: messageSend },
  'message/recall': { method: 'POST', access: 'app', handler: messageRecall },
  // media is shared by every app of the corp; the contacts secret uploads import CSVs too
  'media/upload': { method: 'POST', access: 'read', multipart: true, handler: mediaUpload },
  'media/uploadimg': { method: 'POST', access: 'read', multipart: true, handler: mediaUploadImg },
  'media/get': { method: 'GET', access: 'read', handler: mediaGet },
  'agent/get': { method: 'GET', access: 'app', handler: agentGet },
};
