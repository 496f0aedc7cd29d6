import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { batchLines, type ContainerSummary } from '../../../engine/contract';
import { composeLogsCommand } from '../../../engine/contract/compose-commands';
import { useClient } from '../client-context';
import { useSettingsStore } from '../stores/settings-store';
import { openProjectLogs } from '../stores/ui-store';
import { CommandBlock } from '../ui/CommandBlock';
import { LogBuffer, type BufferedLine } from './log-buffer';
import { LogLineView } from './LogLineView';
import { normalizeTimestamp, timestampSecond } from './log-time';
import { useFollowScroll } from './use-follow-scroll';

const INITIAL_TAIL = 200;

/** A stable colour per container, so each one's lines are easy to follow. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

type SourcedLine = BufferedLine & { source: string };

/** Which run of a container the list shows: a restart changes its state or its start time. */
function runOf(member: ContainerSummary): string {
  return `${member.state}:${member.since ?? ''}`;
}

/**
 * docker compose logs -f: every container of a project in one view, each line prefixed and coloured by container.
 * The Containers section closes it through the UI store; the Compose section passes its own `onClose`.
 */
export function ProjectLogsView({ project, members, onClose, command }: { project: string; members: ContainerSummary[]; onClose?: () => void; command?: (tail: number) => string }) {
  const { t } = useTranslation();
  const client = useClient();
  // The command is said in the form of the Compose CLI found (`docker compose` or `docker-compose`).
  // The Compose section passes its own; elsewhere the CLI is asked here (same key as the Compose section's, so shared).
  const engineId = members[0]?.engineId ?? '';
  const cli = useQuery({
    queryKey: ['compose', engineId, 'cli'],
    queryFn: ({ signal }) => client.call('compose:cli', { engineId }, { signal }),
    staleTime: 30_000,
    enabled: command === undefined && engineId !== '',
  });
  const capacity = useSettingsStore((state) => state.logBufferLines);
  const bufferRef = useRef(new LogBuffer(capacity));
  const [version, setVersion] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [stickToBottom, setStickToBottom] = useState(true);
  const followScroll = useFollowScroll(scrollRef, stickToBottom, setStickToBottom);
  const memberKey = members.map((member) => member.id).join(',');
  const membersRef = useRef(members);
  membersRef.current = members;

  /** Per member: its run when its follow began, whether that follow ended (the container stopped), its newest line. */
  const follows = useRef(new Map<string, { run: string; ended: boolean; lastTs: string }>());
  /** Opens (or reopens) one member's follow; set by the effect that owns the buffer. */
  const followRef = useRef<((member: ContainerSummary, since?: number) => void) | undefined>(undefined);

  useEffect(() => {
    const buffer = new LogBuffer(capacity);
    bufferRef.current = buffer;
    follows.current = new Map();
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
    const disposers = new Map<string, () => void>();
    const follow = (member: ContainerSummary, since?: number) => {
      const label = member.composeService ?? member.name;
      const state = { run: runOf(member), ended: false, lastTs: follows.current.get(member.id)?.lastTs ?? '' };
      follows.current.set(member.id, state);
      disposers.get(member.id)?.();
      const input = since === undefined ? { tail: INITIAL_TAIL } : { tail: 'all' as const, since };
      const dispose = client.subscribe('containers:logs', { engineId: member.engineId, id: member.id, follow: true, ...input }, {
        onEvent: (batch) => {
          // A continuation starts at the last line's second: lines of that second already shown are left out.
          const lines = batchLines(batch)
            .filter((line) => !state.lastTs || normalizeTimestamp(line.ts) > state.lastTs)
            .map((line) => Object.assign(line, { source: label }) as SourcedLine);
          if (lines.length === 0) return;
          state.lastTs = normalizeTimestamp(lines[lines.length - 1]!.ts);
          if (initial) initial.push(...lines);
          else {
            buffer.append(lines);
            bump();
          }
        },
        onEnd: () => {
          state.ended = true;
          setVersion((value) => value + 1);
        },
      });
      disposers.set(member.id, dispose);
    };
    followRef.current = follow;
    for (const member of membersRef.current) follow(member);
    return () => {
      clearTimeout(settle);
      disposers.forEach((dispose) => dispose());
      followRef.current = undefined;
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
    // memberKey stands for the members' identity.
  }, [client, memberKey, capacity]);

  // A member whose follow ended (it stopped) goes on when it runs again: restarted, or started later.
  useEffect(() => {
    for (const member of members) {
      const state = follows.current.get(member.id);
      if (!state?.ended || member.state !== 'running' || runOf(member) === state.run) continue;
      const second = state.lastTs ? timestampSecond(state.lastTs) : undefined;
      followRef.current?.(member, second ?? member.since ?? 0);
    }
  }, [members, version]);

  const buffer = bufferRef.current;
  const virtualizer = useVirtualizer({ count: buffer.size, getScrollElement: () => scrollRef.current, estimateSize: () => 20, overscan: 30 });
  const { reset: resetFollow, follow } = followScroll;
  useEffect(() => resetFollow(), [buffer, resetFollow]);
  useEffect(() => {
    // Only while the person follows the end: a line arriving must not pull them back down from older ones.
    if (buffer.size > 0) follow(virtualizer.getTotalSize());
  }, [version, buffer, virtualizer, follow]);
  const prefixes = useMemo(() => new Map(members.map((member) => [member.composeService ?? member.name, hueOf(member.name)])), [members]);

  return (
    <aside role="region" aria-label={t('logs.projectRegion', { project })} className="detail wide">
      <header className="detail-head">
        <h2>{t('logs.projectTitle', { project })}</h2>
        <button type="button" className="ghost small" aria-label={t('detail.close')} onClick={onClose ?? (() => openProjectLogs(undefined))}>
          ×
        </button>
      </header>
      <CommandBlock command={command ? command(INITIAL_TAIL) : composeLogsCommand(cli.data?.cli, project, INITIAL_TAIL)} />
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
