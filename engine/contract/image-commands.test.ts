import { describe, expect, it } from 'vitest';
import { ImageChange, ImageName } from './image-details';
import { containerCommitCommand, imageImportCommand, imagePruneCommand, imageSaveCommand } from './image-commands';

describe('image commands', () => {
  it('writes prune with the very filters the engine is sent', () => {
    expect(imagePruneCommand({ scope: 'dangling' })).toBe('docker image prune -f');
    expect(imagePruneCommand({ scope: 'unused', label: 'team=a b', until: '2026-11-30T07:14:19.017182058Z' })).toBe(
      "docker image prune -a --filter 'label=team=a b' --filter until=2026-11-30T07:14:19.017182058Z -f",
    );
  });

  it('quotes commit and import options so the command pastes safely', () => {
    expect(containerCommitCommand('web', { ref: 'me/web:snap', message: "it's done", author: 'A <a@b.c>', changes: ['ENV A=1', 'CMD ["sh"]'], pause: false })).toBe(
      `docker commit -a 'A <a@b.c>' -m 'it'\\''s done' -c 'ENV A=1' -c 'CMD ["sh"]' --pause=false web me/web:snap`,
    );
    expect(imageImportCommand('fs.tar', { ref: 'imported:1', changes: ['CMD ["/bin/sh"]'] })).toBe(`docker import -c 'CMD ["/bin/sh"]' fs.tar imported:1`);
    expect(imageSaveCommand(['a:1', 'b:2'], 'out.tar')).toBe('docker save -o out.tar a:1 b:2');
  });

  it('accepts only names without a digest, and only the instructions commit and import take', () => {
    expect(ImageName.safeParse('my/app:1.0').success).toBe(true);
    expect(ImageName.safeParse('my/app@sha256:' + 'a'.repeat(64)).success).toBe(false);
    expect(ImageName.safeParse('My/App').success).toBe(false);
    expect(ImageChange.safeParse('env A=1').success).toBe(true);
    expect(ImageChange.safeParse('RUN rm -rf /').success).toBe(false);
    expect(ImageChange.safeParse('ENV A=1\nRUN x').success).toBe(false);
  });
});
