import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { showEngine } from '../stores/ui-store';
import { EngineSummary } from './EngineState';
import './engines.css';
import { ALL_ENGINES } from '../stores/refs';

interface SwitcherProps {
  engines: readonly EngineInfo[];
  /** The engine in use, or `ALL_ENGINES`. */
  current: string | undefined;
  /** The visible label beside it ("Engine"): the button's name is that label followed by what it shows. */
  labelId: string;
}

const items = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];

/**
 * The engine in use, in the header: a menu button (Enter, Space or ↓ open it; arrows, Home/End move; Enter picks;
 * Escape closes and gives focus back) with every engine's name, kind, state and version, and "All engines".
 */
export function EngineSwitcher({ engines, current, labelId }: SwitcherProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const contentId = useId();
  const engine = engines.find((candidate) => candidate.id === current);

  const openMenu = (at: 'current' | 'first' | 'last') => {
    setOpen(true);
    requestAnimationFrame(() => {
      const list = items(menuRef.current);
      const target = at === 'last' ? list.at(-1) : at === 'first' ? list[0] : (list.find((item) => item.getAttribute('aria-checked') === 'true') ?? list[0]);
      target?.focus();
    });
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };
  const pick = (engineId: string) => {
    showEngine(engineId);
    close(true);
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openMenu('current');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu('last');
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const list = items(menuRef.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <div className="engine-switcher">
      <button
        ref={buttonRef}
        type="button"
        className="ghost switcher-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-labelledby={`${labelId} ${contentId}`}
        onClick={() => (open ? close(false) : openMenu('current'))}
        onKeyDown={onButtonKey}
      >
        <span id={contentId} className="switcher-content">{current === ALL_ENGINES ? <span className="engine-name">{t('engines.all')}</span> : engine ? <EngineSummary engine={engine} /> : null}</span>
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </button>
      {open ? (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={t('engines.switcher.menu')}
          className="switcher-menu"
          onKeyDown={onMenuKey}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== buttonRef.current) close(false);
          }}
        >
          <li role="none">
            <button type="button" role="menuitemradio" aria-checked={current === ALL_ENGINES} tabIndex={-1} onClick={() => pick(ALL_ENGINES)}>
              <span className="engine-name">{t('engines.all')}</span>
              <span className="muted">{t('engines.allCount', { count: engines.length })}</span>
            </button>
          </li>
          {engines.map((candidate) => (
            <li role="none" key={candidate.id}>
              <button
                type="button"
                role="menuitemradio"
                aria-checked={current === candidate.id}
                aria-label={`${candidate.name}, ${t(`engines.kind.${candidate.kind}`)}, ${t(`engines.state.${candidate.state}`)}${candidate.version ? `, ${t('engines.version', { engine: candidate.version.engine })}` : ''}`}
                tabIndex={-1}
                onClick={() => pick(candidate.id)}
              >
                <EngineSummary engine={candidate} />
                <code className="muted engine-address">{candidate.address}</code>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
