import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { connectQmp, createQmpDecoder, encodeQmp, QmpError, type QmpMessage } from './qmp';

describe('QMP framing', () => {
  it('reassembles messages split across chunks and several in one chunk', () => {
    const seen: QmpMessage[] = [];
    const decode = createQmpDecoder((message) => seen.push(message));
    decode('{"QMP": {"version": {}}, "capabil');
    decode('ities": []}\r\n{"return": {}}\n{"event": "STOP", "data": {}}\n{"ret');
    expect(seen).toEqual([{ QMP: { version: {} }, capabilities: [] }, { return: {} }, { event: 'STOP', data: {} }]);
    decode('urn": {"status": "running"}}\n');
    expect(seen.at(-1)).toEqual({ return: { status: 'running' } });
  });

  it('skips a line that is not JSON', () => {
    const seen: QmpMessage[] = [];
    const decode = createQmpDecoder((message) => seen.push(message));
    decode('garbage\n{"return": 1}\n');
    expect(seen).toEqual([{ return: 1 }]);
  });

  it('encodes a command with and without arguments, one line each', () => {
    expect(encodeQmp('quit')).toBe('{"execute":"quit"}\n');
    expect(encodeQmp('human-monitor-command', { 'command-line': 'info usernet' })).toBe(
      '{"execute":"human-monitor-command","arguments":{"command-line":"info usernet"}}\n',
    );
  });
});

/** A stand-in QMP server speaking the protocol (greeting, capabilities, ordered answers), for the client's wiring. */
describe('QMP client over a unix socket', () => {
  let folder: string | undefined;
  let server: net.Server | undefined;
  afterEach(async () => {
    server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('negotiates capabilities, answers in order, passes events and errors', async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'minato-test-qmp-'));
    const socketPath = path.join(folder, 'qmp.sock');
    const received: string[] = [];
    server = net.createServer((socket) => {
      socket.write('{"QMP": {"version": {"qemu": {"major": 7}}, "capabilities": []}}\n');
      socket.on('data', createQmpDecoderFor(socket, received));
    });
    await new Promise<void>((resolve) => server!.listen(socketPath, resolve));
    const client = await connectQmp({ path: socketPath });
    const events: string[] = [];
    client.onEvent((event) => events.push(event));
    const status = await client.execute<{ status: string }>('query-status');
    expect(status.status).toBe('running');
    await expect(client.execute('nonsense')).rejects.toBeInstanceOf(QmpError);
    expect(await client.human('info version')).toBe('7.2.0\r\n');
    expect(events).toEqual(['RESUME']);
    expect(received).toEqual(['qmp_capabilities', 'query-status', 'nonsense', 'human-monitor-command']);
    client.close();
  });
});

function createQmpDecoderFor(socket: net.Socket, received: string[]) {
  let pending = '';
  return (chunk: Buffer) => {
    pending += chunk.toString();
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
      const { execute } = JSON.parse(pending.slice(0, newline)) as { execute: string };
      pending = pending.slice(newline + 1);
      received.push(execute);
      if (execute === 'query-status') socket.write('{"event": "RESUME", "data": {}}\n{"return": {"status": "running", "running": true}}\n');
      else if (execute === 'nonsense') socket.write('{"error": {"class": "CommandNotFound", "desc": "The command nonsense has not been found"}}\n');
      else if (execute === 'human-monitor-command') socket.write('{"return": "7.2.0\\r\\n"}\n');
      else socket.write('{"return": {}}\n');
    }
  };
}
