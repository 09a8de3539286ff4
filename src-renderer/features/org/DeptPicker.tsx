import { Modal, TreeSelect, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { DeptTree } from './dept-tree-model';

export interface DeptOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: DeptOption[];
  /** Name, pinyin and initials, lowercased: what the pickers' search matches. */
  search: string;
}

/**
 * Search in every department picker: name, full pinyin or initials ("xnk" finds 心内科). A node
 * property rather than a filter function: antd also uses it to pick the option Enter takes.
 */
export const deptSearch = { treeNodeFilterProp: 'search' } as const;

/** antd TreeSelect data for the whole tree; `isDisabled` greys out targets a move may not use. */
export function deptTreeData(tree: DeptTree | null, isDisabled?: (id: number) => boolean): DeptOption[] {
  if (!tree) return [];
  const build = (id: number): DeptOption => {
    const d = tree.byId.get(id)!;
    const kids = tree.children.get(id) ?? [];
    const node: DeptOption = {
      value: id,
      title: d.pending === 'created' ? `${d.name}（新）` : d.name,
      disabled: d.pending === 'deleted' || (isDisabled?.(id) ?? false),
      search: `${d.name}\u0001${d.pinyin ?? ''}\u0001${d.initials ?? ''}`.toLowerCase(),
    };
    if (kids.length > 0) node.children = kids.map(build);
    return node;
  };
  return tree.roots.map(build);
}

/** A searchable department picker field (member editor, tags). */
export function DeptSelect(props: {
  tree: DeptTree | null;
  value?: number | null;
  onChange?: (value: number | null) => void;
  ariaLabel: string;
  placeholder?: string;
}) {
  const data = useMemo(() => deptTreeData(props.tree), [props.tree]);
  return (
    <TreeSelect<number>
      showSearch={deptSearch}
      treeData={data}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder={props.placeholder ?? '选择部门'}
      aria-label={props.ariaLabel}
      treeDefaultExpandedKeys={props.tree?.roots.slice() as number[]}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

/**
 * The keyboard equivalent of every drag: pick a department in a dialog. Title 「移动到…」 for moves,
 * 「加入部门…」 for adding members to one more department.
 */
export function DeptPickerModal(props: {
  open: boolean;
  title: string;
  description?: string;
  tree: DeptTree | null;
  isDisabled?: (id: number) => boolean;
  okText?: string;
  onOk: (id: number) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState<number | null>(null);
  // Built while open only: the dialog is mounted all the time, and every reload (each drop) would
  // otherwise rebuild options for all 3,000 departments in the same long task. While it fades out
  // it keeps the options it had, so the chosen department still shows its name.
  const shown = useRef<DeptOption[]>([]);
  const data = useMemo(() => {
    if (props.open) shown.current = deptTreeData(props.tree, props.isDisabled);
    return shown.current;
  }, [props.open, props.tree, props.isDisabled]);
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? '确定'}
      cancelText="取消"
      okButtonProps={{ disabled: value === null }}
      destroyOnHidden
      afterClose={() => setValue(null)}
      onOk={() => value !== null && props.onOk(value)}
      onCancel={props.onCancel}
    >
      {props.description ? <Typography.Paragraph>{props.description}</Typography.Paragraph> : null}
      <TreeSelect<number>
        autoFocus
        showSearch={deptSearch}
        treeData={data}
        value={value ?? undefined}
        onChange={(v) => setValue(v ?? null)}
        placeholder="输入部门名称、拼音或首字母，或直接选择"
        aria-label="目标部门"
        treeDefaultExpandedKeys={props.tree?.roots.slice() as number[]}
        style={{ width: '100%' }}
      />
    </Modal>
  );
}
