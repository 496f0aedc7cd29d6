import { describe, expect, it } from 'vitest';
import { MASK, looksSecret, maskArgs, maskAssignment, maskCommandLine, maskTree, maskValue } from './secrets';

describe('looksSecret', () => {
  it.each([
    ['DB_PASSWORD', true],
    ['PGPASSWORD', true],
    ['dbPassword', true],
    ['MYSQL_ROOT_PWD', true],
    ['GH_PAT', true],
    ['GITHUB_TOKEN', true],
    ['API_KEY', true],
    ['apiKey', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['BASIC_AUTH', true],
    ['splunk-token', true],
    ['--password', true],
    ['SENTRY_DSN', true],
    // Ordinary names that only look alike.
    ['PATH', false],
    ['PWD', false],
    ['OLDPWD', false],
    ['org.opencontainers.image.authors', false],
    ['PASSPORT_STRATEGY', false],
    ['HOSTNAME', false],
    ['max-size', false],
    // Where the secret is kept, not the secret.
    ['POSTGRES_PASSWORD_FILE', false],
    ['--password-file', false],
  ])('%s → %s', (name, secret) => {
    expect(looksSecret(name)).toBe(secret);
  });
});

describe('maskValue: secrets by their shape', () => {
  it.each([
    ['postgres://app:hunter2@db:5432/shop', `postgres://app:${MASK}@db:5432/shop`],
    ['redis://:hunter2@cache:6379/0', `redis://:${MASK}@cache:6379/0`],
    ['amqp://guest:guest@rabbit//', `amqp://guest:${MASK}@rabbit//`],
    ['app:hunter2@tcp(db:3306)/shop', `app:${MASK}@tcp(db:3306)/shop`],
    ['host=db user=app password=hunter2 dbname=shop', `host=db user=app password=${MASK} dbname=shop`],
    ['Server=db;User Id=app;Password=hunter2;Database=shop', `Server=db;User Id=app;Password=${MASK};Database=shop`],
    ['https://api.example.com/v1?user=me&token=abc123&page=2', `https://api.example.com/v1?user=me&token=${MASK}&page=2`],
    ['-Xmx1g -Dspring.datasource.password=hunter2', `-Xmx1g -Dspring.datasource.password=${MASK}`],
    ['ghp_0123456789abcdefghijklmnopqrstuvwxyz', MASK],
    ['Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXBhcnQ', `Bearer ${MASK}`],
  ])('%s', (value, masked) => {
    expect(maskValue(value)).toBe(masked);
  });

  it.each([
    '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin',
    'localhost:5000/team/app:1.2',
    'http://host/',
    'https://example.com:8443/path?page=2',
    'ssh://git@github.com/org/repo.git',
    'maintainer@example.com',
    'db:5432',
    'sha256:5b97a707d8f1c2e3',
    'max-size=10m',
    'password-less login',
  ])('leaves %s alone', (value) => {
    expect(maskValue(value)).toBe(value);
  });
});

describe('maskAssignment: KEY=VALUE by name, then by shape', () => {
  it.each([
    ['DB_PASSWORD=hunter2', `DB_PASSWORD=${MASK}`],
    ['DB_PWD=hunter2', `DB_PWD=${MASK}`],
    ['GH_PAT=abc', `GH_PAT=${MASK}`],
    ['DATABASE_URL=postgres://u:p@db/app', `DATABASE_URL=postgres://u:${MASK}@db/app`],
    ['PATH=/usr/bin:/bin', 'PATH=/usr/bin:/bin'],
    ['PWD=/home/me', 'PWD=/home/me'],
    ['POSTGRES_PASSWORD_FILE=/run/secrets/db', 'POSTGRES_PASSWORD_FILE=/run/secrets/db'],
  ])('%s', (entry, masked) => {
    expect(maskAssignment(entry)).toBe(masked);
  });
});

describe('maskArgs and maskCommandLine: commands', () => {
  it.each([
    [['app', '--password', 'hunter2', '--port', '80'], ['app', '--password', MASK, '--port', '80']],
    [['app', '--token=abc', '--verbose'], ['app', `--token=${MASK}`, '--verbose']],
    [['mysql', '-uroot', '-phunter2', 'shop'], ['mysql', '-uroot', `-p${MASK}`, 'shop']],
    [['/usr/bin/mysqldump', '-u', 'root', '-phunter2'], ['/usr/bin/mysqldump', '-u', 'root', `-p${MASK}`]],
    [['env', 'API_KEY=abc', 'run'], ['env', `API_KEY=${MASK}`, 'run']],
    [['sh', '-c', 'mysql -uroot -phunter2 -e "select 1"'], ['sh', '-c', `mysql -uroot -p${MASK} -e "select 1"`]],
    [['worker', '--broker', 'amqp://u:p@mq//'], ['worker', '--broker', `amqp://u:${MASK}@mq//`]],
  ])('%j', (args, masked) => {
    expect(maskArgs(args)).toEqual(masked);
  });

  it.each([
    [['httpd', '-f', '-p', '80']],
    [['httpd', '-f', '-p8080']],
    [['sleep', '600']],
    [['nginx', '-g', 'daemon off;']],
    [['app', '--password-file', '/run/secrets/db']],
  ])('leaves %j alone', (args) => {
    expect(maskArgs(args)).toEqual(args);
  });

  it('masks a docker top command line, keeping its spacing and quotes', () => {
    expect(maskCommandLine('mysqld  --user=mysql')).toBe('mysqld  --user=mysql');
    expect(maskCommandLine('redis-server *:6379 --requirepass "hunter2"')).toBe(`redis-server *:6379 --requirepass "${MASK}"`);
    expect(maskCommandLine('node server.js --db=postgres://u:p@db/app')).toBe(`node server.js --db=postgres://u:${MASK}@db/app`);
  });
});

describe('maskTree: a container inspect', () => {
  it('masks env, labels, log options, commands and health checks, never the keys', () => {
    const inspect = {
      Path: 'app',
      Args: ['--password', 'hunter2'],
      Config: {
        Env: ['PATH=/bin', 'DB_PASSWORD=hunter2', 'DATABASE_URL=postgres://u:p@db/app', 'PWD=/srv'],
        Cmd: ['app', '--token=abc'],
        Image: 'localhost:5000/team/app:1',
        Labels: { 'traefik.http.middlewares.x.basicauth.users': 'me:$apr1$xyz', 'com.example.team': 'harbour', 'backup.url': 's3://key:secret@bucket/x' },
        Healthcheck: { Test: ['CMD', 'check', '--password', 'hunter2'] },
      },
      HostConfig: { LogConfig: { Type: 'splunk', Config: { 'splunk-token': 'abc', 'splunk-url': 'https://splunk:8088' } } },
    };
    expect(maskTree(inspect)).toEqual({
      Path: 'app',
      Args: ['--password', MASK],
      Config: {
        Env: ['PATH=/bin', `DB_PASSWORD=${MASK}`, `DATABASE_URL=postgres://u:${MASK}@db/app`, 'PWD=/srv'],
        Cmd: ['app', `--token=${MASK}`],
        Image: 'localhost:5000/team/app:1',
        Labels: { 'traefik.http.middlewares.x.basicauth.users': MASK, 'com.example.team': 'harbour', 'backup.url': `s3://key:${MASK}@bucket/x` },
        Healthcheck: { Test: ['CMD', 'check', '--password', MASK] },
      },
      HostConfig: { LogConfig: { Type: 'splunk', Config: { 'splunk-token': MASK, 'splunk-url': 'https://splunk:8088' } } },
    });
  });
});
