// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithServices as render } from '../test-support/render-app';
import { AppShell } from './AppShell';
import { SIDER_KEY } from './sider-state';

afterEach(() => localStorage.clear());

describe('AppShell sidebar', () => {
  it('collapses with a real button and says which way it goes', () => {
    render(<AppShell />);
    const toggle = screen.getByRole('button', { name: '收起侧栏' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // A <button>, so Tab reaches it and Enter/Space press it.
    expect(toggle.tagName).toBe('BUTTON');
    fireEvent.click(toggle);
    const expand = screen.getByRole('button', { name: '展开侧栏' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('app-nav').className).toContain('ant-layout-sider-collapsed');
  });

  it('remembers the choice for the next start', () => {
    const first = render(<AppShell />);
    fireEvent.click(screen.getByRole('button', { name: '收起侧栏' }));
    expect(localStorage.getItem(SIDER_KEY)).toBe('1');
    first.unmount();
    render(<AppShell />);
    expect(screen.getByRole('button', { name: '展开侧栏' })).toBeTruthy();
    expect(screen.getByTestId('app-nav').className).toContain('ant-layout-sider-collapsed');
  });

  it('starts expanded when nothing was remembered', () => {
    render(<AppShell />);
    expect(screen.getByTestId('app-nav').className).not.toContain('ant-layout-sider-collapsed');
    expect(screen.getByRole('menuitem', { name: /通讯录/ })).toBeTruthy();
  });
});
