/**
 * Removes credentials from any text bound for a log line or an error message. Secrets and tokens
 * registered at runtime are masked wherever they appear, plus the query parameters that carry them.
 */
const known = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 6) known.add(value);
}

export function redact(text: string): string {
  let out = text.replace(/(access_token|corpsecret|secret|token)=([^&\s"']+)/gi, '$1=***');
  out = out.replace(/("(?:access_token|corpsecret|secret|contactsSecret)"\s*:\s*")([^"]*)"/gi, '$1***"');
  for (const s of known) if (out.includes(s)) out = out.split(s).join('***');
  return out;
}
