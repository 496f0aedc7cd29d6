import type { CredentialStore } from './credentials/credential-store';
import type { EngineManagement } from './engines/engine-handlers';
import type { EngineRegistry } from './engines/engine-registry';
import type { Logger } from './log/logger';
import type { ProcedureHandlers, SubscriptionHandlers } from './rpc/handlers';
import type { TaskManager } from './tasks/task-manager';
import type { Method, Topic } from '../contract';

/** What a domain of the engine (volumes, networks, Compose, the system, the VM) is built from. */
export interface DomainDeps {
  registry: EngineRegistry;
  engines: EngineManagement;
  tasks: TaskManager;
  credentials: CredentialStore;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  /** Minato's settings file; a domain keeps its own files in the same folder. */
  settingsFile: string;
}

/** One domain's share of the engine's handlers, and what it must end when the engine closes. */
export interface DomainHandlers<M extends Method, T extends Topic> {
  procedures: Pick<ProcedureHandlers, M>;
  subscriptions: Pick<SubscriptionHandlers, T>;
  close?(): Promise<void> | void;
}
