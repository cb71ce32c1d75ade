import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { escapeHtml, inline, jsonForScript } from '../../../src/ui/site/html.js';
import { isSafeLink, makeMarkdown } from '../../../src/ui/site/markdown.js';
import { contentSecurityPolicy, renderPage } from '../../../src/ui/site/shell.js';
import { SITE_CSS } from '../../../src/ui/site/style.js';

describe('escapeHtml: the one escape for workspace text', () => {
  test.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a & b', 'a &amp; b'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["' autofocus '", '&#39; autofocus &#39;'],
    ['&amp; stays visible', '&amp;amp; stays visible'],
  ])('%s', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });

  test('inline text also loses its terminal controls', () => {
    expect(inline('\u001b[2Jx<b>')).toBe('␛[2Jx&lt;b&gt;');
  });
});

describe('jsonForScript: JSON that cannot leave its <script type="application/json">', () => {
  test.each([['</script><script>alert(1)</script>'], ['<!-- a comment opener'], ['line\u2028separator\u2029'], ['& < > "']])(
    '%s',
    (text) => {
      const json = jsonForScript({ text });
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(json)).toEqual({ text });
    },
  );
});

describe('isSafeLink: http(s), mailto and #fragments only', () => {
  test.each([
    ['https://example.com/a?b#c', true],
    ['HTTP://example.com', true],
    ['mailto:alice@example.com', true],
    ['#top', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['//evil.example/x', false],
    ['../secret.html', false],
    ['entries/x.html', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeLink(url)).toBe(safe);
  });
});

describe('makeMarkdown: teammates’ Markdown is inert', () => {
  const md = makeMarkdown(MarkdownIt);
  test.each([
    ['raw <script>', '<script>alert(1)</script>', ['&lt;script&gt;'], ['<script']],
    ['raw HTML tags', '<img src=x onerror=alert(1)> <iframe src="https://evil/"></iframe>', ['&lt;img'], ['<img', '<iframe']],
    ['a javascript: link', '[click](javascript:alert(1))', ['[click](javascript:alert(1))'], ['href="javascript']],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', [], ['href="data:']],
    [
      'an image is a link, never loaded',
      '![x](http://evil/)',
      ['<a class="image-link" href="http://evil/"', '[image: x]'],
      ['<img', 'src='],
    ],
    ['an image with a javascript: source', '![x](javascript:alert(1))', [], ['<img', 'href="javascript']],
    [
      'safe links stay, marked nofollow',
      '[ok](https://example.com) [top](#top) <mailto:a@example.com>',
      ['href="https://example.com" rel="nofollow noopener noreferrer"', 'href="#top"', 'href="mailto:a@example.com"'],
      [],
    ],
    ['a closing script tag in text', '</script><script>alert(2)</script>', ['&lt;/script&gt;'], ['</script>']],
    ['terminal controls', 'red \u001b[31m text', ['␛[31m'], ['\u001b']],
  ])('%s', (_name, source, present, absent) => {
    const html = md.block(source);
    for (const text of present) expect(html).toContain(text);
    for (const text of absent) expect(html).not.toContain(text);
  });

  test('headings sit below the entry’s own', () => {
    expect(md.block('# Title\n\n### Sub')).toBe('<h4>Title</h4>\n<h6>Sub</h6>\n');
  });

  test('inline Markdown for one line', () => {
    expect(md.inline('**bold** <b>x</b>')).toBe('<strong>bold</strong> &lt;b&gt;x&lt;/b&gt;');
  });
});

describe('renderPage: a strict policy that allows exactly the inline blocks', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  test('script and style by hash, nothing else loads', () => {
    const script = 'console.log("x")';
    const html = renderPage({
      title: 't<',
      team: 'T&',
      depth: 0,
      body: '<p>b</p>',
      footer: 'f',
      script,
      data: [{ id: 'd', json: jsonForScript({ a: '</script>' }) }],
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(csp).toBe(contentSecurityPolicy(SITE_CSS, script));
    expect(csp).toContain(`script-src ${sha(script)}`);
    expect(csp).toContain(`style-src ${sha(SITE_CSS)}`);
    for (const rule of ["default-src 'none'", "img-src 'none'", "base-uri 'none'", "form-action 'none'"]) expect(csp).toContain(rule);
    expect(html).toContain(`<script>${script}</script>`);
    expect(html).toContain(`<style>${SITE_CSS}</style>`);
    expect(html).toContain('<title>t&lt;</title>');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  test('a page without a script allows none', () => {
    expect(contentSecurityPolicy(SITE_CSS, undefined)).toContain("script-src 'none'");
  });

  test('a script that could close its own tag is refused', () => {
    expect(() => renderPage({ title: 't', team: 'T', depth: 0, body: '', footer: '', script: 'x="</script>"' })).toThrow(/<\/script/);
  });
});
