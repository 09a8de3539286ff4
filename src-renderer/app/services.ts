import { observeCalls } from '../bridge/create-api';
import type { Api } from '../bridge/types';
import { createOrgStore, type OrgStore } from '../features/org/org-store';
import { createSettingsStore, type SettingsStore } from '../features/settings/settings-store';
import { createAppStore, type AppStore } from '../stores/app-store';

/** The renderer's composition root: one api, one store per feature. */
export interface Services {
  api: Api;
  app: AppStore;
  org: OrgStore;
  settings: SettingsStore;
}

export function createServices(rawApi: Api): Services {
  let app: AppStore | null = null;
  // Every outcome feeds the offline indicator.
  const api = observeCalls(rawApi, (name, result) => app?.getState().noteCallResult(name, result));
  app = createAppStore(api);
  const org = createOrgStore(api);
  const settings = createSettingsStore(api, {
    onProfileChanged: () => {
      // Switching between demo and a real corp changes the mode banner and the cache behind 通讯录.
      void app?.getState().refreshStatus();
      void org.getState().load();
    },
  });
  return { api, app, org, settings };
}
