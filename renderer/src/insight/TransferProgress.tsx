/**
 * Bytes moved so far as a progress bar. Without a known total the bar is indeterminate and the text carries the
 * count; the same text is the bar's aria-valuetext, so a screen reader hears bytes rather than a bare percentage.
 */
export function TransferProgress({ label, done, total, text }: { label: string; done: number; total?: number; text: string }) {
  const known = total !== undefined && total > 0;
  return (
    <div className="transfer-progress">
      <progress aria-label={label} aria-valuetext={text} max={known ? total : undefined} value={known ? Math.min(done, total) : undefined} />
      <span className="muted"> {text}</span>
    </div>
  );
}
