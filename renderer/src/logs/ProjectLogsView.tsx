import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { batchLines, shellJoin, type ContainerSummary } from '../../../engine/contract';
import { useClient } from '../client-context';
import { useSettingsStore } from '../stores/settings-store';
import { openProjectLogs } from '../stores/ui-store';
import { CommandBlock } from '../ui/CommandBlock';
import { LogBuffer, type BufferedLine } from './log-buffer';
import { LogLineView } from './LogLineView';
import { useFollowScroll } from './use-follow-scroll';

const INITIAL_TAIL = 200;

/** A stable colour per container, so each one's lines are easy to follow. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

type SourcedLine = BufferedLine & { source: string };

/** docker compose logs -f: every container of a project in one view, each line prefixed and coloured by container. */
export function ProjectLogsView({ project, members }: { project: string; members: ContainerSummary[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const capacity = useSettingsStore((state) => state.logBufferLines);
  const bufferRef = useRef(new LogBuffer(capacity));
  const [version, setVersion] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [stickToBottom, setStickToBottom] = useState(true);
  const followScroll = useFollowScroll(scrollRef, stickToBottom, setStickToBottom);
  const memberKey = members.map((member) => member.id).join(',');

  useEffect(() => {
    const buffer = new LogBuffer(capacity);
    bufferRef.current = buffer;
    let frame: number | undefined;
    const bump = () => {
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        setVersion((value) => value + 1);
      });
    };
    // Each container's tail arrives on its own; lines of the first moments are gathered and put in time order,
    // then lines are shown as they come.
    let initial: SourcedLine[] | undefined = [];
    const settle = setTimeout(() => {
      buffer.append((initial ?? []).sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0)));
      initial = undefined;
      bump();
    }, 400);
    const disposers = members.map((member) => {
      const label = member.composeService ?? member.name;
      return client.subscribe('containers:logs', { engineId: member.engineId, id: member.id, tail: INITIAL_TAIL, follow: true }, {
        onEvent: (batch) => {
          const lines = batchLines(batch).map((line) => Object.assign(line, { source: label }) as SourcedLine);
          if (initial) initial.push(...lines);
          else {
            buffer.append(lines);
            bump();
          }
        },
      });
    });
    return () => {
      clearTimeout(settle);
      disposers.forEach((dispose) => dispose());
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
    // memberKey stands for the members' identity.
  }, [client, memberKey, capacity]);

  const buffer = bufferRef.current;
  const virtualizer = useVirtualizer({ count: buffer.size, getScrollElement: () => scrollRef.current, estimateSize: () => 20, overscan: 30 });
  useEffect(followScroll.reset, [buffer, followScroll.reset]);
  useEffect(() => {
    // Only while the person follows the end: a line arriving must not pull them back down from older ones.
    if (buffer.size > 0) followScroll.follow(virtualizer.getTotalSize());
  }, [version, buffer, virtualizer, followScroll.follow]);
  const prefixes = useMemo(() => new Map(members.map((member) => [member.composeService ?? member.name, hueOf(member.name)])), [members]);

  return (
    <aside role="region" aria-label={t('logs.projectRegion', { project })} className="detail wide">
      <header className="detail-head">
        <h2>{t('logs.projectTitle', { project })}</h2>
        <button type="button" className="ghost small" aria-label={t('detail.close')} onClick={() => openProjectLogs(undefined)}>
          ×
        </button>
      </header>
      <CommandBlock command={shellJoin(['docker', 'compose', '-p', project, 'logs', '-f', '--tail', String(INITIAL_TAIL)])} />
      <div ref={scrollRef} className="log-scroll" role="log"
        aria-label={t('logs.projectTitle', { project })}
        tabIndex={0}
        onKeyDown={followScroll.onKeyDown}
        {...followScroll.handlers}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = buffer.at(item.index) as SourcedLine | undefined;
            if (!line) return null;
            return (
              <div key={line.seq} className="log-row" style={{ transform: `translateY(${item.start}px)` }}>
                <LogLineView line={line} timestamps={false} ranges={undefined} prefix={{ label: line.source, hue: prefixes.get(line.source) ?? 200 }} />
              </div>
            );
          })}
        </div>
      </div>
    </aside>
  );
}
