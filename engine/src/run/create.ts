import type Docker from 'dockerode';
import { MinatoError } from '../../contract';
import type { RunSpec } from '../../contract/run/run-spec';
import { toMinatoError } from '../docker/engine-errors';
import { toCreateBody } from './create-body';
import { duplicateBody } from './duplicate';

export interface CreateRequest {
  spec: RunSpec;
  start: boolean;
  /** The container "run another like this" started from (see engine/contract/run/create-input.ts). */
  likeId?: string;
}

/** The body for a spec, or for a duplicate of `likeId` with the settings the form does not show. */
async function bodyFor(docker: Docker, { spec, likeId }: CreateRequest): Promise<Docker.ContainerCreateOptions> {
  const body = toCreateBody(spec);
  if (!likeId) return body;
  const like = await docker.getContainer(likeId).inspect();
  const image = await docker
    .getImage(like.Image)
    .inspect()
    .catch(() => undefined);
  return duplicateBody(body, like, image);
}

/** docker run: create from a spec, then start unless asked not to; a failed start leaves no half-made container. */
export async function createFromSpec(docker: Docker, request: CreateRequest): Promise<{ id: string; name: string; warnings: string[] }> {
  let id: string;
  try {
    const container = await docker.createContainer(await bodyFor(docker, request));
    id = ((await container.inspect()) as { Id: string }).Id;
  } catch (error) {
    throw toMinatoError(error);
  }
  if (request.start) {
    try {
      await docker.getContainer(id).start();
    } catch (error) {
      // "Removed" is only said when the engine did remove it; otherwise the half-made container is named as left over.
      const removed = await docker
        .getContainer(id)
        .remove({ force: true, v: true })
        .then(
          () => true,
          () => false,
        );
      const failure = toMinatoError(error);
      throw new MinatoError(failure.code, failure.message, { ...(failure.details as object), ...(removed ? { removed: id } : { leftOver: id }) });
    }
  }
  return { id, name: request.spec.name ?? '', warnings: [] };
}
