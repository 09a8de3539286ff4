import type { WecomHttp } from '../http-client';
import type { Credential } from '../token-provider';
import { arr, num, numArr, str, strArr } from './normalize';

export interface WxDepartment {
  id: number;
  name: string;
  nameEn: string;
  parentid: number;
  order: number;
  leaders: string[];
}

export interface WxMember {
  userid: string;
  name: string;
  alias: string;
  position: string;
  mobile: string;
  email: string;
  telephone: string;
  gender: string;
  status: number;
  mainDepartment: number | null;
  department: number[];
  order: number[];
  isLeaderInDept: number[];
  directLeader: string[];
}

export interface WxTag {
  tagid: number;
  tagname: string;
}

const toDept = (d: Record<string, unknown>): WxDepartment => ({
  id: num(d.id),
  name: str(d.name),
  nameEn: str(d.name_en),
  parentid: num(d.parentid),
  order: num(d.order),
  leaders: strArr(d.department_leader),
});

export const toMember = (u: Record<string, unknown>): WxMember => {
  const department = numArr(u.department);
  return {
    userid: str(u.userid),
    name: str(u.name),
    alias: str(u.alias),
    position: str(u.position),
    mobile: str(u.mobile),
    email: str(u.email),
    telephone: str(u.telephone),
    gender: str(u.gender) || '0',
    status: num(u.status, 1),
    mainDepartment: u.main_department === undefined ? (department[0] ?? null) : num(u.main_department),
    department,
    order: numArr(u.order),
    isLeaderInDept: numArr(u.is_leader_in_dept),
    directLeader: strArr(u.direct_leader),
  };
};

export function contactsRead(http: WecomHttp, cred: Credential) {
  return {
    async departmentList(id?: number): Promise<WxDepartment[]> {
      const r = await http.get(cred, 'department/list', id === undefined ? {} : { id });
      return arr(r.department).map((d) => toDept(d as Record<string, unknown>));
    },
    async departmentSimpleList(): Promise<Array<{ id: number; parentid: number; order: number }>> {
      const r = await http.get(cred, 'department/simplelist');
      return arr(r.department_id).map((d) => {
        const o = d as Record<string, unknown>;
        return { id: num(o.id), parentid: num(o.parentid), order: num(o.order) };
      });
    },
    async userList(departmentId: number, fetchChild = false): Promise<WxMember[]> {
      const r = await http.get(cred, 'user/list', {
        department_id: departmentId,
        fetch_child: fetchChild ? 1 : 0,
      });
      return arr(r.userlist).map((u) => toMember(u as Record<string, unknown>));
    },
    async userGet(userid: string): Promise<WxMember> {
      const r = await http.get(cred, 'user/get', { userid });
      return toMember(r);
    },
    async tagList(): Promise<WxTag[]> {
      const r = await http.get(cred, 'tag/list');
      return arr(r.taglist).map((t) => {
        const o = t as Record<string, unknown>;
        return { tagid: num(o.tagid), tagname: str(o.tagname) };
      });
    },
    async tagGet(tagid: number): Promise<{ userids: string[]; partylist: number[] }> {
      const r = await http.get(cred, 'tag/get', { tagid });
      return {
        userids: arr(r.userlist).map((u) => str((u as Record<string, unknown>).userid)),
        partylist: numArr(r.partylist),
      };
    },
  };
}
export type ContactsRead = ReturnType<typeof contactsRead>;
