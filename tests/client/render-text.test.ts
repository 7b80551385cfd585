import { describe, expect, it } from 'vitest';
import { checklistHtml, findingsHtml, textHtml } from '../../src/client/exercise/render.ts';

describe('exercise text', () => {
  it('renders `backticks` as code and escapes everything else', () => {
    expect(textHtml('Use `npm ci --omit=dev`')).toBe('Use <code>npm ci --omit=dev</code>');
    expect(textHtml('<img src=x onerror=alert(1)> `<b>`')).toBe('&lt;img src=x onerror=alert(1)&gt; <code>&lt;b&gt;</code>');
    expect(textHtml('a lone ` stays')).toBe('a lone ` stays');
  });

  it('objective titles and messages in the checklist show code', () => {
    const html = checklistHtml([
      { id: 'x', title: 'Run `npm ci`', message: 'found `npm install`', passed: false, essential: true, feedback: 'essential', line: null, hints: [] } as never,
    ]);
    expect(html).toContain('Run <code>npm ci</code>');
    expect(html).toContain('found <code>npm install</code>');
  });

  it('lint findings show the rule message with code, escaped, and link to the rule', () => {
    const html = findingsHtml([
      { rule: 'missing-healthcheck', severity: 'info', message: '`HEALTHCHECK` <missing>', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } } } as never,
    ]);
    expect(html).toContain('<code>HEALTHCHECK</code> &lt;missing&gt;');
    expect(html).toContain('href="/rules/missing-healthcheck/"');
  });
});
