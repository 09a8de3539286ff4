import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import type { NoticesState } from './notices-store';

export function useNoticesStore<T>(selector: (state: NoticesState) => T): T {
  return useStore(useServices().notices, selector);
}
