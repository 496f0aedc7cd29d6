import os from 'node:os';
import path from 'node:path';
import { containerProcedures } from './containers/container-handlers';
import { insightProcedures } from './containers/container-insight';
import { downloadSubscription, filesProcedures } from './files/files-handlers';
import { uploadProcedures } from './files/uploads';
import { runProcedures, runSubscriptions } from './run/run-handlers';
import { imageProcedures } from './images/image-handlers';
import { imageListProcedures } from './images/image-list-handlers';
import { localImageProcedures, localImageSubscriptions } from './images/local-images';
import { engineProcedures, engineSubscriptions } from './engines/engine-handlers';
import { defaultSettingsFile, setupEngines } from './engines/engine-setup';
import { logsSubscription } from './logs/logs-subscription';
import { portSubscriptions } from './ports/port-forwards';
import { terminalProcedures, terminalSubscriptions } from './exec/exec-handlers';
import { createExecSessions } from './exec/exec-sessions';
import { statsProcedures, statsSubscription } from './stats/stats-handlers';
import { taskProcedures, taskSubscriptions } from './tasks/task-handlers';
import { buildProcedures } from './build/build-handlers';
import { createTaskManager } from './tasks/task-manager';
import { createCredentialStore } from './credentials/credential-store';
import { authForReference, registryProcedures } from './registry/registry-handlers';
import { createRegistryList } from './registry/registry-list';
import { certsFolders } from './registry/registry-ca';
import { hubProcedures } from './hub/hub-handlers';
import { hubLocations } from './hub/hub-location';
import { logEngineStatus } from './log/engine-status-log';
import { silentLogger } from './log/logger';
import { sessionFactory, type MinatoEngine, type MinatoEngineOptions } from './minato-engine';
import type { EngineHandlers } from './rpc/handlers';
import type { DomainDeps } from './domain';
import { volumeDomain } from './volumes/volume-domain';
import { networkDomain } from './networks/network-domain';
import { composeDomain } from './compose/compose-domain';
import { systemDomain } from './system/system-domain';
import { vmDomain } from './vm/vm-domain';

export { LOCAL_ENGINE_ID } from './engines/engine-setup';

/** Builds the engine with its dependencies passed in; waits for the first connection attempt (either outcome). */
export async function startMinatoEngine(options: MinatoEngineOptions = {}): Promise<MinatoEngine> {
  const logger = options.logger ?? silentLogger();
  const environment = {
    env: options.env ?? process.env,
    homeDir: options.homeDir ?? os.homedir(),
    platform: options.platform ?? process.platform,
  };
  const settingsFile = options.settingsFile ?? defaultSettingsFile(environment);
  const engines = await setupEngines({
    ...environment,
    settingsFile,
    ...(options.askPassphrase ? { askPassphrase: options.askPassphrase } : {}),
    logger,
  });
  const { registry } = engines;
  const stopStatusLog = logEngineStatus(registry, logger);
  const execSessions = createExecSessions();
  // Edits under way, known to the edit procedure and the edit subscription alike.
  const edits = new Set<string>();
  // One for the engine process: tasks outlive the window that started them.
  const tasks = createTaskManager();
  // Logins where the docker CLI keeps them; the registries added in Minato beside its settings.
  const credentials = createCredentialStore(environment);
  const registryList = createRegistryList(path.join(path.dirname(settingsFile), 'registries.json'));
  const deps: DomainDeps = { registry, engines, tasks, credentials, logger, ...environment, settingsFile };
  const volumes = volumeDomain(deps);
  const networks = networkDomain(deps);
  const compose = composeDomain(deps);
  const system = systemDomain(deps);
  const vm = vmDomain(deps);
  const domains = [volumes, networks, compose, system, vm];
  const handlers: EngineHandlers = {
    procedures: {
      ...engineProcedures(engines),
      ...containerProcedures(registry),
      ...insightProcedures(registry),
      ...runProcedures(registry, edits),
      ...imageProcedures(registry, options.pickFolder),
      ...imageListProcedures(registry),
      ...statsProcedures(registry, logger),
      ...terminalProcedures(execSessions),
      ...filesProcedures(registry),
      ...uploadProcedures(registry),
      ...taskProcedures(tasks, registry, authForReference(credentials)),
      ...buildProcedures(tasks, registry),
      ...registryProcedures({ engines: registry, tasks, credentials, list: registryList, certsFolders: certsFolders(environment.env, environment.homeDir) }),
      ...localImageProcedures(tasks, registry),
      ...hubProcedures({ locations: hubLocations(environment.env), credentials }),
      ...volumes.procedures,
      ...networks.procedures,
      ...compose.procedures,
      ...system.procedures,
      ...vm.procedures,
    },
    subscriptions: {
      ...engineSubscriptions(registry),
      ...logsSubscription(registry),
      ...terminalSubscriptions(registry, execSessions, logger),
      ...statsSubscription(registry, logger),
      ...downloadSubscription(registry),
      ...runSubscriptions(registry, edits),
      ...taskSubscriptions(tasks),
      ...localImageSubscriptions(tasks, registry),
      ...portSubscriptions(registry),
      ...volumes.subscriptions,
      ...networks.subscriptions,
      ...compose.subscriptions,
      ...system.subscriptions,
      ...vm.subscriptions,
    },
  };
  await engines.ready;
  return {
    handlers,
    openSession: sessionFactory(handlers, logger),
    close: async () => {
      stopStatusLog();
      await Promise.all(domains.map((domain) => domain.close?.()));
      tasks.close();
      engines.close();
    },
  };
}
