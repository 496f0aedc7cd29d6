import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LOG_BUFFER_LIMITS,
  setLanguage,
  setLogBufferLines,
  setPreferredShell,
  setTheme,
  useSettingsStore,
  type LanguageSetting,
  type ThemeSetting,
} from '../stores/settings-store';
import { setSettingsOpen, useUiStore } from '../stores/ui-store';
import { Dialog } from '../ui/Dialog';
import { EnginesSettings } from '../engines/EnginesSettings';

type SettingsTab = 'general' | 'engines';

export function SettingsDialog() {
  const { t } = useTranslation();
  const open = useUiStore((state) => state.settingsOpen);
  const language = useSettingsStore((state) => state.language);
  const theme = useSettingsStore((state) => state.theme);
  const logBufferLines = useSettingsStore((state) => state.logBufferLines);
  const preferredShell = useSettingsStore((state) => state.preferredShell);
  const [shellDraft, setShellDraft] = useState(preferredShell);
  const shellValid = shellDraft === '' || /^\/[\w./+-]+$/.test(shellDraft);
  const firstRef = useRef<HTMLButtonElement>(null);
  const [tab, setTab] = useState<SettingsTab>('general');
  if (!open) return null;
  const close = () => setSettingsOpen(false);
  return (
    <Dialog
      title={t('settings.title')}
      onClose={close}
      initialFocus={firstRef}
      wide
      footer={
        <button type="button" className="primary" onClick={close}>
          {t('settings.close')}
        </button>
      }
    >
      <div role="tablist" aria-label={t('engines.settings.tabs')} className="tabs settings-tabs">
        {(['general', 'engines'] as const).map((name) => (
          <button
            key={name}
            ref={name === tab ? firstRef : undefined}
            type="button"
            role="tab"
            id={`settings-tab-${name}`}
            aria-controls={`settings-panel-${name}`}
            aria-selected={tab === name}
            onClick={() => setTab(name)}
          >
            {t(name === 'general' ? 'engines.settings.tabGeneral' : 'engines.settings.tabEngines')}
          </button>
        ))}
      </div>
      {tab === 'engines' ? (
        <div role="tabpanel" id="settings-panel-engines" aria-labelledby="settings-tab-engines">
          <EnginesSettings />
        </div>
      ) : (
        <div role="tabpanel" id="settings-panel-general" aria-labelledby="settings-tab-general">
          <label className="field">
            {t('settings.language')}
            <select value={language} onChange={(event) => setLanguage(event.target.value as LanguageSetting)}>
              <option value="system">{t('settings.languageSystem')}</option>
              <option value="en">English</option>
              <option value="ja">日本語</option>
            </select>
          </label>
          <label className="field">
            {t('settings.theme')}
            <select value={theme} onChange={(event) => setTheme(event.target.value as ThemeSetting)}>
              <option value="system">{t('settings.themeSystem')}</option>
              <option value="light">{t('settings.themeLight')}</option>
              <option value="dark">{t('settings.themeDark')}</option>
            </select>
          </label>
          <label className="field">
            {t('settings.logBuffer')}
            <input
              type="number"
              min={LOG_BUFFER_LIMITS.min}
              max={LOG_BUFFER_LIMITS.max}
              step={1000}
              defaultValue={logBufferLines}
              onBlur={(event) => setLogBufferLines(Number(event.target.value))}
            />
          </label>
          <label className="field">
            {t('settings.preferredShell')}
            <input
              value={shellDraft}
              placeholder="/bin/zsh"
              aria-invalid={shellValid ? undefined : true}
              aria-describedby="shell-hint"
              onChange={(event) => {
                setShellDraft(event.target.value);
                if (event.target.value === '' || /^\/[\w./+-]+$/.test(event.target.value)) setPreferredShell(event.target.value);
              }}
            />
            <span id="shell-hint" className={shellValid ? 'muted' : 'error-text'}>
              {shellValid ? t('settings.preferredShellHint') : t('settings.preferredShellInvalid')}
            </span>
          </label>
        </div>
      )}
    </Dialog>
  );
}
