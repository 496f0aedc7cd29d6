import { describe, expect, it } from 'vitest';
import { FilesListInput, UploadBeginInput } from './files';
import { messageOfIssue } from './messages';

const at = (path: string) => ({ engineId: 'local', id: 'web', path });

describe('container paths', () => {
  it.each(['/tmp/a\u0000b', '/etc\npasswd', '/x\u001b[31m', '/del\u007f'])('refuse %j with a sentence of their own', (path) => {
    const parsed = FilesListInput.safeParse(at(path));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map(messageOfIssue)).toEqual([{ key: 'checks.pathControl' }]);
    expect(UploadBeginInput.safeParse({ engineId: 'local', id: 'web', directory: path }).success).toBe(false);
  });

  it('accept ordinary paths, spaces and non-ASCII names included', () => {
    for (const path of ['/', '/srv/my site', '/data/日本語', '/a/b.c-d_e']) expect(FilesListInput.safeParse(at(path)).success).toBe(true);
  });
});
