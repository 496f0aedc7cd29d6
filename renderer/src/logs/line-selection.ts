/**
 * A range of selected log lines, held by their `seq` (stable while the ring buffer scrolls and drops lines), so the
 * selection can cover lines the virtual list no longer renders.
 */
export interface LineSelection {
  anchor: number;
  focus: number;
}

/** A click selects one line; Shift+click extends from the anchor; a plain click on the only selected line clears. */
export function clickLine(selection: LineSelection | undefined, seq: number, extend: boolean): LineSelection | undefined {
  if (extend && selection) return { anchor: selection.anchor, focus: seq };
  if (selection && selection.anchor === seq && selection.focus === seq) return undefined;
  return { anchor: seq, focus: seq };
}

export function isSelected(selection: LineSelection | undefined, seq: number): boolean {
  if (!selection) return false;
  return seq >= Math.min(selection.anchor, selection.focus) && seq <= Math.max(selection.anchor, selection.focus);
}

/** The selected lines among those given (in order): lines that left the buffer are simply not there any more. */
export function selectedLines<T extends { seq: number }>(lines: Iterable<T>, selection: LineSelection | undefined): T[] {
  const chosen: T[] = [];
  if (!selection) return chosen;
  for (const line of lines) if (isSelected(selection, line.seq)) chosen.push(line);
  return chosen;
}
