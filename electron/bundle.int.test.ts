import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDockerHost } from '../scripts/test-support/fixtures';
import { waitFor } from '../scripts/test-support/processes';

const root = path.resolve(import.meta.dirname, '..');
let work: string;

/**
 * The Electron binary cannot run here, so the built main process runs under plain Node with `electron` answered by
 * this stand-in: enough of the shell's API for runApp to start, and no more. What is under test is the bundle
 * itself (CommonJS, what is bundled and what is not) driving the real engine code against a real Docker engine.
 */
const ELECTRON_STAND_IN = `
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const logs = process.env.STAND_IN_LOGS;
const contents = () => Object.assign(new EventEmitter(), { setWindowOpenHandler() {}, isDestroyed: () => false, mainFrame: {}, send() {} });
const electron = {
  app: Object.assign(new EventEmitter(), {
    isPackaged: true, whenReady: async () => {}, setAppLogsPath() {}, getPath: () => logs,
    requestSingleInstanceLock: () => true, getVersion: () => '0.0.0-test', quit() {},
  }),
  protocol: {
    registerSchemesAsPrivileged(schemes) { console.log('privileged ' + JSON.stringify(schemes)); },
    handle(scheme, handler) {
      handler(new Request('app://minato/index.html')).then((response) => console.log('served ' + response.status));
    },
  },
  Menu: { buildFromTemplate: (template) => template, setApplicationMenu() {} },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onHeadersReceived() {} } } },
  BrowserWindow: class extends EventEmitter {
    constructor() { super(); this.webContents = contents(); }
    loadURL(url) { console.log('loaded ' + url); return Promise.resolve(); }
    static getAllWindows() { return []; }
  },
  dialog: {}, shell: {}, ipcMain: new EventEmitter(),
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };
`;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'minato-test-bundle-'));
  await writeFile(path.join(work, 'electron-stand-in.cjs'), ELECTRON_STAND_IN);
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build-electron.ts'], { cwd: root });
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the built Electron main process', () => {
  it('starts, serves the UI on app://minato/ and connects to the engine, logging to the log folder', async () => {
    const logs = path.join(work, 'logs');
    const child = spawn(process.execPath, ['--require', path.join(work, 'electron-stand-in.cjs'), path.join(root, 'dist-electron', 'main.cjs')], {
      cwd: work,
      env: { ...process.env, DOCKER_HOST: testDockerHost(), HOME: work, XDG_CONFIG_HOME: path.join(work, 'config'), STAND_IN_LOGS: logs },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
    const logText = () => {
      try {
        return readFileSync(path.join(logs, 'minato.log'), 'utf8');
      } catch {
        return '';
      }
    };
    try {
      await waitFor(() => /"msg":"engine (connected|unavailable|disconnected)"/.test(logText()), `the engine's first state in the log (${output})`, 30_000);
      // index.html is there once the renderer is built; either way the handler must answer, not throw.
      const served = existsSync(path.join(root, 'dist', 'renderer', 'index.html')) ? 'served 200' : 'served 404';
      await waitFor(() => output.includes(served), `the app scheme to answer ${served}`);
      expect(logText()).toContain('"msg":"engine connected"');
      expect(output).toContain('loaded app://minato/index.html');
      expect(output).toContain('"scheme":"app"');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
