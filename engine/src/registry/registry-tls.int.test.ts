import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MinatoError } from '../../contract';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { dockerCli, newRunId, TEST_IMAGE, testDockerHost } from '../../../scripts/test-support/fixtures';
import { startTlsRegistry, type TlsRegistry } from '../../../scripts/test-support/tls-registry';

const runId = newRunId();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'minato-test-registry-tls-'));
const repository = `minato-test/tls-${runId}`;
let registry: TlsRegistry;
let caPem: string;
const engines: EngineWithLog[] = [];

/** An engine with a HOME of its own (its ~/.docker, its registries.json). */
async function engineWithHome(name: string): Promise<{ engine: EngineWithLog; home: string }> {
  const home = path.join(scratch, name);
  mkdirSync(home, { recursive: true });
  const engine = await connectEngineWith({ env: { DOCKER_HOST: testDockerHost() }, homeDir: home, settingsFile: path.join(home, 'config', 'settings.json') });
  engines.push(engine);
  return { engine, home };
}

async function failure(call: Promise<unknown>): Promise<MinatoError> {
  const error = await call.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(MinatoError);
  return error as MinatoError;
}

beforeAll(async () => {
  registry = await startTlsRegistry();
  caPem = readFileSync(registry.ca.ca, 'utf8');
  // Something to browse, pushed by the test engine (for which a loopback registry is insecure: it speaks HTTPS unverified).
  const ref = `${registry.address}/${repository}:1`;
  await dockerCli(['tag', TEST_IMAGE, ref]);
  await dockerCli(['push', ref]);
  await dockerCli(['rmi', ref]);
}, 60_000);

afterAll(async () => {
  for (const engine of engines) await engine.close();
  await registry?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('an HTTPS registry whose certificate a private CA signed', () => {
  it('is refused without its CA, saying the certificate is not trusted and how to fix it', async () => {
    const { engine } = await engineWithHome('no-ca');
    const error = await failure(engine.client.call('registries:add', { url: `https://${registry.address}` }));
    expect(error).toMatchObject({ code: 'engine-error', key: 'registry.untrustedCertificate', params: { address: registry.address } });
    expect(error.message).toContain('not trusted');
    expect(error.message).toContain(`~/.docker/certs.d/${registry.address}/ca.crt`);
    expect(await engine.client.call('registries:list', {})).toEqual([]);
  });

  it('is added and browsed with the CA given as PEM, trusted for that registry only', async () => {
    const { engine, home } = await engineWithHome('given-ca');
    const added = await engine.client.call('registries:add', { url: `https://${registry.address}`, caCertificate: caPem });
    expect(added).toMatchObject({ address: registry.address, url: `https://${registry.address}`, plainHttp: false, authorities: [{ subject: 'minato-test-ca' }] });
    expect((await engine.client.call('registries:catalog', { address: registry.address })).repositories).toContain(repository);
    expect(await engine.client.call('registries:tags', { address: registry.address, repository })).toMatchObject({ tags: ['1'] });
    expect(await engine.client.call('registries:manifest', { address: registry.address, repository, reference: '1' })).toMatchObject({ kind: 'image' });
    // Kept with the registry, so the next engine (a restart) still trusts it.
    const kept = JSON.parse(readFileSync(path.join(home, 'config', 'registries.json'), 'utf8')) as { registries: Array<{ caCertificate?: string }> };
    expect(kept.registries[0]?.caCertificate).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('reads the docker CLI’s ~/.docker/certs.d/<host:port>/ca.crt when it is there', async () => {
    const { engine, home } = await engineWithHome('certs-d');
    const folder = path.join(home, '.docker', 'certs.d', registry.address);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'ca.crt'), caPem);
    const added = await engine.client.call('registries:add', { url: `https://${registry.address}` });
    expect(added.authorities).toEqual([{ subject: 'minato-test-ca', file: path.join(folder, 'ca.crt') }]);
    expect((await engine.client.call('registries:catalog', { address: registry.address })).repositories).toContain(repository);
    // Taken away, the registry is not trusted any more: the file is read as it is now.
    rmSync(folder, { recursive: true });
    expect(await failure(engine.client.call('registries:catalog', { address: registry.address }))).toMatchObject({ key: 'registry.untrustedCertificate' });
  });

  it('refuses text that is not a certificate, and a CA for a plain-HTTP registry', async () => {
    const { engine } = await engineWithHome('bad-ca');
    const notPem = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
    expect(await failure(engine.client.call('registries:add', { url: `https://${registry.address}`, caCertificate: notPem }))).toMatchObject({ code: 'invalid-input', key: 'registry.badCa' });
    expect(await failure(engine.client.call('registries:add', { url: `http://${registry.address}`, caCertificate: caPem }))).toMatchObject({ code: 'invalid-input', key: 'registry.caForHttp' });
  });
});
