// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DraftView } from '../../../src-main/contract';
import { ok } from '../../test-support/fake-api';
import { renderWithServices } from '../../test-support/render-app';
import { NoticeComposer } from './NoticeComposer';

const draft = (body: DraftView['body']): DraftView => ({
  id: 1,
  isTemplate: false,
  title: '',
  body,
  updatedAt: 't',
});
const count = {
  synced: true,
  total: 693,
  receiving: 678,
  notJoined: Array.from({ length: 12 }, (_, i) => ({ userid: `n${i}`, name: `未激活${i}` })),
  disabled: Array.from({ length: 3 }, (_, i) => ({ userid: `d${i}`, name: `停用${i}` })),
  outsideRange: [],
  unknownUsers: [],
  unknownDepartments: [],
  unknownTags: [],
};

function renderComposer() {
  const app = renderWithServices(<NoticeComposer />, {
    'notices.saveDraft': (i) => ok(draft(i.body)),
    'notices.headCount': () => ok(count),
  });
  act(() => {
    app.services.notices.getState().newNotice(1000002);
    app.services.notices
      .getState()
      .edit({ recipients: { all: true, userids: [], departmentIds: [], tagIds: [] } });
  });
  return app;
}

const sendButton = () => screen.getByRole<HTMLButtonElement>('button', { name: '发送' });

describe('NoticeComposer', () => {
  it('counts bytes as WeCom does and refuses to send past 2,048', () => {
    renderComposer();
    const box = screen.getByLabelText('通知内容');
    fireEvent.change(box, { target: { value: '汉'.repeat(682) } });
    expect(screen.getByTestId('bytes-content').textContent).toBe('已用 2,046 / 2,048 字节');
    expect(sendButton().disabled).toBe(false);
    fireEvent.change(box, { target: { value: '汉'.repeat(683) } });
    expect(screen.getByTestId('bytes-content').textContent).toBe(
      '已用 2,049 / 2,048 字节，超出企业微信的限制',
    );
    expect(sendButton().disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toContain('内容超出企业微信的限制：2049 / 2048 字节');
  });

  it('shows the de-duplicated head count with who will not receive it', async () => {
    const app = renderComposer();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 350));
    });
    expect(app.api.calls.some((c) => c.name === 'notices.headCount')).toBe(true);
    expect(screen.getByTestId('headcount').textContent).toBe(
      '共 693 人，其中 未激活收不到 12 人，已停用 3 人',
    );
  });

  it('cannot send without recipients', () => {
    const app = renderComposer();
    act(() =>
      app.services.notices
        .getState()
        .edit({ recipients: { all: false, userids: [], departmentIds: [], tagIds: [] } }),
    );
    fireEvent.change(screen.getByLabelText('通知内容'), { target: { value: '周五例会' } });
    expect(sendButton().disabled).toBe(true);
  });
});
