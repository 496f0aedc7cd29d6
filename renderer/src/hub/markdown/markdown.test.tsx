import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';
import { parseMarkdown } from './parse-markdown';

const blocked = (src: string, alt: string) => <span className="blocked" data-src={src}>{alt}</span>;
const html = (source: string) => renderToStaticMarkup(<Markdown source={source} topLevel={3} image={blocked} />);

describe('README Markdown: the common subset', () => {
  it('renders headings under the page, paragraphs, emphasis, code and lists', () => {
    const out = html('# Title\n\nSome *em*, **strong**, ~~gone~~ and `code`.\n\n- one\n- two\n  - nested\n\n3. three\n4. four\n');
    expect(out).toBe(
      '<div class="markdown"><h3>Title</h3><p>Some <em>em</em>, <strong>strong</strong>, <del>gone</del> and <code>code</code>.</p>' +
        '<ul><li><p>one</p></li><li><p>two</p><ul><li><p>nested</p></li></ul></li></ul><ol start="3"><li><p>three</p></li><li><p>four</p></li></ol></div>',
    );
  });

  it('keeps fenced code as text, whatever it holds', () => {
    const out = html('```html\n<script>alert(1)</script>\n```');
    expect(out).toBe('<div class="markdown"><pre tabindex="0"><code data-language="html">&lt;script&gt;alert(1)&lt;/script&gt;</code></pre></div>');
  });

  it('renders a simple table with its alignment', () => {
    const out = html('| Tag | Size |\n|:--|--:|\n| `latest` | 4 MB |');
    expect(out).toContain('<th style="text-align:left">Tag</th><th style="text-align:right">Size</th>');
    expect(out).toContain('<td style="text-align:left"><code>latest</code></td><td style="text-align:right">4 MB</td>');
  });

  it('links http(s) to open outside, by inline URL, reference and autolink', () => {
    const out = html('[Docs](https://docs.docker.com/ "t"), [ref][r], <https://example.com/a> and https://example.org/b.\n\n[r]: http://example.net/x');
    expect(out).toContain('<a href="https://docs.docker.com/" target="_blank" rel="noopener noreferrer">Docs</a>');
    expect(out).toContain('<a href="http://example.net/x" target="_blank" rel="noopener noreferrer">ref</a>');
    expect(out).toContain('<a href="https://example.com/a" target="_blank" rel="noopener noreferrer">https://example.com/a</a>');
    expect(out).toContain('<a href="https://example.org/b" target="_blank" rel="noopener noreferrer">https://example.org/b</a>.');
  });

  it('leaves snake_case and lone stars alone', () => {
    expect(html('POSTGRES_PASSWORD and 2 * 3 * 4')).toBe('<div class="markdown"><p>POSTGRES_PASSWORD and 2 * 3 * 4</p></div>');
  });
});

describe('README Markdown: the sanitizer', () => {
  it('never lets a script through, as a tag, a block or inside emphasis', () => {
    for (const source of ['<script>alert(1)</script>', 'a <script>alert(1)</script> b', '<div>\n<script src="https://evil.example/x.js"></script>\n</div>', '**<script>x()</script>**']) {
      const out = html(source);
      expect(out).not.toMatch(/<script/i);
      expect(out).not.toContain('alert(1)</');
    }
  });

  it('drops raw HTML tags and their attributes, keeping the words between them', () => {
    const out = html('<p align="center"><b onclick="steal()">Bold</b> <img src=x onerror="steal()"></p>\n\nText <iframe src="https://evil.example"></iframe> end <!-- hidden -->');
    expect(out).not.toMatch(/onerror|onclick|iframe|<img|<b>|steal/);
    expect(out).toContain('Bold');
    expect(out).toContain('Text  end');
  });

  it('makes no link of javascript:, data:, vbscript:, file: or relative URLs, however spelled', () => {
    const sources = ['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](java\tscript:alert(1))', '[x]( javascript:alert(1))', '[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](vbscript:msgbox)', '[x](file:///etc/passwd)', '[x](/relative)', '[x](#anchor)', '<javascript:alert(1)>', '[x][r]\n\n[r]: javascript:alert(1)'];
    for (const source of sources) {
      const out = html(source);
      expect(out, source).not.toContain('<a');
      expect(out, source).not.toMatch(/javascript|vbscript|data:text/i);
    }
  });

  it('shows no remote image without consent: the page decides, and only https images reach it', () => {
    const tree = parseMarkdown('![logo](https://example.com/logo.png) ![tracker](http://example.com/t.gif) ![inline](data:image/png;base64,AAAA)');
    expect(JSON.stringify(tree)).not.toContain('data:image');
    const out = html('![logo](https://example.com/logo.png) ![tracker](http://example.com/t.gif) ![x](javascript:alert(1))');
    expect(out).toBe('<div class="markdown"><p><span class="blocked" data-src="https://example.com/logo.png">logo</span> tracker x</p></div>');
    expect(out).not.toContain('<img');
  });

  it('survives deep nesting and huge input without a stack overflow', () => {
    expect(() => html('>'.repeat(5000) + ' deep')).not.toThrow();
    expect(() => html('['.repeat(5000) + 'x' + ']'.repeat(5000))).not.toThrow();
    expect(() => html('*'.repeat(20000))).not.toThrow();
  });
});
