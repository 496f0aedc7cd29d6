import { useTranslation } from 'react-i18next';
import type { PortMapping } from '../../../engine/contract';
import { Field } from './Field';
import { readNumber, shownText, type FieldTexts } from './field-text';
import { PortInUse } from './run-checks';

interface PortRowProps {
  engineId: string;
  index: number;
  port: PortMapping;
  texts: FieldTexts;
  /** The message for a field path, if it has one. */
  error(path: string): string | undefined;
  /** A change to this row, with the text that was typed when it came from a number field. */
  change(patch: Partial<PortMapping>, typed?: { path: string; text: string }): void;
  remove(): void;
  /** When editing: the container's own name, whose published ports are not "taken". */
  ownName?: string;
}

/** One -p mapping: what is typed stays as typed, and each part has its own message. */
export function PortRow({ engineId, index, port, texts, error, change, remove, ownName }: PortRowProps) {
  const { t } = useTranslation();
  const path = (part: string) => `ports.${index}.${part}`;
  const rowIsValid = !error(path('hostPort')) && !error(path('hostIp')) && !error(path('containerPort'));
  return (
    <div className="row-fields">
      <Field id={`port-host-${index}`} label={t('run.hostPort')} error={error(path('hostPort'))}>
        <input
          id={`port-host-${index}`}
          inputMode="numeric"
          value={shownText(texts, path('hostPort'), port.hostPort)}
          onChange={(event) => change({ hostPort: readNumber(event.target.value) }, { path: path('hostPort'), text: event.target.value })}
        />
      </Field>
      <Field id={`port-container-${index}`} label={t('run.containerPort')} error={error(path('containerPort'))}>
        <input
          id={`port-container-${index}`}
          inputMode="numeric"
          value={shownText(texts, path('containerPort'), port.containerPort)}
          onChange={(event) => change({ containerPort: readNumber(event.target.value) ?? NaN }, { path: path('containerPort'), text: event.target.value })}
        />
      </Field>
      <Field id={`port-ip-${index}`} label={t('run.hostIp')} error={error(path('hostIp'))}>
        <input id={`port-ip-${index}`} value={port.hostIp ?? ''} placeholder="0.0.0.0" onChange={(event) => change({ hostIp: event.target.value || undefined })} />
      </Field>
      <Field id={`port-protocol-${index}`} label={t('run.protocol')}>
        <select id={`port-protocol-${index}`} value={port.protocol ?? 'tcp'} onChange={(event) => change({ protocol: event.target.value as PortMapping['protocol'] })}>
          <option value="tcp">tcp</option>
          <option value="udp">udp</option>
          <option value="sctp">sctp</option>
        </select>
      </Field>
      <button type="button" className="ghost small" aria-label={t('run.removePort', { index: index + 1 })} onClick={remove}>
        ×
      </button>
      {rowIsValid ? <PortInUse engineId={engineId} port={{ ...port, protocol: port.protocol ?? 'tcp' }} ownName={ownName} /> : null}
    </div>
  );
}
