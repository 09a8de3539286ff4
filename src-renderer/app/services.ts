import { createAuditStore, type AuditStore } from '../features/audit/audit-store';
import { observeCalls } from '../bridge/create-api';
import type { Api } from '../bridge/types';
import { createOrgStore, type OrgStore } from '../features/org/org-store';
import { createSettingsStore, type SettingsStore } from '../features/settings/settings-store';
import { createAppStore, type AppStore } from '../stores/app-store';
import { syncIfEmpty } from '../stores/first-sync';
import { createChangesStore, type ChangesStore } from '../features/org-changes/changes-store';
import { createRulesStore, type RulesStore } from '../features/rules/rules-store';
import { createTagsStore, type TagsStore } from '../features/tags/tags-store';
import { createActivationStore, type ActivationStore } from '../features/activation/activation-store';
import { createNoticesStore, type NoticesStore } from '../features/notices/notices-store';

/** The renderer's composition root: one api, one store per feature. */
export interface Services {
  api: Api;
  app: AppStore;
  org: OrgStore;
  settings: SettingsStore;
  changes: ChangesStore;
  rules: RulesStore;
  tags: TagsStore;
  activation: ActivationStore;
  audit: AuditStore;
  notices: NoticesStore;
}

export function createServices(rawApi: Api): Services {
  let app: AppStore | null = null;
  // Every outcome feeds the offline indicator.
  const api = observeCalls(rawApi, (name, result) => app?.getState().noteCallResult(name, result));
  app = createAppStore(api);
  const org = createOrgStore(api);
  const tags = createTagsStore(api);
  const audit = createAuditStore(api);
  const activation = createActivationStore(api);
  const settings = createSettingsStore(api, {
    onProfileChanged: (_profile, { corpSwitched }) => {
      // Switching between demo and a real corp changes the mode banner and the cache behind 通讯录.
      void app?.getState().refreshStatus();
      void org.getState().load();
      if (!corpSwitched) return;
      // The old corp's work stays with it; this corp's list (maybe kept from before) shows instead.
      changes.getState().dismissPushError();
      void changes.getState().refresh();
      void changes.getState().loadPushState();
      // The cache no longer holds the current corp: fetch it at once rather than show an empty tree.
      void org.getState().startSync();
    },
    // A corp whose first sync failed (a wrong secret, since fixed) or never ran fills itself now.
    onContactsReachable: () => void syncIfEmpty(org),
  });
  const changes = createChangesStore(api, {
    // The working copy moved (stage, undo, push…): every view of it reloads.
    onWorkingCopyChanged: () => {
      void org.getState().load();
      if (tags.getState().status !== 'idle') void tags.getState().reload();
      if (activation.getState().status !== 'idle') void activation.getState().load();
      if (audit.getState().status !== 'idle') void audit.getState().load();
    },
  });
  const rules = createRulesStore(api, {
    onStaged: () =>
      void changes
        .getState()
        .refresh()
        .then(() => org.getState().load()),
  });
  const notices = createNoticesStore(api);
  return { api, app, org, settings, changes, rules, tags, activation, audit, notices };
}
