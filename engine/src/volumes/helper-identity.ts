import type Docker from 'dockerode';
import { HELPER_IMAGE, HELPER_LABEL, HELPER_LABEL_VALUE } from '../../contract/volume-commands';
import { isHelper } from './volume-helpers';

/** The one layer of the helpers' image: the diff id of an empty tar (two 512-byte zero blocks), as ensureHelperImage imports it. */
const EMPTY_LAYER = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';

/**
 * The id of the helpers' image as Minato imported it: the image under its fixed name, with Minato's label and no
 * files at all. Anything else under that name (a pulled or built look-alike) is the person's image, so undefined.
 */
export async function helperImageId(docker: Docker): Promise<string | undefined> {
  const image = await docker
    .getImage(HELPER_IMAGE)
    .inspect()
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode === 404) return undefined;
      throw error;
    });
  if (!image || image.Config?.Labels?.[HELPER_LABEL] !== HELPER_LABEL_VALUE) return undefined;
  const layers = image.RootFS?.Layers ?? [];
  return layers.length === 1 && layers[0] === EMPTY_LAYER ? image.Id : undefined;
}

/**
 * A helper container, as the lists leave it out: made from that exact image, with the helper's label and name. A
 * label can be inherited from any image and a name chosen by anyone; the three together only Minato makes.
 */
export function isHelperContainer(container: { ImageID?: string; Labels?: Record<string, string> | null; Names?: string[] }, imageId: string | undefined): boolean {
  return imageId !== undefined && container.ImageID === imageId && isHelper(container.Labels, container.Names ?? []);
}
