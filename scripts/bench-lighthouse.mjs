// Lighthouse on the built site: mobile emulation (Lighthouse's default), the machine's Chromium,
// the median of three runs per page. Prints performance, accessibility, best practices, SEO,
// total transfer bytes and JavaScript bytes per page, beside the targets of the site issue and
// the TutorialKit starter's figures measured the same way (../shared/README.md).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, chromiumPath, startPreview } from './lib/preview.mjs';

const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 95 };

/** The first built page under `dir` of dist (e.g. the first lesson), or null. */
function firstPage(dist, dir) {
  const path = join(dist, dir);
  if (!existsSync(path)) return null;
  const child = readdirSync(path, { withFileTypes: true }).find((d) => d.isDirectory() && existsSync(join(path, d.name, 'index.html')));
  return child ? `/${dir}/${child.name}/` : null;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchLighthouse(root, { runs = 3, only = null } = {}) {
  const dist = join(root, 'dist');
  console.log('\nLighthouse (mobile emulation, median of %d runs)', runs);
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('  skipped: no production build in dist/ (run `npm run build` first)');
    return;
  }
  const pages = [
    ['home', '/'],
    ['lesson', firstPage(dist, 'lessons')],
    ['exercise', firstPage(dist, 'exercises')],
    ['playground', existsSync(join(dist, 'playground/index.html')) ? '/playground/' : null],
    ['embed', firstPage(dist, 'embed')],
  ];
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const preview = await startPreview(root);
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless', ...CHROMIUM_FLAGS] });
  try {
    const rows = [['page', 'path', 'perf', 'a11y', 'best pr.', 'SEO', 'total KB', 'JS KB']];
    const failing = [];
    for (const [name, path] of pages) {
      if (only && !only.includes(name)) continue;
      if (!path) {
        rows.push([name, '(not built yet)', '', '', '', '', '', '']);
        continue;
      }
      const results = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${preview.origin}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const lhr = result.lhr;
        // What costs points outside performance (those audits are deterministic): named below the table.
        for (const category of ['accessibility', 'best-practices', 'seo']) {
          for (const ref of lhr.categories[category].auditRefs) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${name}: ${category} / ${ref.id}: ${audit.title}`);
          }
        }
        const summary = lhr.audits['resource-summary']?.details?.items ?? [];
        const bytes = (type) => summary.find((item) => item.resourceType === type)?.transferSize ?? 0;
        results.push({
          performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
          'best-practices': Math.round((lhr.categories['best-practices'].score ?? 0) * 100),
          seo: Math.round((lhr.categories.seo.score ?? 0) * 100),
          total: bytes('total'),
          script: bytes('script'),
        });
      }
      const m = (key) => median(results.map((r) => r[key]));
      rows.push([name, path, m('performance'), m('accessibility'), m('best-practices'), m('seo'), (m('total') / 1024).toFixed(0), (m('script') / 1024).toFixed(0)]);
    }
    rows.push(['TutorialKit', 'starter lesson', 78, 74, 96, '', 477, 419]);
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
    for (const row of rows) console.log('  ' + row.map((cell, c) => String(cell).padEnd(widths[c])).join('  '));
    console.log(`  targets: performance >= ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ${TARGETS['best-practices']}, SEO >= ${TARGETS.seo}`);
    for (const line of new Set(failing)) console.log(`  failing audit: ${line}`);
  } finally {
    await chrome.kill();
    preview.stop();
  }
}
