import { create } from 'zustand';

export type LanguageSetting = 'system' | 'en' | 'ja';
export type ThemeSetting = 'system' | 'light' | 'dark';

interface SettingsState {
  language: LanguageSetting;
  theme: ThemeSetting;
  /** How many log lines a view keeps before the oldest fall out (memory stays bounded). */
  logBufferLines: number;
  /** A shell tried before bash, ash and sh when a terminal opens, e.g. /bin/zsh. */
  preferredShell: string;
}

export const LOG_BUFFER_LIMITS = { min: 1000, max: 1_000_000, default: 50_000 } as const;

function clampLines(value: unknown): number {
  const lines = Math.round(Number(value));
  if (!Number.isFinite(lines)) return LOG_BUFFER_LIMITS.default;
  return Math.min(LOG_BUFFER_LIMITS.max, Math.max(LOG_BUFFER_LIMITS.min, lines));
}

const STORAGE_KEY = 'minato.settings';

function load(): SettingsState {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}') as Partial<SettingsState>;
    return {
      language: saved.language === 'en' || saved.language === 'ja' ? saved.language : 'system',
      theme: saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : 'system',
      logBufferLines: saved.logBufferLines === undefined ? LOG_BUFFER_LIMITS.default : clampLines(saved.logBufferLines),
      preferredShell: typeof saved.preferredShell === 'string' && /^\/[\w./+-]*$/.test(saved.preferredShell) ? saved.preferredShell : '',
    };
  } catch {
    return { language: 'system', theme: 'system', logBufferLines: LOG_BUFFER_LIMITS.default, preferredShell: '' };
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

export function setLogBufferLines(lines: number): void {
  useSettingsStore.setState({ logBufferLines: clampLines(lines) });
  save();
}

export function setPreferredShell(shell: string): void {
  useSettingsStore.setState({ preferredShell: shell });
  save();
}
