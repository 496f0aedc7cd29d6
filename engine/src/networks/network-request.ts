import type Docker from 'dockerode';

/**
 * One `/networks/…` request that can be cancelled: dockerode's Network.inspect passes no abort signal down, and its
 * connect and disconnect would send the signal inside the JSON body. The network's name is checked and encoded by
 * the client's getNetwork (safe-docker.ts) before it enters the path.
 */
export function networkRequest<T>(docker: Docker, network: string, request: { verb?: 'connect' | 'disconnect'; body?: object; signal?: AbortSignal | undefined }): Promise<T> {
  const { id } = docker.getNetwork(network) as Docker.Network & { id: string };
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: request.verb ? `/networks/${id}/${request.verb}` : `/networks/${id}?`,
        method: request.verb ? 'POST' : 'GET',
        options: request.body ?? {},
        abortSignal: request.signal,
        statusCodes: { 200: true, 201: true, 204: true, 400: 'bad parameter', 403: 'operation not supported', 404: 'no such network', 409: 'conflict', 500: 'server error' },
      },
      (error: unknown, data: unknown) => (error ? reject(error as Error) : resolve(data as T)),
    );
  });
}
