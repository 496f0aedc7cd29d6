import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagSuggestion } from './pull-tags';

interface Props {
  value: string;
  onChange: (value: string) => void;
  base: string;
  tags: TagSuggestion[];
  failed: boolean;
  /** The registry has more tags than those read: the list's last option reads the next page. */
  more?: { available: boolean; loading: boolean; load(): void };
  /** The typed reference was refused: the field says so and points at the message with this id. */
  invalid?: boolean;
  problemId?: string;
}

/**
 * The image field as a combobox: the typed repository's tags are offered below it (arrows move, Enter picks, Escape
 * closes), and "More tags" at the end reads the next page; whatever the list holds, the field stays free text.
 */
export function TagCombobox({ value, onChange, base, tags, failed, more, invalid = false, problemId }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const hintId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const offered = tags.filter((tag) => `${base}:${tag.tag}` !== value.trim());
  const moreShown = Boolean(more?.available) && base !== '';
  // The options the keyboard walks: the tags, then "More tags" when there are more.
  const count = offered.length + (moreShown ? 1 : 0);
  const shown = open && count > 0;

  const pick = (tag: string) => {
    onChange(`${base}:${tag}`);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="pull-combobox">
      <input
        type="text"
        role="combobox"
        className="search pull-input"
        aria-label={t('images.pull.label')}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={[failed ? hintId : '', invalid && problemId ? problemId : ''].filter(Boolean).join(' ') || undefined}
        placeholder={t('images.pull.placeholder')}
        value={value}
        spellCheck={false}
        autoCapitalize="off"
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((index) => (count === 0 ? -1 : (index + step + count) % count));
          } else if (event.key === 'Enter' && shown && active >= 0 && offered[active]) {
            event.preventDefault();
            pick(offered[active].tag);
          } else if (event.key === 'Enter' && shown && moreShown && active === offered.length) {
            event.preventDefault();
            if (!more?.loading) more?.load();
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" className="pull-tags" aria-label={t('images.pull.tags', { repository: base })} hidden={!shown}>
        {offered.map((tag, index) => (
          <li
            key={tag.tag}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the field keeps focus and the list is not closed by the blur first.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(tag.tag);
            }}
          >
            {tag.tag}
          </li>
        ))}
        {moreShown ? (
          <li
            id={`${listId}-${offered.length}`}
            role="option"
            aria-selected={active === offered.length}
            aria-disabled={more?.loading}
            className="pull-more"
            onMouseDown={(event) => {
              event.preventDefault();
              if (!more?.loading) more?.load();
            }}
          >
            {more?.loading ? t('images.pull.loadingMore') : t('images.pull.moreTags')}
          </li>
        ) : null}
      </ul>
      {failed ? (
        <span id={hintId} className="muted pull-hint">
          {t('images.pull.tagsUnavailable')}
        </span>
      ) : null}
    </div>
  );
}
