import type { AppPurpose } from '../../contract/settings';

/** The non-secret part of the corp profile, as stored in the settings table. */
export interface StoredProfile {
  corpId: string;
  apps: Array<{ name: string; purpose: AppPurpose; agentid: number }>;
}

export const PROFILE_KEY = 'corp.profile';
export const contactsSecretKey = 'contacts';
export const appSecretKey = (agentid: number): string => `app:${agentid}`;
