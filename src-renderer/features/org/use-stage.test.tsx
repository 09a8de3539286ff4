// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../src-main/contract';
import { ToastHost } from '../../components/ToastHost';
import { clearToasts } from '../../components/toast-store';
import { ok } from '../../test-support/fake-api';
import { changeBackend } from '../../test-support/org-edit-fixtures';
import { renderWithServices } from '../../test-support/render-app';
import { useStage } from './use-stage';

afterEach(() => clearToasts());

const moveOne: ChangeOp[] = [
  {
    type: 'member.update',
    userid: 'PengFeng',
    fields: { departments: [{ departmentId: 9, order: 0, isLeader: false }], mainDepartment: 9 },
  },
];
const renameDept: ChangeOp[] = [{ type: 'dept.update', id: 3, name: '骨外科' }];

function Stager({ label, ops }: { label: string; ops: ChangeOp[] }) {
  const stage = useStage();
  return (
    <button type="button" onClick={() => void stage(label, ops)}>
      {label}
    </button>
  );
}

/** Two gestures to stage, over an in-memory undo stack like main's; main names the person it moved. */
function setup() {
  const backend = changeBackend();
  const app = renderWithServices(
    <>
      <Stager label="移动 1 人到「康复医学科」" ops={moveOne} />
      <Stager label="把「骨科」改名为「骨外科」" ops={renameDept} />
      <ToastHost />
    </>,
    {
      'orgEdit.listChanges': () => ok(backend.list()),
      'orgEdit.stage': ({ label, ops }) => {
        const c = backend.stage(label, ops);
        if (ops[0]?.type === 'member.update') c.summaries = ['将 彭峰 从 心血管内科 移到 康复医学科'];
        return ok({ change: c });
      },
      'orgEdit.undo': () => ok({ changeId: backend.undo() }),
      'orgEdit.redo': () => ok({ changeId: backend.redo() }),
    },
  );
  const click = (name: string) => act(async () => fireEvent.click(screen.getByRole('button', { name })));
  return { ...app, backend, click };
}

describe('useStage toasts', () => {
  it('a single-member gesture names the person, and its inline 撤销 undoes it', async () => {
    const { backend, click } = setup();
    await click('移动 1 人到「康复医学科」');
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('已记录：将 彭峰 从 心血管内科 移到 康复医学科');
    expect(backend.applied).toHaveLength(1);
    await act(async () => fireEvent.click(within(toast).getByRole('button', { name: '撤销' })));
    expect(backend.applied).toHaveLength(0);
    expect(backend.undone.map((c) => c.label)).toEqual(['移动 1 人到「康复医学科」']);
    // Undo confirms what it did.
    expect((await screen.findByTestId('toast')).textContent).toContain('已撤销：移动 1 人到「康复医学科」');
  });

  it('other gestures keep their label; a newer toast replaces the older one, so 撤销 means the latest', async () => {
    const { backend, click } = setup();
    await click('移动 1 人到「康复医学科」');
    await click('把「骨科」改名为「骨外科」');
    const toasts = await screen.findAllByTestId('toast');
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.textContent).toContain('已记录：把「骨科」改名为「骨外科」');
    await act(async () => fireEvent.click(within(toasts[0]!).getByRole('button', { name: '撤销' })));
    expect(backend.applied.map((c) => c.label)).toEqual(['移动 1 人到「康复医学科」']);
  });
});
