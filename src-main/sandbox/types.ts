// Data model held by the sandbox. Shapes mirror what WeCom returns so handlers can
// serialize with little mapping; internal-only fields are marked.

export type MemberStatus = 1 | 2 | 4 | 5;

export interface Department {
  id: number;
  name: string;
  name_en: string;
  parentid: number;
  order: number;
}

export interface ExtAttr {
  type: number;
  name: string;
  text?: { value: string };
  web?: { url: string; title: string };
}

export interface User {
  userid: string;
  name: string;
  alias: string;
  mobile: string;
  email: string;
  biz_mail: string;
  department: number[];
  order: number[];
  is_leader_in_dept: number[];
  main_department: number;
  position: string;
  gender: '0' | '1' | '2';
  telephone: string;
  direct_leader: string[];
  avatar: string;
  thumb_avatar: string;
  qr_code: string;
  address: string;
  external_position: string;
  extattr: { attrs: ExtAttr[] };
  status: MemberStatus;
  /** internal: status to restore when a disabled member is re-enabled */
  prevStatus?: MemberStatus;
  /** internal: the corp creator cannot be deleted (301005) */
  creator?: boolean;
}

export interface Tag {
  tagid: number;
  tagname: string;
  /** internal: who created it; apps may only modify their own tags (81011) */
  owner: 'contacts' | number;
  /** lower-cased userids, insertion ordered */
  users: Set<string>;
  parties: Set<number>;
}

export interface SeedData {
  departments: Department[];
  users: User[];
  tags: Tag[];
}
