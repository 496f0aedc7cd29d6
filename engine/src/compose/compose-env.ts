import path from 'node:path';
import type { EngineInfo } from '../../contract';
import type { ComposeReach } from '../../contract/compose';

/** What the CLI needs from Minato's own environment to run at all (find programs, its config, the ssh agent). */
const KEPT = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'TMPDIR', 'TEMP', 'TMP', 'XDG_RUNTIME_DIR', 'DOCKER_CONFIG', 'SSH_AUTH_SOCK',
  'SystemRoot', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'ProgramData', 'ProgramFiles',
];

/** The variables of Minato's own environment every CLI run keeps. */
export function ownEnv(own: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of KEPT) if (own[name] !== undefined) env[name] = own[name];
  return env;
}

/** TLS files the CLI can take from the environment: only one folder holding ca.pem, cert.pem and key.pem. */
function certFolder(info: EngineInfo): string | undefined {
  const tls = info.tls;
  if (!tls?.ca || !tls.cert || !tls.key) return undefined;
  const folder = path.dirname(tls.ca);
  const named = (file: string, name: string) => path.dirname(file) === folder && path.basename(file) === name;
  return named(tls.ca, 'ca.pem') && named(tls.cert, 'cert.pem') && named(tls.key, 'key.pem') ? folder : undefined;
}

/** Whether the CLI can reach this engine with what Minato can pass it. */
export function composeReach(info: EngineInfo): ComposeReach {
  // The VM's engine is ssh:// with a host key Minato pinned; the person's own ssh would trust its known_hosts instead.
  if (info.kind === 'vm') return 'vm';
  if (info.kind === 'context' && info.contextName) return 'ok';
  const address = info.address;
  if (address.startsWith('ssh://')) return 'ssh';
  if (address.startsWith('unix://') || address.startsWith('npipe://')) return 'ok';
  if (address.startsWith('tcp://')) {
    const tls = info.tls;
    const wantsTls = tls && (tls.ca || tls.cert || tls.key || tls.skipVerify);
    return !wantsTls || info.source === 'DOCKER_HOST' || certFolder(info) ? 'ok' : 'unsupported';
  }
  return 'unsupported';
}

/**
 * The CLI's environment: a few of Minato's own variables, and the engine as the docker CLI takes it — a context by
 * name, else `DOCKER_HOST` (ssh:// goes through the person's own ssh and its config), TLS by its cert folder. Nothing
 * else of Minato's environment (tokens, a DOCKER_HOST aimed elsewhere) reaches the CLI.
 */
export function composeEnv(own: NodeJS.ProcessEnv, info: EngineInfo): NodeJS.ProcessEnv {
  const env = ownEnv(own);
  // Never the VM's ssh:// address (see composeReach): `config` needs no engine, and runs are refused.
  if (info.kind === 'vm') return env;
  if (info.kind === 'context' && info.contextName) {
    env.DOCKER_CONTEXT = info.contextName;
    return env;
  }
  env.DOCKER_HOST = info.address;
  if (info.source === 'DOCKER_HOST') {
    // The local engine chosen by the person's own DOCKER_HOST: its TLS settings come from the same environment.
    for (const name of ['DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) if (own[name] !== undefined) env[name] = own[name];
    return env;
  }
  const folder = certFolder(info);
  if (folder) {
    env.DOCKER_CERT_PATH = folder;
    if (!info.tls?.skipVerify) env.DOCKER_TLS_VERIFY = '1';
  }
  return env;
}
