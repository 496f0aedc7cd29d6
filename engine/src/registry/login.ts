import type Docker from 'dockerode';
import { MinatoError } from '../../contract';
import { engineMessage } from '../docker/engine-errors';
import { serverKey, type RegistryLogin } from '../credentials/credential-store';

/**
 * Checks a login the way `docker login` does, through the engine's `POST /auth`. The engine answers a wrong password
 * with a 500 whose text quotes the registry's 401: that becomes "wrong user name or password", never the engine's
 * text (which could quote what was sent).
 */
export async function checkLogin(docker: Docker, address: string, username: string, password: string, signal?: AbortSignal): Promise<RegistryLogin> {
  let answer: { IdentityToken?: string };
  try {
    answer = (await docker.checkAuth({ username, password, serveraddress: serverKey(address), abortSignal: signal })) as { IdentityToken?: string };
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    const said = engineMessage(error);
    if (status === 401 || /unauthorized|401|incorrect username or password|authentication required|denied/i.test(said)) {
      throw new MinatoError('permission-denied', { key: 'registry.wrongLogin', params: { address } });
    }
    throw new MinatoError('engine-error', { key: 'registry.unreachable', params: { address, reason: said.split(password).join('••••••').slice(0, 300) } });
  }
  // A registry may hand out an identity token to keep instead of the password, as the CLI stores it.
  return answer.IdentityToken ? { username, identityToken: answer.IdentityToken } : { username, password };
}
