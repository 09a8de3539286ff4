const STORAGE_KEY = 'zhb.devhost.token';

export interface TokenEnv {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * The browser host opens the page as /?token=…. Keep the token for this tab only (sessionStorage
 * survives reloads) and take it out of the address bar so it is not copied, bookmarked or shown.
 */
export function takeToken(env: TokenEnv): string | null {
  const params = new URLSearchParams(env.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    try {
      env.storage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token then lives only in this page load.
    }
    params.delete('token');
    const query = params.toString();
    env.history.replaceState(
      env.history.state,
      '',
      `${env.location.pathname}${query ? `?${query}` : ''}${env.location.hash}`,
    );
    return fromUrl;
  }
  try {
    return env.storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function wsUrlFor(host: string, token: string | null): string {
  const q = token ? `?token=${encodeURIComponent(token)}` : '';
  return `ws://${host}/ws${q}`;
}
