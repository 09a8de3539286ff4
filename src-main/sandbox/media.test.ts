import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index';
import { appSecret, getToken, type Loose } from './testkit';

let sb: RunningSandbox;
let app: string;
beforeAll(async () => {
  sb = await startSandbox();
  app = await getToken(sb, appSecret(sb, 1000002));
});
afterAll(() => sb.close());
beforeEach(() => sb.messaging.reset());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

/** A multipart body built by hand, so the test controls exactly how the filename is written. */
function multipart(disposition: string, data: Buffer, contentType = 'application/octet-stream') {
  const boundary = '-------------------------acebdf13572468';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="media";${disposition}\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const body = Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  type: string,
  disposition: string,
  data: Buffer,
  path = 'media/upload',
): Promise<Loose> {
  const { body, contentType } = multipart(disposition, data);
  const url = `${sb.url}/cgi-bin/${path}?access_token=${app}&type=${type}`;
  const res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': contentType } });
  return res.json();
}

describe('media/upload', () => {
  it('keeps a raw UTF-8 Chinese filename and answers created_at as a string', async () => {
    const data = Buffer.from('关于做好冬季安全生产工作的通知');
    const r = await upload('file', `filename="冬季安全通知.docx"; filelength=${data.length}`, data);
    expect(r.errcode).toBe(0);
    expect(r.errmsg).toBe('');
    expect(typeof r.created_at).toBe('string');
    expect(sb.messaging.media.get(r.media_id)?.filename).toBe('冬季安全通知.docx');
  });

  it('ignores an RFC 5987 filename* like WeCom does', async () => {
    const r = await upload(
      'file',
      `filename*=utf-8''${encodeURIComponent('通知.txt')}`,
      Buffer.from('hello world'),
    );
    expect(r.errcode).toBe(0);
    expect(sb.messaging.media.get(r.media_id)?.filename).toBe('');
  });

  it('checks content, size and type', async () => {
    expect((await upload('image', 'filename="a.png"', Buffer.from('not an image at all'))).errcode).toBe(
      40004,
    );
    expect((await upload('image', 'filename="a.png"', PNG)).errcode).toBe(0);
    expect((await upload('file', 'filename="a.txt"', Buffer.from('abcde'))).errcode).toBe(40006);
    expect((await upload('voice', 'filename="a.amr"', Buffer.from('RIFF....WAVEfmt '))).errcode).toBe(301017);
    expect((await upload('sticker', 'filename="a.txt"', Buffer.from('abcdefgh'))).errcode).toBe(40005);
    expect((await upload('file', 'filename="big.bin"', Buffer.alloc(20 * 1024 * 1024 + 1, 1))).errcode).toBe(
      45001,
    );
  });

  it('a media_id expires after 3 days on the sandbox clock', async () => {
    const r = await upload('image', 'filename="a.png"', PNG);
    const send = (mediaId: string) =>
      fetch(`${sb.url}/cgi-bin/message/send?access_token=${app}`, {
        method: 'POST',
        body: JSON.stringify({
          agentid: 1000002,
          touser: '@all',
          msgtype: 'image',
          image: { media_id: mediaId },
        }),
      }).then((x) => x.json() as Promise<Loose>);
    sb.messaging.clock.advance(3 * 24 * 3600 - 60);
    expect((await send(r.media_id)).errcode).toBe(0);
    sb.messaging.clock.advance(120);
    expect((await send(r.media_id)).errcode).toBe(40007);
  });
});

describe('media/get and uploadimg', () => {
  it('returns the bytes with both filename forms and honours Range', async () => {
    const data = Buffer.from('0123456789abcdef');
    const r = await upload('file', 'filename="排班表.txt"', data);
    const url = `${sb.url}/cgi-bin/media/get?access_token=${app}&media_id=${r.media_id}`;
    const whole = await fetch(url);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(data);
    const cd = whole.headers.get('content-disposition')!;
    expect(decodeURIComponent(/filename\*=utf-8''([^;]+)/.exec(cd)![1]!)).toBe('排班表.txt');
    const part = await fetch(url, { headers: { Range: 'bytes=4-7' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('4567');
    const missing = (await (
      await fetch(`${sb.url}/cgi-bin/media/get?access_token=${app}&media_id=x`)
    ).json()) as Loose;
    expect(missing.errcode).toBe(40007);
  });

  it('uploadimg returns a permanent qpic URL for JPG/PNG only', async () => {
    const ok = await upload('', 'filename="a.png"', PNG, 'media/uploadimg');
    expect(ok.url).toMatch(/^http:\/\/p\.qpic\.cn\/pic_wework\//);
    expect(
      (await upload('', 'filename="a.gif"', Buffer.from('GIF89a......'), 'media/uploadimg')).errcode,
    ).toBe(40004);
  });
});
