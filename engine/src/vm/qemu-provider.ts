import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VmAccel, VmCreateInput, VmPhase, VmProblem, VmSettings, VmState, VmStatus } from '../../contract/vm';
import type { EngineConnection } from '../engines/engine-connection';
import type { EngineRegistry } from '../engines/engine-registry';
import type { Logger } from '../log/logger';
import type { RemoteDeps } from '../remote/transport';
import { chooseAccel, hostArchOf } from './accel-probe';
import { qemuArgs, type Accel, type HostPlatform, type QemuCommandInput } from './qemu-command';
import { findQemu } from './qemu-find';
import { ConsoleBuffer } from './vm-console';
import { growDisk, overlayDisk, prepareDisk } from './vm-disk';
import { VM_ENGINE_ID, vmEngineConnection, whenConnected } from './vm-engine';
import { defaultSettings, keyBlobOf, makeKeys, privateSocketFolder, readRecord, sharesText, vmLayout, writeRecord, type VmLayout, type VmRecord } from './vm-layout';
import { freePort, QemuMachine } from './vm-machine';
import { PhaseLog } from './vm-phases';
import { hmpForwards, PortSync, publishedPorts } from './vm-ports';
import type { VmProvider } from './vm-provider';
import { sshBanner, sshRun, vmRemoteDeps } from './vm-ssh';
import { cpuPercent, sampleProcess, type ProcessSample } from './vm-usage';

export interface QemuProviderDeps {
  settingsFile: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  registry: EngineRegistry;
  logger?: Logger;
  /** The folder of the image to create the VM from (the image store's, or one imported); undefined if none yet. */
  imageFolder(): Promise<string | undefined>;
  /** Tests and CI: a closed network with one way to the test registry, a fixed accelerator, shorter waits. */
  options?: {
    restrictNetwork?: boolean;
    guestForwards?: QemuCommandInput['guestForwards'];
    accel?: Accel;
    bootTimeoutMs?: number;
    keepalive?: RemoteDeps['keepalive'];
    probeTimeoutMs?: number;
  };
}

const ENGINE_NAME = 'Minato VM';
const FW = 'opt/org.minato';

class VmFailure extends Error {
  constructor(readonly problem: VmProblem) {
    super(problem.detail);
  }
}

