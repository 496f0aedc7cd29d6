import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DomainDeps, DomainHandlers } from '../domain';
import type { composeProcedures, composeSubscriptions } from '../../contract/compose-procedures';
import { MinatoError } from '../../contract';
import type { ComposeCli, ComposeCliStatus, ComposeProject, ComposeProjectDetail, ComposeRefusal } from '../../contract/compose';
import { composeCommand, composeConfigCommand, composeGlobals, composeSteps } from '../../contract/compose-commands';
import { findComposeCli } from './cli-discovery';
import { cliArgs } from './compose-cli';
import { projectFromConfig } from './compose-config';
import { composeEnv, composeReach, ownEnv } from './compose-env';
import { runCompose } from './compose-process';
import { readProblems } from './compose-problems';
import { runComposeSteps } from './compose-task';
import { readConfigYaml } from './config-yaml';
import { labelProjects } from './label-projects';
import { composePathStatus } from './project-path';
import { listProjects } from './project-list';
import { createProjectStore } from './project-store';

export type ComposeDomain = DomainHandlers<keyof typeof composeProcedures, keyof typeof composeSubscriptions>;

const refused = (reason: ComposeRefusal['reason'], message: string, extra: Partial<ComposeRefusal> = {}) =>
  new MinatoError(reason === 'exists' ? 'conflict' : 'invalid-input', message, { kind: 'compose-refused', reason, ...extra } satisfies ComposeRefusal);

/** Actions Compose v2 can run from the project's name alone (its containers' labels), without the file. */
const WITHOUT_FILE = new Set(['start', 'stop', 'restart', 'down']);

const sameFiles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((file, index) => path.resolve(file) === path.resolve(b[index]!));

/** How long "no CLI" stands before looking again (a person may install one while Minato runs). */
const CLI_TTL_MS = 30_000;

