import { describe, expect, it } from 'vitest';
import { fromFileList, walkDropped, type DroppedEntry } from './dropped-files';

function fileEntry(name: string, text: string): DroppedEntry {
  return { name, isFile: true, isDirectory: false, file: (success: (file: File) => void) => setTimeout(() => success(new File([text], name))) } as DroppedEntry;
}

/** Answers in batches of two, then an empty batch, as readEntries does with its own batch size. */
function folderEntry(name: string, children: DroppedEntry[]): DroppedEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let offset = 0;
      return {
        readEntries: (success: (entries: DroppedEntry[]) => void) =>
          setTimeout(() => {
            success(children.slice(offset, offset + 2));
            offset += 2;
          }),
      };
    },
  } as DroppedEntry;
}

describe('dropped files', () => {
  it('walks nested folders through every batch, keeping paths below the dropped folder', async () => {
    const site = folderEntry('site', [
      fileEntry('index.html', '<h1>'),
      folderEntry('assets', [fileEntry('a.bin', 'a'), fileEntry('b.bin', 'bb'), fileEntry('c.bin', 'ccc')]),
      folderEntry('empty', []),
      fileEntry('robots.txt', ''),
    ]);
    const items = await walkDropped([site, fileEntry('loose.txt', 'x'), new File(['plain'], 'plain.txt')]);
    expect(items.map((item) => item.path)).toEqual([
      'site/index.html',
      'site/assets/a.bin',
      'site/assets/b.bin',
      'site/assets/c.bin',
      'site/robots.txt',
      'loose.txt',
      'plain.txt',
    ]);
    expect(await items[3]?.file.text()).toBe('ccc');
  });

  it('keeps the folder path a folder picker gives', () => {
    const picked = Object.assign(new File(['1'], 'a.txt'), { webkitRelativePath: 'top/sub/a.txt' });
    expect(fromFileList([picked, new File(['2'], 'b.txt')]).map((item) => item.path)).toEqual(['top/sub/a.txt', 'b.txt']);
  });
});
