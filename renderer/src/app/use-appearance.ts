import { useEffect, useSyncExternalStore } from 'react';
import { changeLanguage, systemLanguage } from '../i18n/i18n';
import { useSettingsStore } from '../stores/settings-store';

function subscribeDark(callback: () => void) {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}

/** Applies the theme (the OS's unless chosen) and the language (the browser's unless chosen). */
export function useAppearance(): void {
  const theme = useSettingsStore((state) => state.theme);
  const language = useSettingsStore((state) => state.language);
  const systemDark = useSyncExternalStore(subscribeDark, () => window.matchMedia('(prefers-color-scheme: dark)').matches);

  useEffect(() => {
    document.documentElement.dataset.theme = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
  }, [theme, systemDark]);

  useEffect(() => {
    changeLanguage(language === 'system' ? systemLanguage(navigator.languages) : language);
  }, [language]);
}
