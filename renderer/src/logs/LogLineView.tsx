import { memo } from 'react';
import type { BufferedLine } from './log-buffer';
import { parseAnsi, stripAnsi } from './ansi';

interface LogLineViewProps {
  line: BufferedLine;
  timestamps: boolean;
  ranges: Array<[number, number]> | undefined;
  prefix?: { label: string; hue: number };
}

function Highlighted({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  const parts = [];
  let last = 0;
  for (const [start, end] of ranges) {
    if (start > last) parts.push(<span key={`t${last}`}>{text.slice(last, start)}</span>);
    parts.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    last = end;
  }
  if (last < text.length) parts.push(<span key={`t${last}`}>{text.slice(last)}</span>);
  return <>{parts}</>;
}

/** One log line: colours from ANSI codes become classes; a search shows marks on the plain text. */
export const LogLineView = memo(function LogLineView({ line, timestamps, ranges, prefix }: LogLineViewProps) {
  return (
    <div className={`log-line ${line.stream}`}>
      {prefix ? (
        <span className="log-prefix" style={{ color: `hsl(${prefix.hue} 65% 50%)` }}>
          {prefix.label}
        </span>
      ) : null}
      {timestamps && line.ts ? <span className="log-ts">{line.ts.replace('T', ' ').slice(0, 23)}</span> : null}
      <span className="log-text">
        {ranges && ranges.length > 0 ? (
          <Highlighted text={stripAnsi(line.text)} ranges={ranges} />
        ) : (
          parseAnsi(line.text).map((segment, index) => (
            <span
              key={index}
              className={[
                segment.fg && !segment.fg.startsWith('rgb') ? `fg-${segment.fg}` : '',
                segment.bg && !segment.bg.startsWith('rgb') ? `bg-${segment.bg}` : '',
                segment.bold ? 'bold' : '',
                segment.dim ? 'dim' : '',
                segment.italic ? 'italic' : '',
                segment.underline ? 'underline' : '',
              ].join(' ').trim() || undefined}
              style={
                segment.fg?.startsWith('rgb') || segment.bg?.startsWith('rgb')
                  ? { color: segment.fg?.startsWith('rgb') ? segment.fg : undefined, background: segment.bg?.startsWith('rgb') ? segment.bg : undefined }
                  : undefined
              }
            >
              {segment.text}
            </span>
          ))
        )}
      </span>
    </div>
  );
});
