import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../stores/app-store';
import type { OrgState } from '../features/org/org-store';
import type { SettingsState } from '../features/settings/settings-store';
import type { Services } from './services';
import type { ChangesState } from '../features/org-changes/changes-store';
import type { RulesState } from '../features/rules/rules-store';
import type { TagsState } from '../features/tags/tags-store';
import type { ActivationState } from '../features/activation/activation-store';
import type { AuditState } from '../features/audit/audit-store';

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext missing');
  return services;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().app, selector);
}

export function useOrgStore<T>(selector: (state: OrgState) => T): T {
  return useStore(useServices().org, selector);
}

export function useSettingsStore<T>(selector: (state: SettingsState) => T): T {
  return useStore(useServices().settings, selector);
}

export function useChangesStore<T>(selector: (state: ChangesState) => T): T {
  return useStore(useServices().changes, selector);
}

export function useRulesStore<T>(selector: (state: RulesState) => T): T {
  return useStore(useServices().rules, selector);
}

export function useTagsStore<T>(selector: (state: TagsState) => T): T {
  return useStore(useServices().tags, selector);
}

export function useActivationStore<T>(selector: (state: ActivationState) => T): T {
  return useStore(useServices().activation, selector);
}

export function useAuditStore<T>(selector: (state: AuditState) => T): T {
  return useStore(useServices().audit, selector);
}
