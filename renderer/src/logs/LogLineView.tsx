import { memo, type MouseEvent } from 'react';
import type { BufferedLine } from './log-buffer';
import { parseAnsi } from './ansi';
import { highlightSegments, type MarkedSegment } from './highlight';
import { formatLocalTimestamp } from './log-time';

interface LogLineViewProps {
  line: BufferedLine;
  timestamps: boolean;
  ranges: Array<[number, number]> | undefined;
  prefix?: { label: string; hue: number };
  selected?: boolean;
  onClick?(seq: number, event: MouseEvent): void;
}

function segmentClass(segment: MarkedSegment): string | undefined {
  return (
    [
      segment.fg && !segment.fg.startsWith('rgb') ? `fg-${segment.fg}` : '',
      segment.bg && !segment.bg.startsWith('rgb') ? `bg-${segment.bg}` : '',
      segment.bold ? 'bold' : '',
      segment.dim ? 'dim' : '',
      segment.italic ? 'italic' : '',
      segment.underline ? 'underline' : '',
    ]
      .join(' ')
      .trim() || undefined
  );
}

function segmentStyle(segment: MarkedSegment) {
  const fg = segment.fg?.startsWith('rgb') ? segment.fg : undefined;
  const bg = segment.bg?.startsWith('rgb') ? segment.bg : undefined;
  return fg || bg ? { color: fg, background: bg } : undefined;
}

/** One log line: colours from ANSI codes become classes; search matches are marked without losing them. */
export const LogLineView = memo(function LogLineView({ line, timestamps, ranges, prefix, selected, onClick }: LogLineViewProps) {
  const segments = highlightSegments(parseAnsi(line.text), ranges ?? []);
  return (
    <div
      className={`log-line ${line.stream}${selected ? ' selected' : ''}`}
      onClick={onClick ? (event) => onClick(line.seq, event) : undefined}
    >
      {prefix ? (
        <span className="log-prefix" style={{ color: `hsl(${prefix.hue} 65% 50%)` }}>
          {prefix.label}
        </span>
      ) : null}
      {timestamps && line.ts ? (
        // Local time, as the since/until inputs take it; the engine's full UTC timestamp is kept in the title.
        <span className="log-ts" title={line.ts}>
          {formatLocalTimestamp(line.ts)}
        </span>
      ) : null}
      <span className="log-text">
        {segments.map((segment, index) => {
          const className = segmentClass(segment);
          const style = segmentStyle(segment);
          if (segment.mark) {
            return (
              // A match in coloured text keeps its colour (see .coloured in the stylesheet).
              <mark key={index} className={className || style ? 'coloured' : undefined}>
                {className || style ? (
                  <span className={className} style={style}>
                    {segment.text}
                  </span>
                ) : (
                  segment.text
                )}
              </mark>
            );
          }
          return (
            <span key={index} className={className} style={style}>
              {segment.text}
            </span>
          );
        })}
      </span>
    </div>
  );
});
