import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMinatoClient } from '../../engine/contract';
import { App } from './app/App';
import { ClientProvider } from './client-context';
import { initI18n, systemLanguage } from './i18n/i18n';
import { useSettingsStore } from './stores/settings-store';
import { pickTransport } from './transport/pick-transport';
import './styles.css';

const { language } = useSettingsStore.getState();
initI18n(language === 'system' ? systemLanguage(navigator.languages) : language);

const { transport, onUnauthorized, setToken } = pickTransport();
const client = createMinatoClient(transport);
// Server state is fresh because the engine pushes changes: no polling, no refetch on focus.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false, retry: 1 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <App transport={transport} onUnauthorized={onUnauthorized} setToken={setToken} />
      </QueryClientProvider>
    </ClientProvider>
  </StrictMode>,
);
