import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenFromPaste } from '../transport/page-token';
import { CommandBlock } from '../ui/CommandBlock';

interface TokenScreenProps {
  /** The last token the person gave was refused too. */
  refused: boolean;
  onToken(token: string): void;
}

/**
 * Headless mode without a token in this tab (a new tab on the bare address, a restarted server): the person pastes
 * the printed address or its token, and the page connects without a reload.
 */
export function TokenScreen({ refused, onToken }: TokenScreenProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const inputId = useId();
  const messageId = useId();
  const message = missing ? t('auth.missing') : refused ? t('auth.refused') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = tokenFromPaste(text);
    setMissing(token === undefined);
    if (token !== undefined) onToken(token);
  };

  return (
    <section className="onboarding">
      <h1>{t('auth.title')}</h1>
      <p>{t('auth.body')}</p>
      <CommandBlock command="npm run serve" />
      <form className="field" onSubmit={submit}>
        <label htmlFor={inputId}>{t('auth.label')}</label>
        <div className="logs-toolbar">
          {/* A password field: the token is a secret, kept off the screen and out of form history. */}
          <input
            id={inputId}
            className="path-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? messageId : undefined}
          />
          <button type="submit" className="primary">
            {t('auth.connect')}
          </button>
        </div>
        {message ? (
          <p id={messageId} className="error-text" role="alert">
            {message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
