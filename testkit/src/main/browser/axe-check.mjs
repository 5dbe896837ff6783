// axe-core on a page state, shared by the browser tests (node scripts run with the test's browser
// folder as the working directory, whose package.json pins axe-core next to playwright-core).
// The pages run with JavaScript switched off, as many of their users browse; the audit injects
// axe into the page through the DevTools protocol, which still works then. With page scripts off
// Chromium has no timers, and axe's setTimeout (it only yields between rules) ends the renderer,
// so the audit gives the page a setTimeout that runs at once before loading axe.
//
// const axe = axeChecker([PHONE, DESK]);
// await axe.check(page, 'after sending the form');   // once per distinct state, at each size
// axe.violations                                     // [{ rule, impact, target, page, size, help }]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function axeChecker(sizes) {
  const seen = new Set();
  const violations = [];
  let states = 0;
  let runs = 0;
  async function check(page, label) {
    const path = new URL(page.url()).pathname;
    // a state is what the page shows: its address and its markup (an opened <details> counts)
    const key = path + '\n' + await page.content();
    if (seen.has(key)) return;
    seen.add(key);
    states++;
    const before = page.viewportSize();
    try {
      for (const size of sizes) {
        await page.setViewportSize(size);
        await page.evaluate(() => {
          window.setTimeout = (fn, _ms, ...args) => { fn(...args); return 0; };
          window.clearTimeout = () => {};
        });
        if (!await page.evaluate(() => typeof window.axe === 'object')) await page.evaluate(AXE_SOURCE);
        const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        runs++;
        for (const v of found.violations) {
          for (const node of v.nodes) {
            violations.push({ rule: v.id, impact: v.impact, target: node.target.join(' '), page: `${path} (${label})`,
              size: `${size.width}x${size.height}`, help: v.help });
          }
        }
      }
    } finally {
      if (before) await page.setViewportSize(before);
    }
  }
  return { check, violations, counts: () => ({ states, runs }) };
}