/** Waits for a condition checked every intervalMs, giving up when the machine exits or time runs out. */
async function until(check: () => Promise<boolean>, machine: QemuMachine, deadline: number, what: string, intervalMs = 500): Promise<void> {
  for (;;) {
    if (!machine.alive) throw new VmFailure({ code: 'crashed', detail: `QEMU exited while ${what}.` });
    if (await check()) return;
    if (Date.now() > deadline) throw new VmFailure({ code: 'boot-timeout', detail: `Timed out while ${what}.` });
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Minato's VM under QEMU: one VM ("default") in a folder beside the settings file. */
export function createQemuProvider(deps: QemuProviderDeps): VmProvider {
  const platform = deps.platform;
  const layout: VmLayout = vmLayout(deps.settingsFile, platform);
  const phases = new PhaseLog();
  const consoleBuffer = new ConsoleBuffer();
  const listeners = new Set<(status: VmStatus) => void>();
  let record: VmRecord | undefined;
  let state: VmState = 'absent';
  let problem: VmProblem | undefined;
  let accel: VmAccel | undefined;
  let qemuInfo: Awaited<ReturnType<typeof findQemu>> | undefined;
  let machine: QemuMachine | undefined;
  let engine: EngineConnection | undefined;
  let stopEngineWatch: (() => void) | undefined;
  let ports: PortSync | undefined;
  let usage: VmStatus['usage'];
  let usageTimer: ReturnType<typeof setInterval> | undefined;
  let busy: Promise<void> | undefined;
  let stopping = false;
  /** Stop was asked for while a start was under way: the start's failure is that stop, not an error. */
  let startCancelled = false;
  let closed = false;
  let startAbort: AbortController | undefined;
  const loaded = readRecord(layout).then(
    (found) => {
      record = found;
      state = found ? 'stopped' : 'absent';
    },
    (error: Error) => {
      problem = { code: 'disk-failed', detail: `${layout.state}: ${error.message}` };
    },
  );

  const restartNeeded = () => {
    const before = record?.running ? record.startedWith : undefined;
    const now = record?.settings;
    return Boolean(before && now && (before.cpus !== now.cpus || before.memoryMiB !== now.memoryMiB || before.diskGiB !== now.diskGiB));
  };
  const status = (): VmStatus => ({
    state,
    ...(phases.current ? { phase: phases.current } : {}),
    steps: phases.steps(),
    ...(record ? { settings: record.settings, imageVersion: record.imageVersion, folder: layout.folder } : {}),
    restartNeeded: restartNeeded(),
    ...(qemuInfo ? { qemu: { found: qemuInfo.found, platform: qemuInfo.platform, ...(qemuInfo.path ? { path: qemuInfo.path } : {}), ...(qemuInfo.version ? { version: qemuInfo.version } : {}), ...(qemuInfo.installCommand ? { installCommand: qemuInfo.installCommand } : {}) } } : {}),
    ...(accel ? { accel } : {}),
    arch: record?.arch ?? hostArchOf(os.arch()),
    ...(engine ? { engineId: VM_ENGINE_ID } : {}),
    ...(record?.running ? { sshPort: record.running.sshPort } : {}),
    ...(platform !== 'win32' ? { sharedHome: deps.homeDir } : {}),
    ports: ports?.ports() ?? [],
    ...(problem ? { problem } : {}),
    ...(usage && state === 'running' ? { usage } : {}),
  });
  const emit = () => {
    const current = status();
    for (const listener of listeners) listener(current);
  };
  const enter = (phase: VmPhase, note?: string) => {
    phases.enter(phase, note);
    deps.logger?.info({ phase, note }, 'vm phase');
    emit();
  };

  /** One operation at a time: a second Start while one runs is refused rather than queued. */
  const exclusive = (work: () => Promise<void>): Promise<void> => {
    if (busy) return Promise.reject(new VmFailure({ code: 'busy', detail: 'The VM is busy with another operation.' }));
    const running = work().finally(() => {
      busy = undefined;
      emit();
    });
    busy = running;
    return running;
  };

  const locateQemu = async (arch: VmRecord['arch']) => {
    qemuInfo = await findQemu(arch, platform, deps.env, record?.qemuPath);
    if (!qemuInfo.found || !qemuInfo.path) throw new VmFailure({ code: 'qemu-missing', detail: `QEMU was not found. Install it: ${qemuInfo.installCommand ?? ''}` });
    return { binary: qemuInfo.path, img: qemuInfo.imgPath ?? qemuInfo.path.replace(/qemu-system-[^/\\]+$/, platform === 'win32' ? 'qemu-img.exe' : 'qemu-img') };
  };

  const fail = (error: unknown) => {
    problem = error instanceof VmFailure ? error.problem : { code: 'qemu-failed', detail: (error as Error).message };
    deps.logger?.warn({ problem }, 'vm failed');
    if (phases.current) phases.enter('error');
    state = machine?.alive ? 'error' : state === 'crashed' ? 'crashed' : 'error';
  };

  const unregister = () => {
    stopEngineWatch?.();
    stopEngineWatch = undefined;
    if (engine && deps.registry.has(VM_ENGINE_ID)) deps.registry.remove(VM_ENGINE_ID);
    engine = undefined;
    ports?.reset();
    ports = undefined;
    if (usageTimer) clearInterval(usageTimer);
    usageTimer = undefined;
    usage = undefined;
  };

  /** QEMU ended: asked to (stop) or not (crash, killed from outside): either way nothing of it is left running. */
  const watchExit = (current: QemuMachine) => {
    void current.exited.then(async (exit) => {
      if (machine !== current) return;
      machine = undefined;
      unregister();
      if (record) {
        delete record.running;
        delete record.startedWith;
        await writeRecord(layout, record).catch(() => undefined);
      }
      if (stopping || closed) return;
      startAbort?.abort();
      state = 'crashed';
      problem = { code: 'crashed', detail: `QEMU exited (${exit.code ?? exit.signal ?? '?'})${exit.said ? `: ${exit.said}` : ''}` };
      if (phases.current !== 'error') phases.enter('error');
      emit();
    });
  };

  const registerEngine = async (sshPort: number, signal: AbortSignal) => {
    const remote = await vmRemoteDeps(layout, deps.options?.keepalive);
    if (deps.registry.has(VM_ENGINE_ID)) deps.registry.remove(VM_ENGINE_ID);
    const connection = vmEngineConnection(sshPort, remote, ENGINE_NAME);
    engine = connection;
    deps.registry.add(connection);
    await whenConnected(connection, 120_000, signal);
    const current = machine;
    if (!current) return;
    const sync = new PortSync(hmpForwards(async (line) => (await current.qmp()).human(line)), emit);
    ports = sync;
    const reconcile = () => {
      if (connection.info().state !== 'connected') return;
      connection
        .docker()
        .listContainers()
        .then((list) => sync.sync(publishedPorts(list)))
        .catch(() => undefined);
    };
    const stopChanges = connection.onChanges((batch) => {
      if (batch.resync || batch.kinds.includes('container')) reconcile();
    });
    // Reconnected after a dropped link: the forwards are QEMU's and survived; the list is read again anyway.
    const stopStatus = connection.onStatus((info) => {
      if (info.state === 'connected') reconcile();
      emit();
    });
    stopEngineWatch = () => {
      stopChanges();
      stopStatus();
    };
    reconcile();
    let previous: ProcessSample | undefined;
    usageTimer = setInterval(() => {
      void sampleProcess(current.pid, platform).then((sample) => {
        if (!sample) return;
        if (previous) usage = { cpuPercent: Math.round(cpuPercent(previous, sample) * 10) / 10, rssBytes: sample.rssBytes, memoryBytes: (record?.settings.memoryMiB ?? 0) * 2 ** 20 };
        previous = sample;
        emit();
      });
    }, 3000);
    usageTimer.unref?.();
  };

  const boot = async () => {
    startAbort = new AbortController();
    const { signal } = startAbort;
    problem = undefined;
    state = 'starting';
    phases.begin('checking');
    emit();
    await loaded;
    if (!record) throw new VmFailure({ code: 'image-missing', detail: 'There is no VM yet: create it first.' });
    const { binary, img } = await locateQemu(record.arch);
    const bootTimeout = deps.options?.bootTimeoutMs;
    accel ??= await chooseAccel(binary, platform, hostArchOf(os.arch()), record.arch, {
      ...(deps.options?.accel ? { only: deps.options.accel } : {}),
      ...(deps.options?.probeTimeoutMs ? { timeoutMs: deps.options.probeTimeoutMs } : {}),
      kernel: layout.kernel,
    });
    emit();
    await growDisk(img, layout, record.settings.diskGiB).catch((error: Error) => {
      throw new VmFailure({ code: 'disk-failed', detail: error.message });
    });
    const sshPort = await freePort();
    await writeFile(layout.shares, sharesText(platform === 'win32' ? [] : [{ tag: 'home', path: deps.homeDir }]), { mode: 0o600 });
    const args = qemuArgs({
      platform: platform as HostPlatform,
      arch: record.arch,
      accel: accel.name,
      cpus: record.settings.cpus,
      memoryMiB: record.settings.memoryMiB,
      disk: layout.disk,
      kernel: layout.kernel,
      initrd: layout.initrd,
      cmdline: record.cmdline,
      sshPort,
      qmp: layout.qmp,
      ready: layout.ready,
      console: layout.console,
      serialLog: layout.serialLog,
      pidFile: layout.pidFile,
      fwCfg: [
        { name: `${FW}/authorized_keys`, file: layout.userPublicKey },
        { name: `${FW}/ssh_host_ed25519_key`, file: layout.hostKey },
        { name: `${FW}/shares`, file: layout.shares },
      ],
      shares: platform === 'win32' ? [] : [{ tag: 'home', path: deps.homeDir }],
      ...(deps.options?.restrictNetwork ? { restrictNetwork: true } : {}),
      ...(deps.options?.guestForwards ? { guestForwards: deps.options.guestForwards } : {}),
    });
    for (const socket of [layout.qmp, layout.ready, layout.console]) {
      if ('path' in socket) await rm(socket.path, { force: true });
    }
    if ('path' in layout.qmp) {
      await privateSocketFolder(path.dirname(layout.qmp.path)).catch((error: Error) => {
        throw new VmFailure({ code: 'qemu-failed', detail: error.message });
      });
    }
    consoleBuffer.clear();
    // The accelerator is in the status (accel); a step's note would be English in a Japanese UI.
    enter('booting');
    const started = await QemuMachine.spawn(binary, args, layout, consoleBuffer);
    machine = started;
    record.running = { pid: started.pid, sshPort, accel: accel.name, startedAt: Date.now(), qmp: layout.qmp, console: layout.console, ready: layout.ready };
    record.startedWith = { ...record.settings };
    await writeRecord(layout, record);
    watchExit(started);
    const deadline = Date.now() + (bootTimeout ?? (accel.slow ? 600_000 : 180_000));
    // The kernel has handed over to systemd (or sshd already answers: a fast machine can pass the console by).
    await until(async () => /Welcome to|systemd\[1\]/.test(consoleBuffer.tail()) || (await sshBanner(sshPort, 1000)), started, deadline, 'booting');
    enter('waiting-ssh');
    await until(() => sshBanner(sshPort), started, deadline, 'waiting for SSH');
    enter('provisioning');
    // Logging in proves the guest took our key from fw_cfg and presents the host key we made (pinned).
    await until(async () => (await sshRun(layout, sshPort, 'true', 10_000).catch(() => undefined))?.code === 0, started, deadline, 'provisioning');
    enter('waiting-docker');
    const readyLine = await Promise.race([
      started.ready(),
      started.exited.then(() => {
        throw new VmFailure({ code: 'crashed', detail: 'QEMU exited while waiting for Docker.' });
      }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new VmFailure({ code: 'boot-timeout', detail: 'Timed out while waiting for Docker.' })), Math.max(0, deadline - Date.now()))),
    ]);
    const ours = keyBlobOf(await readFile(layout.hostPublicKey, 'utf8'));
    if (!ours || !ours.equals(keyBlobOf(readyLine) ?? Buffer.alloc(0))) {
      throw new VmFailure({ code: 'host-key-mismatch', detail: `The VM announced a host key other than the one Minato made: ${readyLine.slice(0, 200)}` });
    }
    await registerEngine(sshPort, signal).catch((error: Error) => {
      throw new VmFailure({ code: 'docker-unreachable', detail: error.message });
    });
    state = 'running';
    enter('ready');
  };

  /** Poweroff over SSH, then QMP quit after a timeout, then SIGKILL to our QEMU only. */
  const shutdown = async (timeoutMs = 30_000) => {
    const current = machine;
    if (!current) return;
    // From here its exit is the one asked for, not a crash.
    machine = undefined;
    stopping = true;
    state = 'stopping';
    phases.begin('stopping');
    emit();
    startAbort?.abort();
    unregister();
    const exitedWithin = (ms: number) =>
      Promise.race([current.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref?.())]);
    const sshPort = record?.running?.sshPort;
    if (sshPort) {
      // A minbase guest ignores the ACPI power button and minato cannot run poweroff: the guest powers off when this
      // file appears (GUEST.md); sync first, so even the QMP quit that may follow loses nothing written.
      await sshRun(layout, sshPort, 'sync; touch /run/minato/poweroff', 15_000).catch(() => undefined);
    }
    if (!(await exitedWithin(timeoutMs))) {
      await current
        .qmp()
        .then((qmp) => qmp.execute('quit'))
        .catch(() => undefined);
      if (!(await exitedWithin(10_000))) {
        current.kill();
        await exitedWithin(10_000);
      }
    }
    if (record) {
      delete record.running;
      delete record.startedWith;
      await writeRecord(layout, record).catch(() => undefined);
    }
    stopping = false;
    state = 'stopped';
    enter('stopped');
  };

  const startVm = () =>
    exclusive(async () => {
      if (machine?.alive) return;
      startCancelled = false;
      try {
        await boot();
      } catch (error) {
        if (startCancelled) return;
        fail(error);
        // A failed start leaves nothing running.
        if (machine?.alive) await shutdown(5000);
        state = problem?.code === 'crashed' ? 'crashed' : 'error';
        throw error;
      }
    });

  // A VM kept running in the background by an earlier Minato is found again.
  const reattached = loaded.then(async () => {
    const running = record?.running;
    if (!record || !running) return;
    const found = await QemuMachine.attach(running.pid, layout, consoleBuffer);
    if (!found) {
      delete record.running;
      delete record.startedWith;
      await writeRecord(layout, record).catch(() => undefined);
      return;
    }
    machine = found;
    consoleBuffer.push((await readFile(layout.serialLog, 'utf8').catch(() => '')).slice(-64 * 1024));
    watchExit(found);
    accel = { name: running.accel as VmAccel['name'], slow: running.accel === 'tcg' };
    state = 'starting';
    phases.begin('waiting-docker');
    emit();
    startAbort = new AbortController();
    await registerEngine(running.sshPort, startAbort.signal).then(
      () => {
        state = 'running';
        enter('ready');
      },
      (error: Error) => fail(new VmFailure({ code: 'docker-unreachable', detail: error.message })),
    );
    emit();
  });

  return {
    async detect() {
      await loaded;
      await locateQemu(record?.arch ?? hostArchOf(os.arch())).catch(() => undefined);
      return status();
    },
    create: (input: VmCreateInput) =>
      exclusive(async () => {
        await loaded;
        if (record) throw new VmFailure({ code: 'busy', detail: 'The VM exists already.' });
        problem = undefined;
        phases.begin('checking');
        emit();
        try {
          const { img } = await locateQemu(hostArchOf(os.arch()));
          const imageFolder = await deps.imageFolder();
          // The code alone says it, in the person's language: an English detail would show beside it untranslated.
          if (!imageFolder) throw new VmFailure({ code: 'image-missing', detail: '' });
          enter('creating');
          await mkdir(layout.folder, { recursive: true, mode: 0o700 });
          const defaults = defaultSettings(os.cpus().length, os.totalmem());
          const settings: VmSettings = {
            cpus: input.cpus ?? defaults.cpus,
            memoryMiB: input.memoryMiB ?? defaults.memoryMiB,
            diskGiB: input.diskGiB ?? defaults.diskGiB,
            keepRunning: false,
          };
          await makeKeys(layout);
          const manifest = await prepareDisk(img, imageFolder, layout, settings.diskGiB).catch((error: Error) => {
            throw new VmFailure({ code: 'disk-failed', detail: error.message });
          });
          record = { settings, arch: manifest.arch, imageVersion: manifest.version, cmdline: manifest.cmdline, createdAt: Date.now() };
          await writeRecord(layout, record);
          state = 'stopped';
          enter('stopped');
        } catch (error) {
          fail(error);
          state = record ? 'stopped' : 'absent';
          throw error;
        }
      }),
    start: startVm,
    stop: () => {
      // A slow start (minutes under tcg) can be stopped: its waits end when QEMU does.
      if (busy && state === 'starting') {
        startCancelled = true;
        return shutdown();
      }
      return exclusive(() => shutdown());
    },
    reset: () =>
      exclusive(async () => {
        await loaded;
        if (!record) return;
        const { img } = await locateQemu(record.arch);
        await shutdown();
        await overlayDisk(img, layout, record.settings.diskGiB);
        consoleBuffer.clear();
      }),
    delete: () =>
      exclusive(async () => {
        await loaded;
        await shutdown();
        await rm(layout.folder, { recursive: true, force: true });
        for (const socket of [layout.qmp, layout.ready, layout.console]) {
          if ('path' in socket) await rm(socket.path, { force: true });
        }
        record = undefined;
        state = 'absent';
        problem = undefined;
        phases.begin('stopped');
        consoleBuffer.clear();
      }),
    async configure(settings) {
      await loaded;
      if (!record) throw new VmFailure({ code: 'image-missing', detail: 'There is no VM yet: create it first.' });
      const { qemuPath, ...rest } = settings;
      if (rest.diskGiB !== undefined && rest.diskGiB < record.settings.diskGiB) {
        throw new VmFailure({ code: 'disk-failed', detail: 'A disk can grow but not shrink.' });
      }
      record.settings = { ...record.settings, ...rest };
      if (qemuPath) record.qemuPath = qemuPath;
      else if (qemuPath === '') delete record.qemuPath;
      await writeRecord(layout, record);
      emit();
    },
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    logs: () => consoleBuffer,
    connect: () => (engine ? VM_ENGINE_ID : undefined),
    async close() {
      await reattached.catch(() => undefined);
      closed = true;
      listeners.clear();
      if (!machine) return;
      if (record?.settings.keepRunning && state === 'running') {
        // Left running on purpose: vm.json keeps its pid and ports so the next Minato finds it again.
        unregister();
        machine.detach();
        return;
      }
      // A start still under way is cut short: its waits end when QEMU does.
      await shutdown(20_000).catch(() => machine?.kill());
    },
  };
}

