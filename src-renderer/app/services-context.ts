import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../stores/app-store';
import type { OrgState } from '../features/org/org-store';
import type { SettingsState } from '../features/settings/settings-store';
import type { Services } from './services';

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
