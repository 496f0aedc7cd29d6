import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import type { RegistryInfo } from '../../../engine/contract/registry';
import { logoutCommand } from '../../../engine/contract/registry-commands';
import { errorText } from '../format/error-text';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { AddRegistryForm } from './AddRegistryForm';
import { LoginDialog } from './LoginDialog';
import { RegistryBrowser } from './RegistryBrowser';
import { useLogout, useRegistries, useRemoveRegistry } from './registry-queries';
import './registries.css';

/** Private registries: the ones added here with their login state, and the one chosen browsed beside them. */
export function RegistriesView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const registries = useRegistries();
  const [chosen, setChosen] = useState<string | undefined>();
  const [loggingIn, setLoggingIn] = useState<RegistryInfo | undefined>();
  const [loggingOut, setLoggingOut] = useState<RegistryInfo | undefined>();
  const logout = useLogout();
  const remove = useRemoveRegistry();
  const list = registries.data ?? [];
  const current = list.find((registry) => registry.address === chosen) ?? list[0];

  return (
    <div className="registries-view">
      <section className="registry-list" aria-label={t('registries.list')}>
        <h2>{t('registries.title')}</h2>
        <AddRegistryForm onAdded={(info) => setChosen(info.address)} />
        {registries.error ? <p className="error-text">{errorText(t, registries.error)}</p> : null}
        {registries.data && list.length === 0 ? <p className="muted">{t('registries.empty')}</p> : null}
        <ul>
          {list.map((registry) => (
            <li key={registry.address} className={registry.address === current?.address ? 'chosen' : undefined} aria-label={registry.address}>
              <button type="button" className="ghost registry-name" aria-pressed={registry.address === current?.address} onClick={() => setChosen(registry.address)}>
                {registry.address}
              </button>
              <span className="muted registry-state">
                {registry.user ? t('registries.loggedInAs', { user: registry.user }) : t('registries.notLoggedIn')}
                {registry.plainHttp ? ` · ${t('registries.plainHttp')}` : ''}
                {registry.authorities.map((authority) =>
                  authority.file ? ` · ${t('registries.ca.trustedFile', { subject: authority.subject, file: authority.file })}` : ` · ${t('registries.ca.trusted', { subject: authority.subject })}`,
                )}
              </span>
              <span className="registry-actions">
                {registry.user ? (
                  <button type="button" className="small" onClick={() => setLoggingOut(registry)} aria-label={t('registries.logout.label', { address: registry.address })}>
                    {t('registries.logout.button')}
                  </button>
                ) : (
                  <button type="button" className="small" onClick={() => setLoggingIn(registry)} aria-label={t('registries.login.label', { address: registry.address })}>
                    {t('registries.login.button')}
                  </button>
                )}
                <button type="button" className="small ghost" onClick={() => remove.mutate(registry.address)} aria-label={t('registries.remove.label', { address: registry.address })}>
                  {t('registries.remove.button')}
                </button>
              </span>
            </li>
          ))}
        </ul>
        {remove.error ? <p className="error-text">{errorText(t, remove.error)}</p> : null}
      </section>
      {current ? <RegistryBrowser key={current.address} engineId={engine.id} registry={current} onLogin={() => setLoggingIn(current)} /> : null}
      {loggingIn ? <LoginDialog engineId={engine.id} registry={loggingIn} onClose={() => setLoggingIn(undefined)} /> : null}
      {loggingOut ? (
        <ConfirmDialog
          title={t('registries.logout.title', { address: loggingOut.address })}
          body={t('registries.logout.body')}
          targets={[loggingOut.address]}
          command={logoutCommand(loggingOut.address)}
          commandLabel={t('registries.sameAs')}
          confirmLabel={t('registries.logout.button')}
          cancelLabel={t('registries.cancel')}
          danger={false}
          busy={logout.isPending}
          onCancel={() => setLoggingOut(undefined)}
          onConfirm={() => logout.mutate(loggingOut.address, { onSuccess: () => setLoggingOut(undefined) })}
        >
          {logout.error ? <p className="error-text">{errorText(t, logout.error)}</p> : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
