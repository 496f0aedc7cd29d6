import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { readNumber } from './field-text';
import type { FormValues } from './form-values';
import { PortInUse } from './run-checks';

interface PortRowProps {
  engineId: string;
  index: number;
  /** The message for a field path, if it has one. */
  message(path: string): string | undefined;
  remove(): void;
  /** When editing: the container's own name, whose published ports are not "taken". */
  ownName?: string;
}

/** One -p mapping: what is typed stays as typed, and each part has its own message. */
export function PortRow({ engineId, index, message, remove, ownName }: PortRowProps) {
  const { t } = useTranslation();
  const { register } = useFormContext<FormValues>();
  const port = useWatch<FormValues, `ports.${number}`>({ name: `ports.${index}` });
  const path = (part: 'hostPort' | 'containerPort' | 'hostIp') => `ports.${index}.${part}` as const;
  const rowIsValid = !message(path('hostPort')) && !message(path('hostIp')) && !message(path('containerPort'));
  const hostPort = readNumber(port.hostPort);
  return (
    <div className="row-fields">
      <Field id={`port-host-${index}`} label={t('run.hostPort')} error={message(path('hostPort'))}>
        <input id={`port-host-${index}`} inputMode="numeric" {...register(path('hostPort'))} />
      </Field>
      <Field id={`port-container-${index}`} label={t('run.containerPort')} error={message(path('containerPort'))}>
        <input id={`port-container-${index}`} inputMode="numeric" {...register(path('containerPort'))} />
      </Field>
      <Field id={`port-ip-${index}`} label={t('run.hostIp')} error={message(path('hostIp'))}>
        <input id={`port-ip-${index}`} placeholder="0.0.0.0" {...register(path('hostIp'))} />
      </Field>
      <Field id={`port-protocol-${index}`} label={t('run.protocol')}>
        <select id={`port-protocol-${index}`} {...register(`ports.${index}.protocol`)}>
          <option value="tcp">tcp</option>
          <option value="udp">udp</option>
          <option value="sctp">sctp</option>
        </select>
      </Field>
      <button type="button" className="ghost small" aria-label={t('run.removePort', { index: index + 1 })} onClick={remove}>
        ×
      </button>
      {rowIsValid && hostPort !== undefined ? (
        <PortInUse engineId={engineId} port={{ hostPort, containerPort: Number(port.containerPort), protocol: port.protocol, ...(port.hostIp ? { hostIp: port.hostIp } : {}) }} ownName={ownName} />
      ) : null}
    </div>
  );
}
