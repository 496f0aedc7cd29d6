import { describe, expect, it } from 'vitest';
import { MIN_API_VERSION } from '../../contract';
import { testDockerHost } from '../../../scripts/test-support/fixtures';
import { compareApiVersions, probeEndpoint } from './probe';

describe('probeEndpoint against the test engine', () => {
  it('reads the version of an engine that answers', async () => {
    const result = await probeEndpoint({
      endpoint: testDockerHost(),
      source: 'DOCKER_HOST',
      facts: { platform: 'linux', origin: 'DOCKER_HOST', runtime: 'docker', defaultAddress: false },
    });
    if (!result.ok) throw new Error(`The test engine did not answer: ${result.diagnosis.detail}`);
    expect(compareApiVersions(result.version.api, MIN_API_VERSION)).toBeGreaterThanOrEqual(0);
    expect(result.version.os).toBe('linux');
  });
});
