import { AppError, type ErrorCode } from '../contract/errors';

type Details = Record<string, unknown>;
const pad = (n: number) => String(n).padStart(2, '0');
const localTime = (t: Date) =>
  `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
const instanceKinds: Record<string, string> = { electron: '桌面应用', devhost: '浏览器模式', cli: '命令行' };

/** 「综合部助手已在运行（进程 N，…）。」: who holds the data folder, so the user can find and close it. */
function instanceRunning(d: Details): string {
  const parts: string[] = [];
  if (typeof d.pid === 'number') parts.push(`进程 ${d.pid}`);
  if (typeof d.kind === 'string' && instanceKinds[d.kind]) parts.push(instanceKinds[d.kind]!);
  const at = typeof d.startedAt === 'string' ? new Date(d.startedAt) : null;
  if (at && !Number.isNaN(at.getTime())) parts.push(`${localTime(at)} 启动`);
  const lock = typeof d.file === 'string' ? `（锁文件：${d.file}）` : '';
  return `综合部助手已在运行${parts.length ? `（${parts.join('，')}）` : ''}。请先关闭它，或稍候再试。${lock}`;
}

function dbCorrupt(d: Details): string {
  const file = typeof d.file === 'string' ? d.file : '数据目录下的 zhb.sqlite';
  return (
    `本地数据库文件已损坏，无法打开：${file}。为保护其中的记录，综合部助手不会覆盖或修改它。` +
    '请把该文件（连同同名的 -wal、-shm 文件）移到别的文件夹保存并交给信息科尝试修复；之后再启动会新建空数据库，需重新设置并同步通讯录'
  );
}

/** The Chinese words of details.issues (each names what to change), joined. */
function issuesText(d: Details): string | null {
  if (!Array.isArray(d.issues)) return null;
  const words = d.issues
    .map((i) => (typeof i === 'object' && i !== null ? (i as { message?: unknown }).message : undefined))
    .filter((m): m is string => typeof m === 'string' && m !== '');
  return words.length > 0 ? `输入有误：${words.join('；')}` : null;
}

/**
 * Chinese text with the fix, for terminals and the desktop app's startup error box (main cannot
 * import the renderer's catalogue).
 */
const text: Record<ErrorCode, string | ((d: Details) => string)> = {
  INVALID_INPUT: (d) =>
    typeof d.variable === 'string'
      ? `输入或配置有误：环境变量 ${d.variable} 的内容不正确${d.variable === 'WECOM_APPS' ? '（应为 JSON 数组，每项含 name、purpose、agentid、secret）' : ''}，请改正后重试`
      : (issuesText(d) ?? '输入或配置有误，请按提示修改后重试'),
  NOT_FOUND: '要找的对象不存在，可能已被删除',
  NOT_CONFIGURED:
    '尚未配置可用的 Secret：请设置环境变量 WECOM_CORP_ID、WECOM_CONTACTS_SECRET（及 WECOM_APPS），或在桌面应用的「设置」中填写',
  NETWORK: '无法连接企业微信（网络不通或被代理拦截）：请检查网络或 WECOM_API_BASE 设置后重试',
  CANCELLED: '已取消',
  JOB_RUNNING: '已有同步在进行中，请等待其完成',
  DB_TOO_NEW: '本地数据库由更新版本的综合部助手创建，请升级本程序后再运行',
  DB_CORRUPT: dbCorrupt,
  INSTANCE_RUNNING: instanceRunning,
  INTERNAL: '程序内部错误，请把日志（数据目录下 logs/main.log）发给信息中心',
  WECOM_CORPID_INVALID: '企业ID不正确（40013）：请在企业微信管理后台「我的企业」页面底部复制企业ID',
  WECOM_SECRET_INVALID: 'Secret 不正确或已重置（40001）：请到管理后台重新查看并复制 Secret',
  WECOM_IP_NOT_TRUSTED: '本机出口 IP 不在应用的企业可信IP中（60020）：请在「应用管理→应用→企业可信IP」中添加',
  WECOM_API_FORBIDDEN:
    '该 Secret 无权调用此接口（48002）：通讯录读写需使用「通讯录同步」的 Secret 并开启 API 编辑权限',
  WECOM_CONTACT_DETAILS_FORBIDDEN:
    '通讯录同步 Secret 在新 IP 上不能读取成员详情（48009）：请配置一个自建应用的 Secret 用于读取，或使用已登记的 IP',
  WECOM_RATE_LIMITED: '调用过于频繁，被企业微信限流（45009）：请稍后再试',
  WECOM_TOKEN_INVALID: '访问令牌失效且刷新后仍无效：请检查 Secret 是否刚被重置',
  WECOM_BUSY: '企业微信系统繁忙，已自动重试仍失败：请稍后再试',
  WECOM_REQUEST_REJECTED: '企业微信拒绝了这次请求，请查看错误码说明后修改',
  DEPENDENCY_FAILED: '这一步依赖的新建部门或标签没有成功，请先处理那一项失败后重试',
  CONFLICTS: '企业微信中有人修改了你也改过的部门或成员：请在应用中逐项选择保留哪一方后再推送',
  NOT_SYNCED:
    '本地还没有当前企业的通讯录：请先同步（npm run cli -- sync，或在应用中点「同步」）后再修改或推送',
  CORP_SWITCH_PENDING:
    '当前企业还有未推送的修改：切换企业后这些修改会为原企业保留（不会推送到新企业），重新配置原企业后可继续',
};

export function cliErrorText(code: ErrorCode, details: Details = {}): string {
  const t = text[code];
  const base = typeof t === 'function' ? t(details) : t;
  const extra: string[] = [];
  if (typeof details.errcode === 'number') extra.push(`错误码 ${details.errcode}`);
  if (typeof details.ip === 'string') extra.push(`企业微信看到的 IP：${details.ip}`);
  return extra.length ? `${base}（${extra.join('，')}）` : base;
}

/**
 * One line for a failure before the app is up (desktop error box, browser host, CLI). AppErrors use
 * the catalogue; our own plain errors already speak Chinese (e.g. a bad --port); anything else is
 * INTERNAL with its message appended, since there is no other place the user would see it.
 */
export function startupErrorText(e: unknown): string {
  if (e instanceof AppError) return cliErrorText(e.code, e.details);
  const msg = e instanceof Error ? e.message : String(e);
  if (/[\u4e00-\u9fff]/.test(msg)) return msg;
  return `${cliErrorText('INTERNAL')}（${msg}）`;
}