/** The compose domain's handlers: projects from labels and files, run through the person's own Compose CLI. */
export function composeDomain(deps: DomainDeps, tuning: { graceMs?: number } = {}): ComposeDomain {
  const store = createProjectStore(path.join(path.dirname(deps.settingsFile), 'compose-projects.json'));
  let cached: { at: number; cli: Promise<ComposeCli | undefined> } | undefined;
  /**
   * The CLI found is kept while its file is there (asking its version starts a Python program for v1: seconds on a
   * busy machine); none found is looked for again after a while, in case the person installs one.
   */
  const cli = async () => {
    const known = cached && (await cached.cli);
    const stillThere = known ? await access(known.path).then(() => true, () => false) : Date.now() - (cached?.at ?? 0) < CLI_TTL_MS && cached !== undefined;
    if (!stillThere) cached = { at: Date.now(), cli: findComposeCli(deps, ownEnv(deps.env)) };
    return cached!.cli;
  };
  const engine = (engineId: string) => deps.registry.get(engineId).info();

  const projects = async (engineId: string, signal?: AbortSignal) =>
    listProjects(await labelProjects(deps.registry.get(engineId).docker(), signal), await store.list());

  const project = async (engineId: string, name: string): Promise<ComposeProject> => {
    const found = (await projects(engineId)).find((entry) => entry.name === name);
    if (!found) throw new MinatoError('not-found', `No Compose project "${name}" on this engine.`);
    return found;
  };

  const needCli = async (): Promise<ComposeCli> => {
    const found = await cli();
    if (!found) throw refused('no-cli', 'No Compose CLI is installed on this machine.');
    return found;
  };

  /**
   * Where the CLI runs: the first file's folder, as Compose takes it for the project's folder by default (relative
   * paths and `.env` are read from there); a label's working_dir may name a folder that is gone.
   */
  const cwdOf = (entry: ComposeProject) => (entry.filesHere && entry.configFiles[0] ? path.dirname(entry.configFiles[0]) : deps.homeDir);

  const readConfig = async (engineId: string, entry: ComposeProject, compose: ComposeCli, json: boolean, signal: AbortSignal) => {
    const args = cliArgs(compose, [...composeGlobals(entry), 'config', ...(json ? ['--format', 'json'] : [])]);
    const result = await runCompose(compose.path, args, { cwd: cwdOf(entry), env: composeEnv(deps.env, engine(engineId)), signal });
    if (result.cancelled) throw new MinatoError('cancelled', { key: 'engine.cancelled' });
    const file = entry.configFiles[0];
    const source = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined;
    return { ...result, problems: result.code === 0 ? [] : readProblems(result.stderr || result.stdout, file, source) };
  };

  return {
    procedures: {
      'compose:cli': async ({ engineId }): Promise<ComposeCliStatus> => {
        const found = await cli();
        const platform = deps.platform === 'linux' || deps.platform === 'darwin' || deps.platform === 'win32' ? deps.platform : 'other';
        return { ...(found ? { cli: found } : {}), reach: composeReach(engine(engineId)), platform };
      },
      'compose:projects': ({ engineId }, { signal }) => projects(engineId, signal),
      'compose:checkPath': async ({ engineId, path: target }) => {
        engine(engineId);
        return composePathStatus(target);
      },
      'compose:add': async ({ engineId, path: target, name }) => {
        engine(engineId);
        const status = await composePathStatus(target);
        if (status.status !== 'ok' || !status.file) throw refused('path', 'This path holds no compose file Minato can read.', { status: status.status });
        const projectName = name ?? status.name;
        if (!projectName) throw refused('path', 'Name the project: its folder name has no letter or digit.', { status: 'no-compose-file' });
        const remembered = { name: projectName, workingDir: path.dirname(status.file), configFiles: [status.file] };
        const existing = await store.add(remembered);
        // Opening the same file again only shows it; the name taken by another file is the person's to change.
        if (existing && !sameFiles(existing.configFiles, remembered.configFiles)) {
          throw refused('exists', `A project named "${projectName}" is already open from ${existing.configFiles.join(', ')}.`, { file: existing.configFiles[0] ?? existing.workingDir });
        }
        return project(engineId, projectName);
      },
      'compose:forget': async ({ name }) => {
        await store.forget(name);
        return {};
      },
      'compose:project': async ({ engineId, name }, { signal }): Promise<ComposeProjectDetail> => {
        const entry = await project(engineId, name);
        const empty = { services: [], volumes: [], images: { local: [], all: [] }, problems: [] };
        const compose = await cli();
        if (!compose) return { ...empty, unread: 'no-cli' };
        if (!entry.filesHere || entry.configFiles.length === 0) return { ...empty, unread: 'no-file' };
        const json = compose.major >= 2;
        const result = await readConfig(engineId, entry, compose, json, signal);
        if (result.code !== 0) return { ...empty, problems: result.problems, unread: 'invalid' };
        try {
          const config = json ? (JSON.parse(result.stdout) as Parameters<typeof projectFromConfig>[0]) : readConfigYaml(result.stdout);
          return { ...projectFromConfig(config, name, compose.major), problems: [] };
        } catch (error) {
          return { ...empty, problems: [{ message: `Minato could not read what compose config printed: ${(error as Error).message}` }], unread: 'invalid' };
        }
      },
      'compose:config': async ({ engineId, name }, { signal }) => {
        const entry = await project(engineId, name);
        const compose = await needCli();
        if (!entry.filesHere) throw refused('no-file', 'The compose file of this project is not on this machine.');
        const result = await readConfig(engineId, entry, compose, false, signal);
        return { text: result.code === 0 ? result.stdout : '', problems: result.problems, command: composeConfigCommand(compose, entry, engine(engineId)) };
      },
      'compose:run': async ({ engineId, name, action, options }) => {
        const info = engine(engineId);
        const entry = await project(engineId, name);
        const compose = await needCli();
        const reach = composeReach(info);
        if (reach === 'vm') throw refused('vm-unsupported', 'Compose cannot use Minato\'s VM engine: it would log in with your own ssh, not the VM\'s pinned host key.');
        if (reach === 'unsupported') throw refused('ssh-unsupported', 'The Compose CLI cannot reach this engine with the settings Minato has for it.');
        const withFiles = entry.filesHere && entry.configFiles.length > 0;
        if (!withFiles && !(compose.major >= 2 && WITHOUT_FILE.has(action))) throw refused('no-file', 'The compose file of this project is not on this machine.');
        if (action === 'scale' && (!options.service || options.replicas === undefined)) throw refused('needs-service', 'Say which service to scale, and to how many containers.');
        const target = { name, configFiles: withFiles ? entry.configFiles : [] };
        const steps = composeSteps(compose, target, action, options);
        const command = composeCommand(compose, target, action, options, info);
        const task = deps.tasks.start({ kind: 'compose', engineId, subject: `${name} ${action}`, command }, (control) =>
          runComposeSteps(
            { cli: compose, steps, shown: command.split('\n'), cwd: cwdOf(entry), env: composeEnv(deps.env, info), ...tuning },
            control,
          ),
        );
        return { taskId: task.id, command };
      },
    },
    subscriptions: {},
  };
}
