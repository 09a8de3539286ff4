/**
 * Plays "someone else in the WeCom admin console": edits the sandbox through WeCom's own API, as a
 * second client would, so the app sees a genuine remote change.
 */
export async function consoleEdit(
  base: string,
  corpId: string,
  secret: string,
  path: string,
  body: unknown,
): Promise<void> {
  const t = (await (
    await fetch(`${base}/cgi-bin/gettoken?corpid=${corpId}&corpsecret=${secret}`)
  ).json()) as { access_token: string };
  const r = (await (
    await fetch(`${base}/cgi-bin/${path}?access_token=${t.access_token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json()) as { errcode: number; errmsg: string };
  if (r.errcode !== 0) throw new Error(`console edit failed: ${r.errcode} ${r.errmsg}`);
}
