import { readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MinatoError } from '../../contract';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { testDockerHost } from '../../../scripts/test-support/fixtures';
import { makeTestCa, type TestCa } from '../../../scripts/test-support/tls-daemon';
import { isPublicAddress } from './public-address';
import { fetchReadmeImage, readmeImageFetch } from './readme-image';

/** A PNG's first bytes: enough for a test image. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let ca: TestCa;
let server: https.Server;
let port: number;
/** Every TCP connection the server took, by the address it was made to. */
const connections: string[] = [];
/** Every request path it answered. */
const requests: string[] = [];
let engine: EngineWithLog;

/** An address of this machine on a private network (a bridge, a LAN): where the server also listens. */
function privateAddressHere(): string {
  const addresses = Object.values(os.networkInterfaces()).flat().filter((entry) => entry && !entry.internal && entry.family === 'IPv4');
  const found = addresses.find((entry) => entry && !isPublicAddress(entry.address));
  if (!found) throw new Error('This machine has no private IPv4 address to test with (the test engine’s bridge has one).');
  return found.address;
}

beforeAll(async () => {
  ca = makeTestCa();
  server = https.createServer({ cert: readFileSync(ca.serverCert), key: readFileSync(ca.serverKey) }, (request, response) => {
    const url = new URL(request.url ?? '/', 'https://x');
    requests.push(url.pathname);
    const to = url.searchParams.get('to');
    if (to) {
      response.writeHead(302, { location: to }).end();
    } else if (url.pathname === '/page.html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>not an image</p>');
    } else if (url.pathname === '/big.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(3 * 1024 * 1024) });
      response.end(Buffer.alloc(3 * 1024 * 1024));
    } else if (url.pathname === '/endless.png') {
      // No length said: the limit must hold as the bytes come.
      response.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.alloc(256 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 40 && response.write(chunk)) sent++;
        if (sent < 40) response.once('drain', more);
        else response.end();
      };
      more();
    } else {
      response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    }
  });
  server.on('connection', (socket: net.Socket) => connections.push(socket.localAddress ?? ''));
  // All addresses: the private one must be reachable, so a refusal cannot be a network failure.
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  port = (server.address() as net.AddressInfo).port;
  engine = await connectEngineWith({ env: { DOCKER_HOST: testDockerHost() } });
});

afterAll(async () => {
  await engine?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (ca) rmSync(ca.dir, { recursive: true, force: true });
});

const reachable = (host: string) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function refusalOf(call: Promise<unknown>): Promise<Pick<MinatoError, 'code' | 'key' | 'params'>> {
  const error = await call.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(MinatoError);
  const { code, key, params } = error as MinatoError;
  return { code, key, params };
}

describe('README images fetched by the engine (hub:image)', () => {
  it('never connects to this machine or a private network: an address, or a name that resolves to one', async () => {
    const privateIp = privateAddressHere();
    const before = connections.length;
    expect(await reachable(privateIp)).toBe(true);
    await waitFor(() => connections.length - before === 1, 5_000, 'the server to see the test’s own connection');
    expect(await refusalOf(engine.client.call('hub:image', { url: `https://127.0.0.1:${port}/logo.png` }))).toEqual({
      code: 'permission-denied',
      key: 'hub.imageAddress',
      params: { host: '127.0.0.1', address: '127.0.0.1' },
    });
    expect(await refusalOf(engine.client.call('hub:image', { url: `https://${privateIp}:${port}/logo.png` }))).toMatchObject({ key: 'hub.imageAddress', params: { address: privateIp } });
    // A name is resolved first and every address it has is checked.
    expect(await refusalOf(engine.client.call('hub:image', { url: `https://localhost:${port}/logo.png` }))).toMatchObject({ key: 'hub.imageAddress', params: { host: 'localhost' } });
    expect(await refusalOf(engine.client.call('hub:image', { url: `https://[::ffff:127.0.0.1]:${port}/logo.png` }))).toMatchObject({ key: 'hub.imageAddress' });
    // The positive control above connected once; Minato never did.
    expect(connections.length - before).toBe(1);
  });

  // From here on the fetch also allows loopback (the test server's place) and trusts the test CA, both explicitly:
  // what stays refused is the private network, plain http and what is not a small image.
  const allowingLoopback = () => readmeImageFetch({ allowLoopback: true, ca: readFileSync(ca.ca, 'utf8') });

  it('fetches an image from an allowed address as a data: URL', async () => {
    const image = await fetchReadmeImage(`https://127.0.0.1:${port}/logo.png`, undefined, allowingLoopback());
    expect(image.dataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('refuses a redirect to a private address, or to plain http, without following it', async () => {
    const privateIp = privateAddressHere();
    const before = { connections: connections.length, requests: requests.length };
    const toPrivate = encodeURIComponent(`https://${privateIp}:${port}/inner.png`);
    expect(await refusalOf(fetchReadmeImage(`https://127.0.0.1:${port}/hop?to=${toPrivate}`, undefined, allowingLoopback()))).toMatchObject({
      code: 'permission-denied',
      key: 'hub.imageAddress',
      params: { address: privateIp },
    });
    const toHttp = encodeURIComponent(`http://127.0.0.1:${port}/inner.png`);
    expect(await refusalOf(fetchReadmeImage(`https://127.0.0.1:${port}/hop?to=${toHttp}`, undefined, allowingLoopback()))).toMatchObject({ key: 'hub.imageNotHttps' });
    expect(requests.slice(before.requests)).toEqual(['/hop', '/hop']);
    expect(connections.slice(before.connections).every((address) => address === '127.0.0.1')).toBe(true);
  });

  it('takes only an image type, and at most 2 MB, said or not', async () => {
    expect(await refusalOf(fetchReadmeImage(`https://127.0.0.1:${port}/page.html`, undefined, allowingLoopback()))).toMatchObject({ key: 'hub.badAnswer' });
    expect(await refusalOf(fetchReadmeImage(`https://127.0.0.1:${port}/big.png`, undefined, allowingLoopback()))).toMatchObject({ key: 'hub.imageTooBig', params: { megabytes: 2 } });
    expect(await refusalOf(fetchReadmeImage(`https://127.0.0.1:${port}/endless.png`, undefined, allowingLoopback()))).toMatchObject({ key: 'hub.imageTooBig' });
  });
});
