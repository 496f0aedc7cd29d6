import { Fragment, useMemo, type ReactNode } from 'react';
import type { Block, Inline } from './markdown-ast';
import { parseMarkdown } from './parse-markdown';

export interface MarkdownProps {
  source: string;
  /** README headings sit under the page's own: `# Title` becomes this level (at most h6). */
  topLevel: number;
  /** How a remote image shows: a placeholder until the person consents, then the image (fetched by the engine). */
  image(src: string, alt: string): ReactNode;
}

function inlines(nodes: readonly Inline[], image: MarkdownProps['image']): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={index}>{node.text}</Fragment>;
      case 'code':
        return <code key={index}>{node.text}</code>;
      case 'em':
        return <em key={index}>{inlines(node.children, image)}</em>;
      case 'strong':
        return <strong key={index}>{inlines(node.children, image)}</strong>;
      case 'del':
        return <del key={index}>{inlines(node.children, image)}</del>;
      case 'break':
        return <br key={index} />;
      case 'link':
        // Only http(s) reaches here (safe-url.ts); the shell opens a new window's URL in the person's browser.
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer">
            {inlines(node.children, image)}
          </a>
        );
      case 'image':
        return <Fragment key={index}>{image(node.src, node.alt)}</Fragment>;
    }
  });
}

function blocks(nodes: readonly Block[], topLevel: number, image: MarkdownProps['image']): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'heading': {
        const Tag = `h${Math.min(6, topLevel + node.level - 1)}` as 'h2';
        return <Tag key={index}>{inlines(node.children, image)}</Tag>;
      }
      case 'paragraph':
        return <p key={index}>{inlines(node.children, image)}</p>;
      case 'code':
        return (
          <pre key={index} tabIndex={0}>
            <code data-language={node.language || undefined}>{node.text}</code>
          </pre>
        );
      case 'rule':
        return <hr key={index} />;
      case 'quote':
        return <blockquote key={index}>{blocks(node.children, topLevel, image)}</blockquote>;
      case 'list': {
        const items = node.items.map((item, itemIndex) => <li key={itemIndex}>{blocks(item, topLevel, image)}</li>);
        return node.ordered ? (
          <ol key={index} start={node.start === 1 ? undefined : node.start}>
            {items}
          </ol>
        ) : (
          <ul key={index}>{items}</ul>
        );
      }
      case 'table':
        return (
          <div key={index} className="md-table" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {node.head.map((cell, column) => (
                    <th key={column} style={node.align[column] ? { textAlign: node.align[column] } : undefined}>
                      {inlines(cell, image)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {node.rows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, column) => (
                      <td key={column} style={node.align[column] ? { textAlign: node.align[column] } : undefined}>
                        {inlines(cell, image)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
    }
  });
}

/** A README as React elements: never an HTML string, so nothing in it can become markup or script. */
export function Markdown({ source, topLevel, image }: MarkdownProps) {
  const tree = useMemo(() => parseMarkdown(source), [source]);
  return <div className="markdown">{blocks(tree, topLevel, image)}</div>;
}

/** How many remote images a README would show, and from which sites (for the consent). */
export function remoteImagesOf(source: string): { count: number; hosts: string[] } {
  const hosts = new Set<string>();
  let count = 0;
  const visit = (nodes: readonly (Block | Inline)[]) => {
    for (const node of nodes) {
      if (node.type === 'image') {
        count += 1;
        hosts.add(new URL(node.src).host);
      }
      if ('children' in node) visit(node.children);
      if (node.type === 'list') node.items.forEach(visit);
      if (node.type === 'table') [...node.head, ...node.rows.flat()].forEach(visit);
    }
  };
  visit(parseMarkdown(source));
  return { count, hosts: [...hosts] };
}
