import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECT_NAME } from '../../../engine/contract';
import { volumeCreateCommand } from '../../../engine/contract/volume-commands';
import { errorText } from '../format/error-text';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { parseKeyValues } from './key-values';
import { useCreateVolume } from './volume-queries';

const DRIVER = /^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/;

/** `docker volume create` with driver, driver options and labels; the command follows every keystroke. */
export function CreateVolumeDialog({ engineId, onClose }: { engineId: string; onClose(created?: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [optionsText, setOptionsText] = useState('');
  const [labelsText, setLabelsText] = useState('');
  const create = useCreateVolume(engineId);
  const nameField = useRef<HTMLInputElement>(null);
  // A name taken already is about the Name field: said under it, where the keyboard goes back to fix it.
  const nameTaken = (create.error as { code?: string } | null)?.code === 'conflict';
  const options = parseKeyValues(optionsText);
  const labels = parseKeyValues(labelsText);
  const nameProblem = name !== '' && !OBJECT_NAME.test(name) ? t('volumes.create.badName') : undefined;
  const driverProblem = !DRIVER.test(driver) ? t('volumes.create.badDriver') : undefined;
  const optionsProblem = options.badLine ? t('volumes.create.badLine', { line: options.badLine }) : undefined;
  const labelsProblem = labels.badLine ? t('volumes.create.badLine', { line: labels.badLine }) : undefined;
  const valid = !nameProblem && !driverProblem && !optionsProblem && !labelsProblem;
  const spec = { ...(name ? { name } : {}), driver, driverOpts: options.values, labels: labels.values };

  const submit = () => {
    if (!valid) return;
    create.mutate(spec, {
      onSuccess: (made) => onClose(made.name),
      onError: (error) => {
        if ((error as { code?: string }).code === 'conflict') nameField.current?.focus();
      },
    });
  };

  const footer = (
    <>
      <button type="button" onClick={() => onClose()}>
        {t('volumes.cancel')}
      </button>
      <button type="submit" form="volume-create" className="primary" disabled={!valid || create.isPending}>
        {t('volumes.create.submit')}
      </button>
    </>
  );

  return (
    <Dialog title={t('volumes.create.title')} onClose={() => onClose()} footer={footer} wide>
      <form
        id="volume-create"
        className="volume-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label>
          {t('volumes.create.name')}
          <input
            ref={nameField}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (create.error) create.reset();
            }}
            placeholder={t('volumes.create.namePlaceholder')}
            aria-invalid={nameProblem || nameTaken ? true : undefined}
            aria-describedby={nameTaken ? 'volume-create-name-error' : undefined}
            spellCheck={false}
          />
        </label>
        {nameProblem ? <p className="error-text">{nameProblem}</p> : null}
        {nameTaken && create.error ? (
          <p className="error-text" id="volume-create-name-error">
            {errorText(t, create.error)}
          </p>
        ) : null}
        <label>
          {t('volumes.create.driver')}
          <input value={driver} onChange={(event) => setDriver(event.target.value)} aria-invalid={driverProblem ? true : undefined} spellCheck={false} />
        </label>
        {driverProblem ? <p className="error-text">{driverProblem}</p> : null}
        <label>
          {t('volumes.create.options')}
          <textarea rows={3} value={optionsText} onChange={(event) => setOptionsText(event.target.value)} placeholder="type=tmpfs&#10;device=tmpfs&#10;o=size=100m" aria-invalid={optionsProblem ? true : undefined} spellCheck={false} />
        </label>
        {optionsProblem ? <p className="error-text">{optionsProblem}</p> : null}
        <label>
          {t('volumes.create.labels')}
          <textarea rows={3} value={labelsText} onChange={(event) => setLabelsText(event.target.value)} placeholder="com.example.team=web" aria-invalid={labelsProblem ? true : undefined} spellCheck={false} />
        </label>
        {labelsProblem ? <p className="error-text">{labelsProblem}</p> : null}
        <p className="muted">{t('volumes.create.keyValueHint')}</p>
      </form>
      <CommandBlock command={volumeCreateCommand(spec)} label={t('volumes.sameAs')} />
      {create.error && !nameTaken ? <p className="error-text">{errorText(t, create.error)}</p> : null}
    </Dialog>
  );
}
