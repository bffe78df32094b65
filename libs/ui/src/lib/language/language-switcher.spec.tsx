import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppShell } from '../app-shell/app-shell';
import { LanguageProvider, useLanguage } from './language-context';

function Greeting() {
  const { t } = useLanguage();
  return <p>{t('common.signIn')}</p>;
}

function renderShell() {
  return render(
    <LanguageProvider>
      <AppShell title="Olympiad">
        <Greeting />
      </AppShell>
    </LanguageProvider>,
  );
}

describe('LanguageSwitcher in the AppShell', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('starts in Kazakh and marks it pressed', () => {
    renderShell();
    expect(screen.getByText('Кіру')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Қазақша' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(document.documentElement.lang).toBe('kk');
  });

  it('switches every text to Russian and remembers the choice', () => {
    renderShell();
    fireEvent.click(screen.getByRole('button', { name: 'Русский' }));
    expect(screen.getByText('Войти')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Язык' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: 'Қазақша' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(window.localStorage.getItem('olympiad.lang')).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
  });

  it('starts in the stored language on the next visit', () => {
    window.localStorage.setItem('olympiad.lang', 'en');
    renderShell();
    expect(screen.getByText('Sign in')).toBeTruthy();
  });

  it('lets ?lang= in the address win without storing it', () => {
    window.localStorage.setItem('olympiad.lang', 'en');
    window.history.replaceState(null, '', '/?lang=ru');
    renderShell();
    expect(screen.getByText('Войти')).toBeTruthy();
    expect(window.localStorage.getItem('olympiad.lang')).toBe('en');
  });

  it('puts the title in the header as the page heading', () => {
    renderShell();
    act(() => undefined);
    expect(screen.getByRole('heading', { level: 1, name: 'Olympiad' })).toBeTruthy();
  });
});
