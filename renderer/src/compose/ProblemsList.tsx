import { useTranslation } from 'react-i18next';
import type { ComposeProblem } from '../../../engine/contract/compose';

/** The file's problems as the CLI reports them, each with its line (and column) when it can be told. */
export function ProblemsList({ problems }: { problems: readonly ComposeProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <section className="compose-problems" aria-labelledby="compose-problems-title">
      <h3 id="compose-problems-title">{t('compose.problems.title')}</h3>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.line !== undefined ? (
              <span className="compose-problem-at">
                {problem.column !== undefined ? t('compose.problems.atColumn', { line: problem.line, column: problem.column }) : t('compose.problems.at', { line: problem.line })}
                {problem.file ? <span className="muted"> · {problem.file}</span> : null}
              </span>
            ) : null}
            <pre className="compose-problem-text">{problem.message}</pre>
          </li>
        ))}
      </ul>
      <p className="muted">{t('compose.problems.note')}</p>
    </section>
  );
}
