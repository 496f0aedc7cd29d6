import { describe, expect, it } from 'vitest';
import { MinatoError } from '../../contract';
import { readRemoveConflict, withRemoveConflict } from './remove-conflict';

// The engine's own sentences (Docker 20.10 to 28), as `docker rmi` prints them.
describe('readRemoveConflict', () => {
  it('names the container that holds a tag, and says force would do', () => {
    expect(
      readRemoveConflict('conflict: unable to remove repository reference "web:1" (must force) - container 0c013f748aed is using its referenced image 94699aba4115'),
    ).toEqual({ reason: 'used-by-container', forceable: true, container: '0c013f748aed' });
    expect(readRemoveConflict('conflict: unable to delete 94699aba4115 (must be forced) - image is being used by stopped container 0c013f748aed')).toEqual({
      reason: 'used-by-container',
      forceable: true,
      container: '0c013f748aed',
    });
  });

  it('says force cannot remove an image a running container uses', () => {
    expect(readRemoveConflict('conflict: unable to delete 4b60bac8c53b (cannot be forced) - image is being used by running container 104c4c492767')).toEqual({
      reason: 'used-by-running-container',
      forceable: false,
      container: '104c4c492767',
    });
  });

  it('tells tags and child images apart', () => {
    expect(readRemoveConflict('conflict: unable to delete 4b60bac8c53b (must be forced) - image is referenced in multiple repositories')).toEqual({
      reason: 'many-tags',
      forceable: true,
    });
    expect(readRemoveConflict('conflict: unable to delete 4b60bac8c53b (cannot be forced) - image has dependent child images')).toEqual({
      reason: 'has-children',
      forceable: false,
    });
  });

  it('leaves wording it does not know alone', () => {
    expect(readRemoveConflict('conflict: something new')).toBeUndefined();
    const plain = new MinatoError('conflict', 'conflict: something new');
    expect(withRemoveConflict(plain)).toBe(plain);
    const missing = new MinatoError('not-found', 'No such image: x:1');
    expect(withRemoveConflict(missing)).toBe(missing);
  });
});
