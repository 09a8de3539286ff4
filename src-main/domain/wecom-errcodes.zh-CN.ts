/**
 * WeCom's errcodes for 通讯录 writes, each with its own Chinese reason and fix, for the push results
 * (one row per refused call), the CLI and any place an errcode reaches the clerk. One catalogue, used by
 * main and the renderer, so a refused call reads the same everywhere. Meanings are those of WeCom's
 * errcode table (shared/wecom/fixtures/errcodes.json, doc 90313); the list covers every errcode the
 * sandbox raises for contacts writes (src-main/sandbox/handlers, server.ts, tokens.ts) — a test keeps
 * it that way.
 */

/** Facts that make a reason concrete (see OpFacts in the contract). */
export interface ErrcodeFacts {
  mobile?: string | undefined;
  email?: string | undefined;
  holderUserid?: string | undefined;
  holderName?: string | undefined;
  holderDepartments?: string | undefined;
}

export interface ErrcodeText {
  /** What WeCom refused, in a few words (手机号已被占用). */
  reason: string;
  /** What to do about it. */
  fix: string;
}

type Entry = { reason: string | ((f: ErrcodeFacts) => string); fix: string | ((f: ErrcodeFacts) => string) };

const holder = (f: ErrcodeFacts): string | null => {
  if (!f.holderName && !f.holderUserid) return null;
  const dept = f.holderDepartments ? `，${f.holderDepartments}` : '';
  return `${f.holderName ?? ''}（${f.holderUserid ?? ''}${dept}）`;
};

const SYNC_FIRST = '请先点「同步」取回企业微信的最新通讯录，再核对这项修改';

