// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ElderSwitch, LanguageSwitch } from '../components/PreferenceControls';
import { mockClient, renderWithApp } from '../testing/render';
import { STORAGE_KEYS } from './storage';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  document.documentElement.className = '';
});

function Controls() {
  return (
    <>
      <LanguageSwitch />
      <ElderSwitch />
    </>
  );
}

describe('preferences', () => {
  it('switches the elder-friendly mode on <html> and remembers it', async () => {
    renderWithApp(<Controls />, { client: mockClient({}).client, language: 'en' });
    const toggle = screen.getByRole('switch', { name: 'Elder-friendly mode' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(document.documentElement.classList.contains('elder')).toBe(true);
    expect(window.localStorage.getItem(STORAGE_KEYS.elder)).toBe('1');
    await userEvent.click(toggle);
    expect(document.documentElement.classList.contains('elder')).toBe(false);
    expect(window.localStorage.getItem(STORAGE_KEYS.elder)).toBe('0');
  });

  it('switches the language, sets <html lang> and remembers it', async () => {
    renderWithApp(<Controls />, { client: mockClient({}).client, language: 'zh-CN' });
    expect(screen.getByRole('switch', { name: '长辈模式' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('switch', { name: 'Elder-friendly mode' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(STORAGE_KEYS.language)).toBe('en');
    await userEvent.click(screen.getByRole('button', { name: '切换到中文' }));
    expect(await screen.findByRole('switch', { name: '长辈模式' })).toBeTruthy();
    expect(window.localStorage.getItem(STORAGE_KEYS.language)).toBe('zh-CN');
  });
});
