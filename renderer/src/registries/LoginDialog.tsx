import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryInfo } from '../../../engine/contract/registry';
import { loginCommand } from '../../../engine/contract/registry-commands';
import { errorText } from '../format/error-text';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { useLogin } from './registry-queries';

/**
 * `docker login`: the engine checks the login, then it is stored where the docker CLI keeps it. The password lives in
 * this dialog's state only until it closes; the command shown reads it from stdin, as it never belongs on a command line.
 */
export function LoginDialog({ engineId, registry, onClose }: { engineId: string; registry: RegistryInfo; onClose(): void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(registry.user ?? '');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const formId = `login-${registry.address}`;
  const where = registry.store.kind === 'helper' ? t('registries.login.inHelper', { helper: registry.store.helper }) : t('registries.login.inConfig');

  return (
    <Dialog
      title={t('registries.login.title', { address: registry.address })}
      description={where}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('registries.cancel')}
          </button>
          <button type="submit" form={formId} className="primary" disabled={login.isPending || !username || !password}>
            {login.isPending ? t('registries.login.checking') : t('registries.login.button')}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="registry-login"
        onSubmit={(event) => {
          event.preventDefault();
          if (!username || !password) return;
          login.mutate(
            { engineId, address: registry.address, username, password },
            {
              onSuccess: () => {
                setPassword('');
                onClose();
              },
            },
          );
        }}
      >
        <label>
          {t('registries.login.username')}
          <input type="text" autoComplete="username" value={username} spellCheck={false} autoCapitalize="off" onChange={(event) => setUsername(event.target.value)} />
        </label>
        <label>
          {t('registries.login.password')}
          <input type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {registry.plainHttp ? <p className="muted">{t('registries.login.plainHttp')}</p> : null}
        {login.error ? (
          <p className="error-text" role="alert">
            {errorText(t, login.error)}
          </p>
        ) : null}
      </form>
      <CommandBlock command={loginCommand(registry.address, username || 'USER')} label={t('registries.sameAs')} />
    </Dialog>
  );
}
