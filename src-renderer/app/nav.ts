import { createContext, useContext } from 'react';

/** The modules that work now; others join the menu when they do. */
export const pages = ['org', 'rules', 'tags', 'activation', 'notices', 'audit', 'settings'] as const;
export type PageKey = (typeof pages)[number];

export const NavigateContext = createContext<(page: PageKey) => void>(() => {});

export const useNavigate = (): ((page: PageKey) => void) => useContext(NavigateContext);
