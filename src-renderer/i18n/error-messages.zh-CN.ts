import type { AppErrorShape, ErrorCode } from '../../src-main/contract';
import { errcodeText } from '../../src-main/domain/wecom-errcodes.zh-CN';

/** What the UI needs from an error: anything with a code; ConnectionCheck codes are plain strings. */
export interface DescribableError {
  code: string;
  message?: string;
  details?: Record<string, unknown> | undefined;
  correlationId?: string;
}

export interface ErrorText {
  /** One line: what happened. */
  title: string;
  /** What it means and how to fix it. */
  detail: string;
}

type Entry = { title: string; detail: (details: Record<string, unknown>) => string };

const ipOf = (details: Record<string, unknown>): string | null => {
  const ip = details.ip;
  return typeof ip === 'string' && ip.trim() !== '' ? ip.trim() : null;
};

const instanceKinds: Record<string, string> = { electron: '桌面应用', devhost: '浏览器模式', cli: '命令行' };

const pad = (n: number) => String(n).padStart(2, '0');
const localTime = (t: Date) =>
  `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;

/** 「综合部助手已在运行（进程 N，…）。」 from INSTANCE_RUNNING details. */
const instanceRunningText = (d: Record<string, unknown>): string => {
  const parts: string[] = [];
  if (typeof d.pid === 'number') parts.push(`进程 ${d.pid}`);
  if (typeof d.kind === 'string' && instanceKinds[d.kind]) parts.push(instanceKinds[d.kind]!);
  const at = typeof d.startedAt === 'string' ? new Date(d.startedAt) : null;
  if (at && !Number.isNaN(at.getTime())) parts.push(`${localTime(at)} 启动`);
  return `综合部助手已在运行${parts.length ? `（${parts.join('，')}）` : ''}。`;
};

/**
 * Every ErrorCode of the contract. The Record type makes a new code a compile error here until it
 * has Chinese text with the fix.
 */
export const errorMessages: Record<ErrorCode, Entry> = {
  INVALID_INPUT: {
    title: '填写的内容有误',
    detail: () => '请按提示修改标红的项目后再试。',
  },
  NOT_FOUND: {
    title: '找不到要操作的数据',
    detail: () => '它可能已被删除或尚未同步到本机。请先「同步通讯录」再试。',
  },
  NOT_CONFIGURED: {
    title: '还没有配置企业微信',
    detail: () => '请到「设置」填写企业ID和通讯录同步 Secret，保存后点「测试连接」。',
  },
  NETWORK: {
    title: '无法连接企业微信（网络不通）',
    detail: () =>
      '请检查本机网络是否正常、是否需要设置代理，或联系信息科确认能访问 qyapi.weixin.qq.com。网络恢复前仍可查看本机缓存的数据。',
  },
  CANCELLED: {
    title: '操作已取消',
    detail: () => '已完成的部分保留，需要时可以重新开始。',
  },
  JOB_RUNNING: {
    title: '已有同样的任务正在进行',
    detail: () => '请等待当前任务完成（可查看进度条）后再试。',
  },
  DB_TOO_NEW: {
    title: '本机数据来自更新版本的综合部助手',
    detail: () => '当前程序版本较旧，无法安全读取这些数据。请安装最新版本的综合部助手后再打开。',
  },
  DB_CORRUPT: {
    title: '本机数据库文件已损坏，无法打开',
    detail: (d) => {
      const file = typeof d.file === 'string' ? d.file : '数据目录下的 zhb.sqlite';
      return `文件：${file}。为保护其中的记录，综合部助手不会覆盖或修改它。请先关闭综合部助手，把该文件（连同同名的 -wal、-shm 文件）移到别的文件夹保存，交给信息科尝试修复；之后再打开会新建空的数据库，需要重新填写设置并同步通讯录。`;
    },
  },
  INSTANCE_RUNNING: {
    title: '综合部助手已在运行',
    detail: (d) => `${instanceRunningText(d)}请先关闭它，或稍候再试。`,
  },
  INTERNAL: {
    title: '程序内部出错',
    detail: () => '请重试一次；如果仍然出现，请把错误编号发给信息科或开发人员。',
  },
  WECOM_CORPID_INVALID: {
    title: '企业ID不正确（错误码 40013）',
    detail: () =>
      '企业微信不认识这个企业ID。请到企业微信管理后台「我的企业」页面底部复制企业ID（以 ww 开头），粘贴到「设置」后保存。',
  },
  WECOM_SECRET_INVALID: {
    title: 'Secret 不正确或已被重置（错误码 40001）',
    detail: () =>
      '请重新复制 Secret：通讯录同步 Secret 在管理后台「管理工具 → 通讯录同步」；自建应用的 Secret 在「应用管理 → 应用 → 该应用 → Secret」。也请确认企业ID与 Secret 属于同一企业、应用未被停用。注意：多次用错误的 Secret 调用会导致本机 IP 被企业微信封禁 1 小时。',
  },
  WECOM_IP_NOT_TRUSTED: {
    title: '本机 IP 不在企业可信IP 中（错误码 60020）',
    detail: (d) => {
      const ip = ipOf(d);
      const seen = ip ? `企业微信看到的来访 IP 是 ${ip}。` : '';
      return `${seen}请到管理后台「应用管理 → 应用 → 该应用 → 企业可信IP」中添加${ip ? `这个 IP（${ip}）` : '本机的出口 IP'}，保存后约 1 分钟生效，再点「测试连接」。`;
    },
  },
  WECOM_API_FORBIDDEN: {
    title: '这个 Secret 没有调用该接口的权限（错误码 48002）',
    detail: () =>
      '修改通讯录需要使用「通讯录同步」的 Secret，并在「管理工具 → 通讯录同步」中把权限设为「API编辑通讯录」；使用自建应用的 Secret 时，需把该应用加入对应工具（如微盘、日程）的「可调用接口的应用」。',
  },
  WECOM_CONTACT_DETAILS_FORBIDDEN: {
    title: '企业微信不允许从本机 IP 读取成员详情（错误码 48009）',
    detail: () =>
      '自 2022 年 8 月起，通讯录同步 Secret 从新的 IP 调用时只能读取成员ID，不能读取姓名等详情。请在「设置」中添加一个可见范围为全院的自建应用（如「小助手」）并填写其 Secret，读取详情时会改用它；或在「管理工具 → 通讯录同步」中配置本机出口 IP 为可信IP。',
  },
  WECOM_RATE_LIMITED: {
    title: '调用太频繁，被企业微信限流（错误码 45009）',
    detail: () =>
      '请等几分钟再试。若之前多次用错误的 Secret 调用，本机 IP 可能被封禁 1 小时，请先在「设置」中改正 Secret。',
  },
  WECOM_TOKEN_INVALID: {
    title: '访问凭证（access_token）已失效',
    detail: () => '通常会自动重新获取；如果反复出现，请到「设置」点「测试连接」，必要时重新填写 Secret。',
  },
  WECOM_BUSY: {
    title: '企业微信系统繁忙',
    detail: () => '这是企业微信服务器的临时问题，请稍等一会儿再试。',
  },
  WECOM_REQUEST_REJECTED: {
    title: '企业微信拒绝了这次请求',
    detail: (d) => {
      // A catalogued errcode has its own reason and fix; only an unknown one gets the general words.
      const known = typeof d.errcode === 'number' ? errcodeText(d.errcode, d) : null;
      if (known) return `${known.reason}（错误码 ${d.errcode as number}）。${known.fix}。`;
      const errcode = typeof d.errcode === 'number' ? `（错误码 ${d.errcode}）` : '';
      return `请求的数据不符合企业微信的要求${errcode}，例如账号、部门或字段格式不对。请检查后重试；如无法确定原因，请把错误编号发给信息科。`;
    },
  },
  DEPENDENCY_FAILED: {
    title: '前一步没有成功，这一步无法执行',
    detail: () =>
      '这项修改要用到本次推送中新建的部门或标签，但新建那一步失败了。请先查看并处理那一项失败，再点「重试失败的操作」。',
  },
  NOT_SYNCED: {
    title: '还没有当前企业的通讯录',
    detail: () => '本地缓存中还不是当前企业的通讯录。请先点「同步」取回企业微信的通讯录，再修改或推送。',
  },
  CORP_SWITCH_PENDING: {
    title: '当前企业还有未推送的修改',
    detail: () =>
      '切换企业后，这些修改会为原企业单独保留，绝不会推送到新企业；以后重新配置原企业即可继续推送。确认切换吗？',
  },
  CONFLICTS: {
    title: '企业微信中有人同时修改了相同的部门或成员',
    detail: () =>
      '推送已暂停，没有写入任何修改。请在「冲突」列表中逐项选择保留本地修改还是企业微信中的版本，然后再次推送。',
  },
};

const bridgeDown: ErrorText = {
  title: '与本机后台服务的连接已断开',
  detail: '正在自动重新连接，请稍候再试。如果一直无法恢复，请关闭后重新打开综合部助手。',
};

function isKnownCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorMessages, code);
}

export function describeError(error: DescribableError | AppErrorShape): ErrorText {
  const details = error.details ?? {};
  // The renderer's own transport failure is not WeCom being unreachable.
  if (error.code === 'NETWORK' && details.source === 'bridge') return bridgeDown;
  if (!isKnownCode(error.code)) {
    return {
      title: '操作失败',
      detail: `出现了未识别的错误（${error.code}）。请重试；如果仍然出现，请把错误编号发给信息科。`,
    };
  }
  const entry = errorMessages[error.code];
  let detail = entry.detail(details);
  if (error.code === 'INTERNAL' && error.correlationId) detail += `错误编号：${error.correlationId}`;
  return { title: entry.title, detail };
}

/** One line for places with little room (list items, tooltips). */
export function describeErrorInline(error: DescribableError | AppErrorShape): string {
  const { title, detail } = describeError(error);
  return `${title}：${detail}`;
}
