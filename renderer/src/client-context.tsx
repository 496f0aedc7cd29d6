import { createContext, useContext, type ReactNode } from 'react';
import type { MinatoClient } from '../../engine/contract';

const ClientContext = createContext<MinatoClient | undefined>(undefined);

export function ClientProvider({ client, children }: { client: MinatoClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): MinatoClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}
