import { principalForSecret, type SandboxCredentials } from '../credentials';
import { ApiError } from '../errors';
import type { Faults } from '../faults';
import type { TokenStore } from '../tokens';
import type { HandlerResult } from '../context';

/** GET /cgi-bin/gettoken?corpid=&corpsecret= — the only endpoint without an access_token. */
export function gettoken(
  query: URLSearchParams,
  ip: string,
  faults: Faults,
  tokens: TokenStore,
  credentials: SandboxCredentials,
): HandlerResult {
  // an IP banned for wrong-secret storms is refused whatever it sends, for the whole hour
  if (faults.gettokenBanned(ip)) throw new ApiError(45009);
  const corpid = query.get('corpid');
  const secret = query.get('corpsecret');
  if (!corpid) throw new ApiError(41002);
  if (!secret) throw new ApiError(41004);
  if (corpid !== credentials.corpId) throw new ApiError(40013);
  const principal = principalForSecret(credentials, secret);
  if (!principal) {
    faults.recordWrongSecret(ip);
    throw new ApiError(40001);
  }
  const { token, expiresIn } = tokens.issue(secret, principal);
  return { access_token: token, expires_in: expiresIn };
}
