/**
 * Removes credentials from any text bound for a log line or an error message. Secrets and tokens
 * registered at runtime are masked wherever they appear, plus the parameters and fields that carry
 * them, in the forms they take in practice: a query string, a URL-encoded query nested in another
 * URL or log field, JSON (also JSON escaped inside a string), and JS object literals.
 */
const known = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 6) known.add(value);
}

const keys = 'access_token|corpsecret|contactsSecret|secret|token';

// access_token=…  (query string or free text)
const plain = new RegExp(`(${keys})=([^&\\s"']+)`, 'gi');
// access_token%3D…  (an encoded query: the value ends at an encoded "&", %26)
const encoded = new RegExp(`(${keys})%3D(?:(?!%26)[^&\\s"'])+`, 'gi');
// "token": "…", corpsecret: '…', \"access_token\":\"…\"  (JSON, JS literals, escaped JSON).
// Credentials never contain quotes, backslashes or spaces, so the value stops at the first one.
const quoted = new RegExp(`((?:${keys})\\\\*["']?\\s*[:=]\\s*\\\\*["'])[^"'\\\\\\s]*`, 'gi');

export function redact(text: string): string {
  let out = text.replace(plain, '$1=***');
  out = out.replace(encoded, '$1%3D***');
  out = out.replace(quoted, '$1***');
  for (const s of known) if (out.includes(s)) out = out.split(s).join('***');
  return out;
}
