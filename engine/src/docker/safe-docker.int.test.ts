import net from 'node:net';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMinatoError } from '../../contract';
import { testDockerHost } from '../../../scripts/test-support/fixtures';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { createDockerClient } from './client';
import { parseEndpoint } from './endpoint';

// The real engine answers a path with a ".." segment with a 301 whose Location can name another host. The client
// Minato builds must never follow it: the request fails as an answer, and nothing else is contacted.

let bystander: net.Server;
let port = 0;
/** The client port of every connection the bystander accepted. */
const accepted: number[] = [];
const open = new Set<net.Socket>();

beforeAll(async () => {
  bystander = net.createServer((connection) => {
    accepted.push(connection.remotePort ?? 0);
    open.add(connection);
    connection.on('close', () => open.delete(connection));
  });
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  port = (bystander.address() as net.AddressInfo).port;
});

afterAll(() => {
  for (const connection of open) connection.destroy();
  return new Promise<void>((resolve) => bystander.close(() => resolve()));
});

/**
 * Connects to the bystander and waits until it has accepted that connection: a connection begun earlier (a followed
 * redirect) has been accepted by then too. Returns the other connections accepted so far.
 */
async function othersBeforeMarker(): Promise<number[]> {
  const marker = net.connect(port, '127.0.0.1');
  try {
    await new Promise<void>((resolve) => marker.once('connect', resolve));
    const markerPort = marker.localPort;
    await waitFor(() => accepted.includes(markerPort ?? -1), 5000, 'the bystander to accept the marker connection');
    return accepted.filter((client) => client !== markerPort);
  } finally {
    marker.destroy();
  }
}

function rawGet(docker: Docker, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    docker.modem.dial({ path, method: 'GET', options: {}, statusCodes: { 200: true } }, (error: unknown, data: unknown) =>
      error ? reject(error as Error) : resolve(data),
    );
  });
}

describe('the Docker client Minato builds', () => {
  const docker = () => createDockerClient(parseEndpoint(testDockerHost()))!;

  it('does not follow the engine redirect that a ".." path earns, to this host or another', async () => {
    for (const path of ['/images/./json', `/images/..//127.0.0.1:${port}/a/json`]) {
      await expect(rawGet(docker(), path)).rejects.toMatchObject({ statusCode: 301 });
    }
    // A followed redirect would have connected before this marker, which is sent after the 301 came back.
    expect(await othersBeforeMarker()).toEqual([]);
  });

  it('refuses names that would bend a path before sending anything, and encodes the rest', async () => {
    for (const bad of ['.', '..', '../x', 'a//b']) {
      let refused: unknown;
      try {
        docker().getImage(bad);
      } catch (error) {
        refused = error;
      }
      expect(isMinatoError(refused) && refused.code).toBe('invalid-input');
    }
    await expect(docker().getContainer('json?all=1&x=').inspect()).rejects.toMatchObject({ statusCode: 404 });
    const image = await docker().getImage('minato-test/busybox:1').inspect();
    expect(image.RepoTags).toContain('minato-test/busybox:1');
  });
});
