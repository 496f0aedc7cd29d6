import { create } from 'zustand';

export type LanguageSetting = 'system' | 'en' | 'ja';
export type ThemeSetting = 'system' | 'light' | 'dark';

interface SettingsState {
  language: LanguageSetting;
  theme: ThemeSetting;
}

const STORAGE_KEY = 'minato.settings';

function load(): SettingsState {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}') as Partial<SettingsState>;
    return {
      language: saved.language === 'en' || saved.language === 'ja' ? saved.language : 'system',
      theme: saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : 'system',
    };
  } catch {
    return { language: 'system', theme: 'system' };
  }
}

export const useSettingsStore = create<SettingsState>(() => load());

function save(): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(useSettingsStore.getState()));
  } catch {
    // Storage can be unavailable (private mode): the setting still holds for this session.
  }
}

export function setLanguage(language: LanguageSetting): void {
  useSettingsStore.setState({ language });
  save();
}

export function setTheme(theme: ThemeSetting): void {
  useSettingsStore.setState({ theme });
  save();
}
