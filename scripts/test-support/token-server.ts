import { execFileSync } from 'node:child_process';
import { createSign, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';

export interface TokenServer {
  /** The realm registries name in their challenge. */
  realm: string;
  service: string;
  issuer: string;
  /** The certificate registries trust (rootcertbundle). */
  certFile: string;
  /** The `scope` parameters of every token request, as received (one array per request). */
  requests: string[][];
  stop(): Promise<void>;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** An RS256 JWT carrying its certificate in `x5c`, which the registry checks against its root bundle. */
function signToken(keyPem: string, certDer: Buffer, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [certDer.toString('base64')] }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(keyPem);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** `repository:team/app:pull,push` → the access entry a registry reads. */
function accessOf(scope: string): { type: string; name: string; actions: string[] } | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',') };
}

/**
 * The tests' own token server for Docker's token authentication: Basic login checked against one user, every scope
 * asked for granted to that user, none to an anonymous caller; a wrong password is a 401.
 */
export async function startTokenServer(dir: string, user: string, password: string): Promise<TokenServer> {
  const keyFile = path.join(dir, 'token.key');
  const certFile = path.join(dir, 'token.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=minato-test-token'], { stdio: 'ignore' });
  const keyPem = readFileSync(keyFile, 'utf8');
  const certDer = new X509Certificate(readFileSync(certFile)).raw;
  const service = 'minato-test-registry';
  const issuer = 'minato-test-issuer';
  const requests: string[][] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://token.invalid');
    if (url.pathname !== '/token') {
      response.writeHead(404).end();
      return;
    }
    const scopes = url.searchParams.getAll('scope');
    requests.push(scopes);
    const authorization = request.headers.authorization ?? '';
    let subject = '';
    if (authorization.startsWith('Basic ')) {
      const [name, ...rest] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
      if (name !== user || rest.join(':') !== password) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"wrong login"}');
        return;
      }
      subject = user;
    }
    const now = Math.floor(Date.now() / 1000);
    const access = subject ? scopes.map(accessOf).filter((entry) => entry !== undefined) : [];
    const token = signToken(keyPem, certDer, { iss: issuer, sub: subject, aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certFile,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined),
  };
}
