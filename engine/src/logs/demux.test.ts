import { describe, expect, it } from 'vitest';
import { createDemuxer } from './demux';
import { createLineSplitter, MAX_LINE_CHARS } from './line-splitter';
import { batchLines, splitTimestamp } from '../../contract/logs';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('createDemuxer', () => {
  it('splits frames cut at every possible byte', () => {
    const whole = Buffer.concat([frame(1, 'out 港\n'), frame(2, 'err\n'), frame(1, 'more\n')]);
    for (let cut = 1; cut < whole.length; cut++) {
      const frames: string[] = [];
      const demux = createDemuxer((stream, payload) => frames.push(`${stream}:${payload.toString()}`));
      demux(whole.subarray(0, cut));
      demux(whole.subarray(cut));
      expect(frames).toEqual(['stdout:out 港\n', 'stderr:err\n', 'stdout:more\n']);
    }
  });
});

describe('createLineSplitter', () => {
  it('decodes UTF-8 across chunks, handles CRLF, keeps a last unterminated line', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((line) => lines.push(line));
    const bytes = Buffer.from('一行目\r\n二行目\nend');
    for (const byte of bytes) splitter.write(Buffer.from([byte]));
    splitter.end();
    expect(lines).toEqual(['一行目', '二行目', 'end']);
  });

  it('turns invalid UTF-8 into replacement characters instead of failing', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((line) => lines.push(line));
    splitter.write(Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a]));
    expect(lines).toEqual(['a\ufffd\ufffdb']);
  });

  it('cuts an endless line into bounded pieces', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((line) => lines.push(line));
    splitter.write(Buffer.from('x'.repeat(MAX_LINE_CHARS * 2 + 10)));
    expect(lines.map((line) => line.length)).toEqual([MAX_LINE_CHARS, MAX_LINE_CHARS]);
    splitter.end();
    expect(lines.at(-1)).toHaveLength(10);
  });
});

describe('splitTimestamp', () => {
  it('separates the engine timestamp from the text', () => {
    expect(splitTimestamp('2024-05-01T10:00:00.123456789Z hello world')).toEqual({ ts: '2024-05-01T10:00:00.123456789Z', text: 'hello world' });
    expect(splitTimestamp('no timestamp here')).toEqual({ ts: '', text: 'no timestamp here' });
  });
});

describe('batchLines', () => {
  it('expands chunks back into lines with their streams and timestamps', () => {
    expect(
      batchLines({
        tty: false,
        chunks: [
          { stream: 'stdout', text: '2024-05-01T10:00:00.1Z a\n2024-05-01T10:00:00.2Z b\n' },
          { stream: 'stderr', text: '2024-05-01T10:00:00.3Z c\n' },
        ],
      }),
    ).toEqual([
      { stream: 'stdout', ts: '2024-05-01T10:00:00.1Z', text: 'a' },
      { stream: 'stdout', ts: '2024-05-01T10:00:00.2Z', text: 'b' },
      { stream: 'stderr', ts: '2024-05-01T10:00:00.3Z', text: 'c' },
    ]);
  });
});
