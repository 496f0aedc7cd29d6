import type Docker from 'dockerode';

/**
 * `GET /images/{name}/json` that can be cancelled: dockerode's Image.inspect passes no abort signal down (its other
 * calls do). The name is checked and encoded by the client's getImage (safe-docker.ts).
 */
export function inspectImage(docker: Docker, ref: string, signal?: AbortSignal): Promise<Docker.ImageInspectInfo> {
  const { name } = docker.getImage(ref) as Docker.Image & { name: string };
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/images/${name}/json`,
        method: 'GET',
        options: {},
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such image', 500: 'server error' },
      },
      (error: unknown, data: unknown) => (error ? reject(error as Error) : resolve(data as Docker.ImageInspectInfo)),
    );
  });
}
