import { useEffectEvent, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ContainerStatus } from '../../../engine/contract';
import { useActionStore, type ActionTarget } from '../stores/action-store';
import { CONTAINER_ACTIONS, isEnabled, type ActionDescriptor } from './actions';

export interface RowMenuRequest {
  /** Where it opens: the pointer, or the focused row's corner when opened from the keyboard. */
  x: number;
  y: number;
  targets: ActionTarget[];
  states: ContainerStatus[];
}

interface RowMenuProps extends RowMenuRequest {
  onAction(descriptor: ActionDescriptor, targets: ActionTarget[]): void;
  onDetails(target: ActionTarget): void;
  onClose(): void;
}

/**
 * The row's context menu (right click, Shift+F10, the Menu key): the same action table as the toolbar and the keys,
 * a WAI-ARIA menu (arrows, Home/End, Enter/Space, Escape returns to the row).
 */
export function RowMenu({ x, y, targets, states, onAction, onDetails, onClose }: RowMenuProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, for the listener the layout effect installs once per position.
  const closeOutside = useEffectEvent(() => onClose());
  const running = useActionStore((state) => state.running);
  const label = t('rowMenu.label', { name: targets.length === 1 ? targets[0]!.name : t('actions.selected', { count: targets.length }) });

  useLayoutEffect(() => {
    const menu = ref.current!;
    // Kept inside the window, whichever corner it opened at.
    const { width, height } = menu.getBoundingClientRect();
    menu.style.left = `${Math.max(4, Math.min(x, window.innerWidth - width - 4))}px`;
    menu.style.top = `${Math.max(4, Math.min(y, window.innerHeight - height - 4))}px`;
    items(menu)[0]?.focus();
    const outside = (event: PointerEvent) => {
      if (!menu.contains(event.target as Node)) closeOutside();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [x, y]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items(ref.current!);
    const index = all.indexOf(document.activeElement as HTMLElement);
    const go = (next: number) => {
      event.preventDefault();
      all[(next + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(all.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  const single = targets.length === 1 ? targets[0] : undefined;
  return createPortal(
    <div ref={ref} role="menu" aria-label={label} className="row-menu" style={{ left: x, top: y }} onKeyDown={onKeyDown}>
      {CONTAINER_ACTIONS.map((descriptor) => {
        const enabled = running === undefined && isEnabled(descriptor, states);
        return (
          <button
            key={descriptor.name}
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={enabled ? undefined : true}
            className={descriptor.danger ? 'danger' : undefined}
            onClick={() => {
              if (!enabled) return;
              onClose();
              onAction(descriptor, targets);
            }}
          >
            <span>{t(descriptor.label)}</span>
            {descriptor.key ? <kbd aria-hidden="true">{descriptor.key.shown}</kbd> : null}
          </button>
        );
      })}
      <div role="separator" />
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        aria-disabled={single ? undefined : true}
        onClick={() => {
          if (!single) return;
          onClose();
          onDetails(single);
        }}
      >
        <span>{t('rowMenu.details')}</span>
        <kbd aria-hidden="true">Enter</kbd>
      </button>
    </div>,
    document.body,
  );
}

const items = (menu: HTMLElement) => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
