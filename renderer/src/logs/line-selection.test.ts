import { describe, expect, it } from 'vitest';
import { clickLine, isSelected, selectedLines } from './line-selection';

const lines = [3, 4, 5, 6, 7, 8].map((seq) => ({ seq, text: `l${seq}` }));

describe('log line selection', () => {
  it('selects a line on click and extends with Shift+click in either direction', () => {
    const one = clickLine(undefined, 5, false);
    expect(one).toEqual({ anchor: 5, focus: 5 });
    const down = clickLine(one, 7, true);
    expect(selectedLines(lines, down).map((line) => line.seq)).toEqual([5, 6, 7]);
    const up = clickLine(down, 3, true);
    expect(selectedLines(lines, up).map((line) => line.seq)).toEqual([3, 4, 5]);
  });

  it('starts afresh on a plain click and clears when the only selected line is clicked again', () => {
    const range = clickLine(clickLine(undefined, 4, false), 8, true);
    expect(clickLine(range, 6, false)).toEqual({ anchor: 6, focus: 6 });
    expect(clickLine({ anchor: 6, focus: 6 }, 6, false)).toBeUndefined();
  });

  it('treats Shift+click with nothing selected as a plain click', () => {
    expect(clickLine(undefined, 4, true)).toEqual({ anchor: 4, focus: 4 });
  });

  it('copies only lines still in the buffer', () => {
    expect(selectedLines(lines, { anchor: 0, focus: 4 }).map((line) => line.seq)).toEqual([3, 4]);
    expect(selectedLines(lines, undefined)).toEqual([]);
    expect(isSelected({ anchor: 8, focus: 6 }, 7)).toBe(true);
    expect(isSelected({ anchor: 8, focus: 6 }, 9)).toBe(false);
  });
});
