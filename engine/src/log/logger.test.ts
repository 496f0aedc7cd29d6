import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { REDACTED, maskSecretText } from './redact';

const SECRET = 's3cr3t-Value_42';

function capture(level: 'info' | 'debug' = 'debug') {
  let output = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  return { logger: createLogger({ level, destination }), output: () => output };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the engine logger', () => {
  it('never writes a secret, wherever it sits', async () => {
    const { logger, output } = capture();
    logger.info({ password: SECRET, auth: { username: 'me', password: SECRET }, login: { username: 'me', password: SECRET } }, 'by key');
    logger.info({ request: { headers: { authorization: `Bearer ${SECRET}`, 'x-registry-auth': SECRET, Accept: 'json' } } }, 'headers');
    logger.info({ env: [`DB_PASSWORD=${SECRET}`, `GITHUB_PAT=${SECRET}`, `MYSQL_ROOT_PWD=${SECRET}`, `API_TOKEN=${SECRET}`, 'PATH=/usr/bin'] }, 'env');
    logger.info({ spec: { environment: { APP_SECRET: SECRET, deeply: { nested: { client_token: SECRET } } } } }, 'nested key');
    logger.warn(`connecting to postgres://admin:${SECRET}@db:5432/app failed`);
    logger.debug(`docker run -e SESSION_SECRET=${SECRET} --log-opt splunk-token=${SECRET} img`);
    logger.error(new Error(`registry said no to https://robot:${SECRET}@registry.example/v2/`), 'pull failed');
    logger.error({ err: Object.assign(new Error('engine error'), { json: { message: `Authorization: Basic ${SECRET}` } }) }, 'with details');
    logger.child({ endpoint: `tcp://user:${SECRET}@10.0.0.2:2376`, token: SECRET }).info('child bindings');
    await flush();
    const text = output();
    expect(text.split('\n').filter(Boolean)).toHaveLength(9);
    expect(text).not.toContain(SECRET);
    // What is not secret stays readable: the user, the host, the variable names.
    expect(text).toContain(`postgres://admin:${REDACTED}@db:5432/app`);
    expect(text).toContain(`DB_PASSWORD=${REDACTED}`);
    expect(text).toContain('PATH=/usr/bin');
    expect(text).toContain('"Accept":"json"');
    expect(text).toContain('"username":"me"');
  });

  it('writes debug lines only at debug level', async () => {
    const quiet = capture('info');
    quiet.logger.debug('recovered from something');
    quiet.logger.info('started');
    await flush();
    expect(quiet.output()).not.toContain('recovered');
    expect(quiet.output()).toContain('started');
  });

  it('masks by shape in plain text', () => {
    expect(maskSecretText(`redis://:${SECRET}@cache:6379`)).toBe(`redis://:${REDACTED}@cache:6379`);
    expect(maskSecretText(`X-Registry-Auth: ${SECRET}`)).toBe(`X-Registry-Auth: ${REDACTED}`);
    expect(maskSecretText(`"authorization":"Bearer ${SECRET}"`)).not.toContain(SECRET);
    expect(maskSecretText('COMPAT=1 PATH=/bin https://example.com/a@b')).toBe('COMPAT=1 PATH=/bin https://example.com/a@b');
  });
});
