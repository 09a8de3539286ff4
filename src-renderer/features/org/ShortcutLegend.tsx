import { Modal } from 'antd';
import { deptLegend, type LegendEntry } from './dept-commands';
import { memberLegend } from './member-commands';

function Section({ title, entries }: { title: string; entries: LegendEntry[] }) {
  return (
    <section className="shortcut-section" aria-label={title}>
      <h4>{title}</h4>
      <dl className="shortcut-list">
        {entries.map((e) => (
          <div key={`${e.keys}-${e.label}`} className="shortcut-entry">
            <dt>
              <kbd>{e.keys}</kbd>
            </dt>
            <dd>{e.label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * The 「?」 legend. Drawn from the command declarations (dept-commands.ts, member-commands.ts), so a
 * new shortcut appears here by being declared, never by a second list.
 */
export function ShortcutLegend({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="键盘快捷键" onCancel={onClose} footer={null} width={560} destroyOnHidden>
      <Section title="部门树" entries={deptLegend()} />
      <Section title="成员表" entries={memberLegend()} />
      <p className="shortcut-foot">在部门树或成员表中按「?」可随时打开本说明，Esc 关闭。</p>
    </Modal>
  );
}
