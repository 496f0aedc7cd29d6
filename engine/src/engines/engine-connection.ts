import os from 'node:os';
import type Docker from 'dockerode';
import { MinatoError, type ChangeBatch, type EngineDiagnosis, type EngineInfo, type EngineKind } from '../../contract';
import type { EngineCandidate } from '../docker/discovery';
import { probeEndpoint } from '../docker/probe';
import { maskAddress, maskValue } from '../../contract/secrets';
import { createKnownHosts } from '../remote/known-hosts';
import { LinkFailure, needsPerson } from '../remote/link-failure';
import { createPassphrases } from '../remote/ssh-auth';
import { openTransport, type EngineTransport, type RemoteDeps } from '../remote/transport';
import { capabilitiesOf } from './capabilities';
import { createChangeCoalescer, type CoalescerTiming } from './change-coalescer';
import { createExitTracker } from './exit-tracker';
import { openEventStream, type EventStream } from './event-stream';

export interface EngineConnectionOptions {
  id: string;
  name: string;
  /** local (found as the CLI would), context or custom (added in Settings): fixed for the engine's life. */
  kind?: EngineKind;
  /** The configured address of a context or custom engine; the local engine's comes from discovery. */
  address?: string;
  /** An engine added in Settings: its remote socket and TLS file paths, shown in EngineInfo. */
  entered?: Pick<EngineInfo, 'socketPath' | 'tls'>;
  /** SSH keys, known hosts and consent; absent means this user's files with no prompts (tests of local engines). */
  remote?: RemoteDeps;
  /** Where to look for the engine; asked again on every (re)connect so a changed context is followed. */
  discover: () => Promise<EngineCandidate[]>;
  /** Backoff after a lost connection, capped at its last value. */
  reconnectDelaysMs?: number[];
  /** How often to look again while no engine answers at all (remote engines back off from it up to 30 s). */
  unavailableRetryMs?: number;
  /** How often a connected engine is pinged, to notice a hung daemon whose socket stays open. */
  heartbeatMs?: number;
  /** How long a heartbeat ping may take before the engine counts as hung (an emulated VM's engine needs longer). */
  heartbeatTimeoutMs?: number;
  coalescer?: Partial<CoalescerTiming>;
}

export interface EngineConnection {
  info(): EngineInfo;
  /** The client for calls; throws `engine-unavailable` while not connected. */
  docker(): Docker;
  onStatus(listener: (info: EngineInfo) => void): () => void;
  onChanges(listener: (batch: ChangeBatch) => void): () => void;
  /** Every line of the engine's `/events` stream as sent (all types, noise included): the system's events log. */
  onEventLine(listener: (line: string) => void): () => void;
  /** Resolves once the first attempt to connect has finished (either way). */
  ready(): Promise<void>;
  /** Look again now instead of waiting for the next scheduled attempt. */
  retry(): Promise<EngineInfo>;
  /** How the engine is reached while connected (for SFTP and port forwards over the same SSH link). */
  transport(): EngineTransport | undefined;
  /** The container died moments ago: the engine's list may still call it running (see `ExitTracker`). */
  diedLately(id: string): boolean;
  close(): void;
}

/**
 * A context or DOCKER_HOST may name its engine as tcp://user:password@host: what the UI shows, the commands it writes
 * and the logs never carry that password (Settings refuses such addresses outright).
 */
function withoutPasswords(info: EngineInfo): EngineInfo {
  const diagnosis = info.diagnosis && { ...info.diagnosis, tried: info.diagnosis.tried.map(maskAddress), detail: maskValue(info.diagnosis.detail) };
  return { ...info, endpoint: maskAddress(info.endpoint), address: maskAddress(info.address), ...(diagnosis ? { diagnosis } : {}) };
}

const DEFAULT_RECONNECT_DELAYS = [250, 500, 1000, 2000, 4000, 5000];

/**
 * One Docker engine: finds it, keeps `/events` open, reports its state, and coalesces its events into batches.
 * Order on every (re)connect: events stream first, then "connected" + a resync batch, so a list fetched in
 * response cannot miss a change.
 */
