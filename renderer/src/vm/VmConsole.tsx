import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVmConsole } from './use-vm';

/**
 * The live serial console. The guest's text is untrusted: it is a text node of a <pre> (never HTML), its escape
 * codes already removed by the engine. The view follows the end unless the person scrolled up to read.
 */
export function VmConsole() {
  const { t } = useTranslation();
  const text = useVmConsole();
  const ref = useRef<HTMLPreElement>(null);
  const following = useRef(true);
  useEffect(() => {
    const element = ref.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [text]);
  return (
    <section aria-labelledby="vm-console-title">
      <h3 id="vm-console-title">{t('vm.console.title')}</h3>
      <pre
        ref={ref}
        className="vm-console"
        tabIndex={0}
        role="log"
        aria-label={t('vm.console.label')}
        onScroll={(event) => {
          const element = event.currentTarget;
          following.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 8;
        }}
      >
        {text || t('vm.console.empty')}
      </pre>
    </section>
  );
}