export const wecomErrcodes: Record<number, Entry> = {
  [-1]: { reason: '企业微信系统繁忙', fix: '请稍等一会儿再点「重试」' },
  40001: { reason: 'Secret 不正确或已被重置', fix: '请到「设置」重新填写通讯录同步 Secret 后重试' },
  40003: {
    reason: '账号（UserID）不合法或该成员已不存在',
    fix: `账号只能含字母、数字和 _-@.，且不超过 64 字节；${SYNC_FIRST}`,
  },
  40013: { reason: '企业ID不正确', fix: '请到「设置」核对企业ID（管理后台「我的企业」页底部，以 ww 开头）' },
  40014: {
    reason: '访问凭证（access_token）无效',
    fix: '通常会自动重新获取；请点「重试」，反复出现时到「设置」点「测试连接」',
  },
  40031: { reason: '成员列表中的账号全部无效', fix: `这些成员可能已被删除；${SYNC_FIRST}` },
  40032: { reason: '一次提交的成员太多或为空', fix: '企业微信一次最多删除 200 名成员；请分批操作后重试' },
  40033: { reason: '内容含有企业微信不接受的字符', fix: '请删去姓名、职务等字段里的特殊符号或表情后重试' },
  40035: { reason: '请求的参数不合法', fix: '请检查这项修改的内容；如无法确定原因，请把错误编号发给信息科' },
  40058: {
    reason: '某个字段的值不合法（如性别、别名过长、地址过长、排序值超出范围）',
    fix: '请打开这项修改，按提示改正后重试',
  },
  40068: { reason: '标签不存在', fix: `该标签可能已在企业微信中被删除；${SYNC_FIRST}` },
  40070: {
    reason: '要加入标签的成员和部门全部无效',
    fix: `这些成员或部门可能已被删除；${SYNC_FIRST}，或选「以企业微信为准」`,
  },
  40071: { reason: '已有同名标签', fix: '请给标签换一个名字，或使用已有的那个标签' },
  40072: { reason: '标签名长度不合法', fix: '标签名须为 1–32 个字，请修改后重试' },
  41001: { reason: '缺少访问凭证', fix: '请点「重试」；反复出现时到「设置」点「测试连接」' },
  41002: { reason: '缺少企业ID', fix: '请到「设置」填写企业ID' },
  41004: { reason: '缺少 Secret', fix: '请到「设置」填写通讯录同步 Secret' },
  41009: { reason: '缺少成员账号', fix: '请打开这项修改，填写账号后重试' },
  41017: { reason: '缺少标签', fix: '请重新选择标签后重试' },
  41018: { reason: '缺少标签名', fix: '请填写标签名后重试' },
  41019: { reason: '成员没有所属部门', fix: '请给成员选择至少一个部门后重试' },
  42001: { reason: '访问凭证已过期', fix: '通常会自动重新获取；请点「重试」' },
  45009: { reason: '调用太频繁，被企业微信限流', fix: '请等几分钟再点「重试」' },
  45029: { reason: '一次读取的数据太多', fix: '请稍后重试；如反复出现，请联系信息科' },
  48002: {
    reason: '这个 Secret 没有修改通讯录的权限',
    fix: '请在管理后台「管理工具 → 通讯录同步」中把权限设为「API编辑通讯录」，并在「设置」中使用通讯录同步的 Secret',
  },
  48009: {
    reason: '企业微信不允许从本机 IP 读取成员详情',
    fix: '请在「设置」中添加一个可见范围为全院的自建应用，或把本机出口 IP 设为可信IP',
  },
  50100: { reason: '分页读取的位置已失效', fix: '请重新「同步」' },
  60001: { reason: '部门名称长度不合法', fix: '部门名称须为 1–64 个字，请修改后重试' },
  60003: {
    reason: '部门不存在',
    fix: `该部门可能已在企业微信中被删除；${SYNC_FIRST}，或选「以企业微信为准」`,
  },
  60004: {
    reason: '上级部门不存在',
    fix: `上级部门可能已在企业微信中被删除；${SYNC_FIRST}，把它移到别的部门下`,
  },
  60005: {
    reason: '部门下还有成员，不能删除',
    fix: '请先把这些成员移到别的部门（或删除），推送后再删除这个部门',
  },
  60006: { reason: '部门下还有下级部门，不能删除', fix: '请先移走或删除下级部门，推送后再删除这个部门' },
  60007: { reason: '不能删除根部门', fix: '根部门（医院本身）不能删除；请「跳过」这一项' },
  60008: {
    reason: '同一上级部门下已有同名部门',
    fix: '请给部门换一个名字（如加上院区），或使用已有的那个部门',
  },
  60009: { reason: '部门名称含有不允许的字符', fix: '部门名称不能含 \\ : * ? " < > | 等字符，请修改后重试' },
  60010: { reason: '部门不能移到自己或自己的下级部门之下', fix: '请选择别的上级部门后重试' },
  60011: {
    reason: '没有修改这个成员或部门的权限',
    fix: '请在管理后台「管理工具 → 通讯录同步」中确认权限为「API编辑通讯录」',
  },
  60020: {
    reason: '本机 IP 不在企业可信IP 中',
    fix: '请在管理后台「管理工具 → 通讯录同步」中添加本机出口 IP 为可信IP，约 1 分钟后重试',
  },
  60102: {
    reason: (f) => {
      const h = holder(f);
      return h ? `账号已被 ${h}使用` : '账号（UserID）已存在';
    },
    fix: '账号在企业内不能重复；请换一个账号（如在拼音后加数字），或选「以企业微信为准」',
  },
  60103: {
    reason: '手机号格式不对',
    fix: '请填写 11 位中国大陆手机号（以 1 开头），不要含空格；海外号码写成 +国家码 号码',
  },
  60104: {
    reason: (f) => {
      const h = holder(f);
      const m = f.mobile ? `手机号 ${f.mobile} ` : '手机号';
      return h ? `${m}已被 ${h}占用` : `${m}已被企业内的另一名成员占用`;
    },
    fix: (f) =>
      holder(f)
        ? '同一企业内手机号不能重复；请核对号码，或先修改那名成员的手机号，再点「重试」'
        : '同一企业内手机号不能重复；请先「同步」查看是谁在使用这个号码，核对后再点「重试」',
  },
  60105: { reason: '邮箱格式不对', fix: '请填写形如 name@example.com 的邮箱（6–64 个字符）' },
  60106: {
    reason: (f) => {
      const h = holder(f);
      const e = f.email ? `邮箱 ${f.email} ` : '邮箱';
      return h ? `${e}已被 ${h}占用` : `${e}已被企业内的另一名成员占用`;
    },
    fix: '同一企业内邮箱不能重复；请核对邮箱，或先修改那名成员的邮箱，再点「重试」',
  },
  60110: { reason: '成员所属部门太多', fix: '一名成员最多属于 20 个部门；请减少所属部门后重试' },
  60111: {
    reason: '成员不存在',
    fix: `该成员可能已在企业微信中被删除；${SYNC_FIRST}，或选「以企业微信为准」`,
  },
  60112: { reason: '姓名不合法', fix: '姓名不能为空，最多 64 个字；请修改后重试' },
  60123: { reason: '部门编号无效', fix: `该部门可能已被删除；${SYNC_FIRST}` },
  60127: { reason: '成员没有所属部门', fix: '请给成员选择至少一个部门后重试' },
  60129: { reason: '手机号和邮箱都为空', fix: '请至少填写手机号或邮箱中的一项后重试' },
  60132: {
    reason: '部门负责人设置与所属部门数目不一致',
    fix: `请打开这名成员，重新勾选各部门的负责人后重试；${SYNC_FIRST}`,
  },
  60257: { reason: '直属上级太多', fix: '一名成员最多设置 5 位直属上级；请减少后重试' },
  81001: {
    reason: '部门下的成员和子部门太多',
    fix: '企业微信每个部门最多 3 万个节点；请把一部分移到别的部门',
  },
  81002: { reason: '部门层级太深', fix: '企业微信最多 15 层部门；请把它放到较浅的位置' },
  81003: { reason: '标签下的成员和部门太多', fix: '一个标签最多 3 万个节点；请拆成几个标签' },
  81011: {
    reason: '没有修改这个标签的权限',
    fix: '这个标签是别的应用或管理员建立的；请在管理后台修改它，或「跳过」这一项',
  },
  81014: {
    reason: '一次加入标签的成员或部门太多',
    fix: '企业微信一次最多 1000 名成员、100 个部门；请点「重试」（会自动分批）',
  },
  301005: {
    reason: '不能删除企业的创建者',
    fix: '创建者不能被删除；请「跳过」这一项，或在管理后台先转移创建者',
  },
  301012: { reason: '职务不合法', fix: '职务最多 128 个字；请修改后重试' },
  301013: { reason: '座机号码不合法', fix: '座机只能含数字、+ 和 -（如 0571-88886666），请修改后重试' },
};

/** The Chinese reason and fix for an errcode, or null for one the catalogue does not know. */
export function errcodeText(errcode: number, facts: ErrcodeFacts = {}): ErrcodeText | null {
  const e = wecomErrcodes[errcode];
  if (!e) return null;
  return {
    reason: typeof e.reason === 'function' ? e.reason(facts) : e.reason,
    fix: typeof e.fix === 'function' ? e.fix(facts) : e.fix,
  };
}
