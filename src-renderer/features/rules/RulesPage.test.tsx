// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../test-support/fake-api';
import { renderWithServices } from '../../test-support/render-app';
import { RulesPage } from './RulesPage';

describe('RulesPage', () => {
  it('with no rules, a preset of the empty state opens the editor filled in', async () => {
    renderWithServices(<RulesPage />, { 'rules.list': () => ok({ rules: [] }) });
    await act(async () => {});
    expect(screen.getByText('还没有分组规则')).toBeTruthy();
    fireEvent.click(screen.getByText(/^正副主任（/));
    const editor = await screen.findByRole('dialog', { name: '新建规则' });
    expect(within(editor).getByLabelText<HTMLInputElement>('名称').value).toBe('正副主任');
  });
});
