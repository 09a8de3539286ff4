import { describe, expect, it } from 'vitest';
import { redact, registerSecret } from './redact';

const secret = 'Zx9_corp-SECRET-value';
const tok = 'tokABC123-def_456';

describe('redact', () => {
  it.each([
    ['query string', `GET /cgi-bin/gettoken?corpid=ww1&corpsecret=${secret}&x=1`],
    ['query string token', `user/get?access_token=${tok}&userid=a`],
    ['URL-encoded query', `redirect=https%3A%2F%2Fq%2Fx%3Faccess_token%3D${tok}%26userid%3Da`],
    ['URL-encoded secret at the end', `next=gettoken%3Fcorpsecret%3D${secret}`],
    ['JSON access_token', `{"errcode":0,"access_token": "${tok}","expires_in":7200}`],
    ['JSON token', `{"token":"${tok}"}`],
    ['JSON corpsecret', `{"corpsecret" : "${secret}"}`],
    ['JS literal, single quotes', `{ corpId: 'ww1', corpsecret: '${secret}' }`],
    ['JS literal, double quotes', `config { secret: "${secret}", label: 'x' }`],
    ['escaped JSON inside a string', `"body":"{\\"access_token\\":\\"${tok}\\"}"`],
    ['contactsSecret field', `{"contactsSecret":"${secret}"}`],
  ])('masks credentials in a %s', (_, text) => {
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(tok);
    expect(out).toContain('***');
  });

  it('keeps the text around the credential intact', () => {
    expect(redact(`x%3Faccess_token%3D${tok}%26userid%3Da`)).toBe('x%3Faccess_token%3D***%26userid%3Da');
    expect(redact(`{ corpsecret: '${secret}', label: 'hr' }`)).toBe(`{ corpsecret: '***', label: 'hr' }`);
    expect(redact(`{"token": "${tok}","n":1}`)).toBe(`{"token": "***","n":1}`);
    expect(redact('user/list?department_id=2&fetch_child=0')).toBe('user/list?department_id=2&fetch_child=0');
    expect(redact('tokens: 5, secretary: "王"')).toBe('tokens: 5, secretary: "王"');
  });

  it('masks a registered secret wherever it appears', () => {
    registerSecret('registered-secret-77');
    expect(redact('oops registered-secret-77 leaked')).toBe('oops *** leaked');
  });
});
