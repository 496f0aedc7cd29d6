import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCidr, formatIPv4 } from '../../contract/network-addresses';
import { connectEngine, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { freeTestSubnet, removeRunNetworks } from '../../../scripts/test-support/test-networks';

const runId = newRunId();
const engineId = 'local';
const labels = { [TEST_LABEL]: '1', [`${TEST_LABEL}.run`]: runId };
let connected: ConnectedEngine;

/** The n-th address of a /24 (n = 1 is the usual gateway). */
const host = (subnet: string, n: number) => formatIPv4(parseCidr(subnet)!.base + n);

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
});

afterAll(async () => {
  await connected?.close();
  await removeRunContainers(runId);
  await removeRunNetworks(runId);
});

async function runSleeper(name: string, ...flags: string[]): Promise<string> {
  return dockerCli(['run', '-d', '--name', testName(runId, name), ...testLabels(runId), ...flags, TEST_IMAGE, 'sleep', '300']);
}

describe('networks', () => {
  it('creates a network with a subnet, connects a container with an alias and a fixed address another container resolves, and disconnects it', async () => {
    const subnet = freeTestSubnet(runId, 0);
    const name = testName(runId, 'app');
    const created = await connected.client.call('networks:create', {
      engineId,
      name,
      driver: 'bridge',
      subnet,
      gateway: host(subnet, 1),
      ipRange: `${host(subnet, 128)}/25`,
      internal: false,
      attachable: true,
      labels,
    });
    expect(created.name).toBe(name);

    const overview = await connected.client.call('networks:overview', { engineId });
    const mine = overview.find((network) => network.id === created.id);
    expect(mine).toMatchObject({ name, driver: 'bridge', scope: 'local', attachable: true, internal: false, builtIn: false, labels });
    expect(mine?.subnets).toEqual([{ subnet, gateway: host(subnet, 1), ipRange: `${host(subnet, 128)}/25` }]);
    expect(overview.filter((network) => network.builtIn).map((network) => network.name).sort()).toEqual(['bridge', 'host', 'none']);

    const web = await runSleeper('web');
    const ip = host(subnet, 10);
    await connected.client.call('networks:connect', { engineId, network: name, container: web, aliases: ['web-alias'], ipv4: ip });
    const networking = await connected.client.call('networks:ofContainer', { engineId, id: web });
    expect(networking.mode).toBe('own');
    expect(networking.networks.find((network) => network.name === name)).toMatchObject({ id: created.id, ipv4: ip, aliases: ['web-alias'], staticIpv4: ip });
    const members = (await connected.client.call('networks:inspect', { engineId, id: name })).network.containers;
    expect(members).toEqual([{ id: web, name: testName(runId, 'web'), state: 'running', ipv4: ip, aliases: ['web-alias'] }]);

    // Another container on the network finds the alias through Docker's DNS, at the fixed address.
    const lookup = await dockerCli(['run', '--rm', '--network', name, ...testLabels(runId), TEST_IMAGE, '/bin/busybox', 'nslookup', 'web-alias']);
    expect(lookup).toContain(`Address: ${ip}`);
    await dockerCli(['run', '--rm', '--network', name, ...testLabels(runId), TEST_IMAGE, '/bin/busybox', 'ping', '-c', '1', '-W', '5', 'web-alias']);

    await connected.client.call('networks:disconnect', { engineId, network: name, container: web });
    const after = await connected.client.call('networks:ofContainer', { engineId, id: web });
    expect(after.networks.map((network) => network.name)).toEqual(['bridge']);
    await connected.client.call('networks:remove', { engineId, id: name });
    expect((await connected.client.call('networks:overview', { engineId })).some((network) => network.id === created.id)).toBe(false);
  });

  it('refuses a bad subnet, gateway or range, and a fixed address outside the subnet, with the sentence that says why', async () => {
    const draft = { engineId, name: testName(runId, 'bad'), driver: 'bridge', internal: false, attachable: false, labels };
    const refusal = (subnetFields: Record<string, string>) =>
      connected.client.call('networks:create', { ...draft, ...subnetFields }).then(
        () => undefined,
        (error: { code: string; details: Array<{ key?: string; params?: Record<string, unknown> }> }) => ({ code: error.code, problems: error.details.map((problem) => [problem.key, problem.params ?? {}]) }),
      );
    expect(await refusal({ subnet: '172.300.0.0/16' })).toEqual({ code: 'invalid-input', problems: [['networks.subnet', {}]] });
    expect(await refusal({ subnet: '10.1.2.3/24' })).toEqual({ code: 'invalid-input', problems: [['networks.subnetHostBits', { subnet: '10.1.2.3/24', base: '10.1.2.0/24' }]] });
    expect(await refusal({ subnet: '10.1.2.0/24', gateway: '10.1.3.1' })).toEqual({
      code: 'invalid-input',
      problems: [['networks.gatewayOutside', { gateway: '10.1.3.1', subnet: '10.1.2.0/24' }]],
    });
    expect(await refusal({ subnet: '10.1.2.0/24', ipRange: '10.1.0.0/16' })).toEqual({
      code: 'invalid-input',
      problems: [['networks.ipRangeOutside', { range: '10.1.0.0/16', subnet: '10.1.2.0/24' }]],
    });
    expect(await refusal({ gateway: '10.1.2.1' })).toEqual({ code: 'invalid-input', problems: [['networks.needsSubnet', {}]] });
    expect((await dockerCli(['network', 'ls', '-q', '--filter', `name=${draft.name}`])).trim()).toBe('');

    const subnet = freeTestSubnet(runId, 1);
    const name = testName(runId, 'fixed');
    await connected.client.call('networks:create', { ...draft, name, subnet });
    // Overlapping an existing network is refused before the engine is asked.
    await expect(connected.client.call('networks:create', { ...draft, name: testName(runId, 'overlap'), subnet })).rejects.toMatchObject({
      code: 'invalid-input',
      key: 'networks.subnetOverlaps',
      params: { subnet, other: subnet, network: name },
    });
    const box = await runSleeper('box');
    await expect(connected.client.call('networks:connect', { engineId, network: name, container: box, aliases: [], ipv4: '192.0.2.200' })).rejects.toMatchObject({
      code: 'invalid-input',
      key: 'networks.ipOutside',
      params: { ip: '192.0.2.200', subnet, network: name },
    });
    await expect(connected.client.call('networks:connect', { engineId, network: name, container: box, aliases: [], ipv4: host(subnet, 0) })).rejects.toMatchObject({
      key: 'networks.ipOutside',
    });
    await expect(connected.client.call('networks:connect', { engineId, network: 'bridge', container: box, aliases: ['nope'] })).rejects.toMatchObject({
      key: 'networks.aliasesNeedUserNetwork',
    });
    // A subnet the engine chose from its pool takes no fixed address: the engine's refusal, said as Minato's sentence.
    const pooled = testName(runId, 'pooled');
    await connected.client.call('networks:create', { ...draft, name: pooled });
    const auto = (await connected.client.call('networks:inspect', { engineId, id: pooled })).network.subnets[0]!.subnet;
    await expect(connected.client.call('networks:connect', { engineId, network: pooled, container: box, aliases: [], ipv4: host(auto, 50) })).rejects.toMatchObject({
      code: 'invalid-input',
      key: 'networks.ipNeedsSubnet',
      params: { network: pooled },
    });
    expect((await connected.client.call('networks:ofContainer', { engineId, id: box })).networks.map((network) => network.name)).toEqual(['bridge']);
  });

  it('lists stopped containers as users, says who uses a network it cannot remove, protects the built-in ones, and explains a container in none mode', async () => {
    const name = testName(runId, 'used');
    const { id } = await connected.client.call('networks:create', { engineId, name, driver: 'bridge', internal: true, attachable: false, labels });
    const running = await runSleeper('runner', '--network', name);
    const stopped = await runSleeper('stopper', '--network', name);
    await dockerCli(['stop', '-t', '0', stopped]);
    const created = await dockerCli(['create', '--name', testName(runId, 'never'), ...testLabels(runId), '--network', name, TEST_IMAGE, 'true']);

    const row = (await connected.client.call('networks:overview', { engineId })).find((network) => network.id === id);
    expect(row?.internal).toBe(true);
    expect(row?.containers.map((member) => [member.id, member.state]).sort()).toEqual(
      [
        [running, 'running'],
        [stopped, 'exited'],
        [created, 'created'],
      ].sort(),
    );
    // The network's page reads the container list's own `network` filter: the same three.
    const page = await connected.client.call('networks:inspect', { engineId, id });
    expect(page.network.containers.map((member) => member.id).sort()).toEqual([running, stopped, created].sort());
    expect(JSON.parse(page.raw)).toMatchObject({ Id: id, Name: name });

    await expect(connected.client.call('networks:remove', { engineId, id: name })).rejects.toMatchObject({
      code: 'conflict',
      key: 'networks.inUse',
      params: { network: name, containers: testName(runId, 'runner') },
    });
    await expect(connected.client.call('networks:remove', { engineId, id: 'bridge' })).rejects.toMatchObject({ code: 'conflict', key: 'networks.builtIn', params: { network: 'bridge' } });
    // Names enter Engine API paths: what would bend a path is refused at the contract, the rest is encoded.
    await expect(connected.client.call('networks:inspect', { engineId, id: '..' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(connected.client.call('networks:remove', { engineId, id: '../containers/x' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(connected.client.call('networks:inspect', { engineId, id: `${name}?x=1` })).rejects.toMatchObject({ code: 'not-found' });

    const isolated = await runSleeper('isolated', '--network', 'none');
    expect(await connected.client.call('networks:ofContainer', { engineId, id: isolated })).toMatchObject({ mode: 'none', running: true });
    await expect(connected.client.call('networks:connect', { engineId, network: name, container: isolated, aliases: [] })).rejects.toMatchObject({
      key: 'networks.modeNone',
      params: { container: testName(runId, 'isolated') },
    });
    const sharer = await runSleeper('sharer', '--network', `container:${running}`);
    expect(await connected.client.call('networks:ofContainer', { engineId, id: sharer })).toMatchObject({ mode: 'container', sharesWith: testName(runId, 'runner') });
    await expect(connected.client.call('networks:connect', { engineId, network: 'host', container: running, aliases: [] })).rejects.toMatchObject({ key: 'networks.notJoinable' });
  });

  it('previews a prune (label and until filters, networks only stopped containers name) and prunes exactly that', async () => {
    // This test's own networks only: the other tests' networks carry the run label too.
    const runLabel = `${TEST_LABEL}.prune=${runId}`;
    const make = async (suffix: string, extra: Record<string, string> = {}) =>
      (
        await connected.client.call('networks:create', {
          engineId,
          name: testName(runId, suffix),
          driver: 'bridge',
          internal: false,
          attachable: false,
          labels: { ...labels, [`${TEST_LABEL}.prune`]: runId, ...extra },
        })
      ).id;
    await make('p-idle', { tier: 'a' });
    await make('p-busy');
    await make('p-kept', { keep: 'yes' });
    await make('p-stopped-only');
    await runSleeper('p-user', '--network', testName(runId, 'p-busy'));
    const leftover = await runSleeper('p-gone', '--network', testName(runId, 'p-stopped-only'));
    await dockerCli(['stop', '-t', '0', leftover]);

    const plan = await connected.client.call('networks:prunePreview', { engineId, filters: { labels: [runLabel], notLabels: ['keep=yes'] } });
    expect(plan.networks.map((network) => network.name)).toEqual([testName(runId, 'p-idle'), testName(runId, 'p-stopped-only')]);
    expect(plan.networks.find((network) => network.name === testName(runId, 'p-stopped-only'))?.stoppedUsers).toEqual([testName(runId, 'p-gone')]);
    const onlyA = await connected.client.call('networks:prunePreview', { engineId, filters: { labels: [runLabel, 'tier=a'], notLabels: [] } });
    expect(onlyA.networks.map((network) => network.name)).toEqual([testName(runId, 'p-idle')]);
    const nothingYet = await connected.client.call('networks:prunePreview', { engineId, filters: { labels: [runLabel], notLabels: [], until: '1h' } });
    expect(nothingYet.networks).toEqual([]);
    await expect(connected.client.call('networks:prunePreview', { engineId, filters: { labels: [], notLabels: [], until: 'yesterday' } })).rejects.toMatchObject({ code: 'invalid-input' });

    // Made after the preview: the prune's until (the newest candidate) keeps it.
    await make('p-late');
    const report = await connected.client.call('networks:prune', { engineId, labels: [runLabel], notLabels: ['keep=yes'], until: plan.until!, ids: plan.networks.map((network) => network.id) });
    expect(report.deleted).toEqual(plan.networks.map((network) => network.name));
    const left = (await connected.client.call('networks:overview', { engineId })).map((network) => network.name);
    expect(left).toEqual(expect.arrayContaining([testName(runId, 'p-busy'), testName(runId, 'p-kept'), testName(runId, 'p-late')]));
  });
});