export function createEngineConnection(options: EngineConnectionOptions): EngineConnection {
  const reconnectDelays = options.reconnectDelaysMs ?? DEFAULT_RECONNECT_DELAYS;
  const unavailableRetryMs = options.unavailableRetryMs ?? 3000;
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 2000;
  const statusListeners = new Set<(info: EngineInfo) => void>();
  const changeListeners = new Set<(batch: ChangeBatch) => void>();
  const lineListeners = new Set<(line: string) => void>();

  const kind = options.kind ?? 'local';
  const remote = options.remote ?? defaultRemoteDeps();
  let info: EngineInfo = withoutPasswords({
    id: options.id,
    name: options.name,
    endpoint: options.address ?? '',
    source: kind === 'custom' ? 'settings' : kind === 'context' ? 'context' : 'default',
    state: 'connecting',
    since: Date.now(),
    kind,
    address: options.address ?? '',
    capabilities: capabilitiesOf(options.address ?? 'unix:///var/run/docker.sock'),
    ...options.entered,
  });
  let client: Docker | undefined;
  let transport: EngineTransport | undefined;
  let events: EventStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let failures = 0;
  let closed = false;
  /** Bumped on every attempt so a stale attempt's late result is ignored. */
  let generation = 0;
  let attempt: Promise<void> | undefined;

  const emitChanges = (batch: ChangeBatch) => {
    for (const listener of changeListeners) listener(batch);
  };
  const exits = createExitTracker();
  const coalescer = createChangeCoalescer(
    ({ kinds, ids }) => emitChanges({ engineId: options.id, kinds, ids, resync: false }),
    options.coalescer,
  );

  const setInfo = (next: Partial<EngineInfo>) => {
    const stateChanged = next.state !== undefined && next.state !== info.state;
    info = withoutPasswords({ ...info, ...next, since: stateChanged ? Date.now() : info.since });
    if (next.state === 'connected') delete info.diagnosis;
    if (next.diagnosis || next.state === 'connected') {
      if (info.diagnosis?.reason === 'needs-consent') info.needsConsent = true;
      else delete info.needsConsent;
    }
    for (const listener of statusListeners) listener(info);
  };

  const stopStreams = () => {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = undefined;
    const current = events;
    events = undefined;
    current?.close();
    const link = transport;
    transport = undefined;
    link?.close();
  };

  const schedule = (delayMs: number) => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      // connect() reports a failure as the engine's state and schedules the next attempt: it never rejects.
      void connect();
    }, delayMs);
  };

  const lost = (detail: string) => {
    if (closed) return;
    generation++;
    stopStreams();
    client = undefined;
    setInfo({ state: 'disconnected', diagnosis: { reason: 'not-responding', detail, tried: [info.endpoint] } });
    failures = 0;
    schedule(reconnectDelays[0] ?? 250);
  };

  const fail = (diagnosis: EngineDiagnosis, candidate: EngineCandidate | undefined) => {
    // An engine that was there and went away stays "disconnected" (with backoff); one never reached is "unavailable".
    const reconnecting = info.state === 'disconnected';
    const endpoint = candidate ? { ...where(candidate) } : {};
    setInfo({ ...endpoint, state: reconnecting ? 'disconnected' : 'unavailable', diagnosis });
    failures++;
    // Host keys, keys, passphrases and consent wait for a person (retry, acceptHostKey, unlockKey, allowInsecure).
    if (needsPerson(diagnosis.reason)) return;
    const delay = reconnecting
      ? (reconnectDelays[Math.min(failures, reconnectDelays.length - 1)] ?? 5000)
      : kind === 'local'
        ? unavailableRetryMs
        : Math.min(unavailableRetryMs * 2 ** Math.min(failures - 1, 4), 30_000);
    schedule(delay);
  };

  const where = (candidate: EngineCandidate) => ({
    endpoint: candidate.endpoint,
    source: candidate.source,
    contextName: candidate.contextName,
    ...(kind === 'local' ? { address: candidate.endpoint, capabilities: capabilitiesOf(candidate.endpoint) } : {}),
  });

  const tryConnect = async (myGeneration: number) => {
    const candidates = await options.discover();
    const tried: string[] = [];
    let firstFailure: { diagnosis: Omit<EngineDiagnosis, 'tried'>; candidate: EngineCandidate } | undefined;
    for (const candidate of candidates) {
      tried.push(candidate.endpoint);
      let opened: EngineTransport;
      try {
        opened = await openTransport(candidate, remote);
      } catch (error) {
        if (myGeneration !== generation || closed) return;
        const diagnosis = error instanceof LinkFailure ? error.diagnosis : { reason: 'unknown' as const, detail: String((error as Error).message ?? error) };
        firstFailure ??= { diagnosis: { ...diagnosis, ...(candidate.facts ?? {}) }, candidate };
        continue;
      }
      if (myGeneration !== generation || closed) {
        opened.close();
        return;
      }
      const probe = await probeEndpoint(candidate, opened.client);
      if (myGeneration !== generation || closed) {
        opened.close();
        return;
      }
      if (!probe.ok) {
        opened.close();
        // A socket that exists but refuses says more than one that is simply absent.
        if (!firstFailure || (firstFailure.diagnosis.reason === 'socket-missing' && probe.diagnosis.reason !== 'socket-missing')) {
          firstFailure = { diagnosis: probe.diagnosis, candidate };
        }
        continue;
      }
      const docker = opened.client();
      if (!docker) {
        opened.close();
        continue;
      }
      try {
        const stream = await openEventStream(
          docker,
          (event) => {
            exits.note(event);
            coalescer.push(event.kind, event.id);
          },
          (error) => {
            if (myGeneration === generation) lost(error?.message ?? 'The engine closed its event stream.');
          },
          (line) => {
            for (const listener of lineListeners) listener(line);
          },
        );
        if (myGeneration !== generation || closed) {
          stream.close();
          opened.close();
          return;
        }
        events = stream;
      } catch (error) {
        opened.close();
        firstFailure ??= { diagnosis: { reason: 'not-responding', detail: String((error as Error).message ?? error) }, candidate };
        continue;
      }
      transport = opened;
      opened.onLost((reason) => {
        if (myGeneration === generation) lost(reason);
      });
      client = docker;
      failures = 0;
      const wasDisconnected = info.state === 'disconnected';
      setInfo({
        ...where(candidate),
        state: 'connected',
        version: probe.version,
      });
      startHeartbeat(docker, myGeneration);
      if (wasDisconnected) emitChanges({ engineId: options.id, kinds: ['container', 'image', 'volume', 'network'], ids: [], resync: true });
      return;
    }
    const diagnosis: EngineDiagnosis = firstFailure
      ? { ...firstFailure.diagnosis, tried }
      : { reason: 'socket-missing', detail: 'No Docker engine was found.', tried };
    fail(diagnosis, firstFailure?.candidate ?? (candidates[0] as EngineCandidate | undefined));
  };

  const startHeartbeat = (docker: Docker, myGeneration: number) => {
    heartbeat = setInterval(() => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('The engine stopped answering.')), heartbeatTimeoutMs);
      });
      Promise.race([docker.ping(), timeout])
        .catch((error: Error) => {
          if (myGeneration === generation) lost(error.message);
        })
        .finally(() => clearTimeout(timer));
    }, heartbeatMs);
    heartbeat.unref?.();
  };

  const connect = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (attempt) return attempt;
    if (timer) clearTimeout(timer);
    timer = undefined;
    const myGeneration = ++generation;
    attempt = tryConnect(myGeneration)
      .catch((error: Error) => fail({ reason: 'unknown', detail: error.message, tried: [] }, undefined))
      .finally(() => {
        attempt = undefined;
      });
    return attempt;
  };

  const first = connect();

  return {
    info: () => info,
    docker() {
      if (!client || info.state !== 'connected') {
        throw new MinatoError('engine-unavailable', { key: 'engine.notConnected' }, { kind: 'engine-unreachable', ...(info.diagnosis ? { reason: info.diagnosis.reason } : {}), engine: info.name, state: info.state });
      }
      return client;
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onChanges(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onEventLine(listener) {
      lineListeners.add(listener);
      return () => lineListeners.delete(listener);
    },
    ready: () => first,
    transport: () => (info.state === 'connected' ? transport : undefined),
    diedLately: (id) => exits.diedLately(id),
    async retry() {
      if (info.state !== 'connected') await connect();
      return info;
    },
    close() {
      closed = true;
      generation++;
      if (timer) clearTimeout(timer);
      coalescer.dispose();
      stopStreams();
      statusListeners.clear();
      changeListeners.clear();
      lineListeners.clear();
    },
  };
}

function defaultRemoteDeps(): RemoteDeps {
  const homeDir = os.homedir();
  return {
    homeDir,
    env: process.env,
    knownHosts: createKnownHosts(homeDir),
    passphrases: createPassphrases(),
    insecureAllowed: () => false,
  };
}
