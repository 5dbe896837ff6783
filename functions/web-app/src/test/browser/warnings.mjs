// The early warning's pages in the system Chromium with JavaScript switched off: the consultant's
// "my participants" with a warned participant at the top (its reasons and its four weeks as a row of
// days), and the owner's overview counting the warning; axe-core on both, at phone and desk size, and
// nothing wider than a phone. Seeded by WarningsBrowserTest before it runs.
// Usage: node warnings.mjs <baseUrl>
// Prints one JSON line with what it saw; exits non-zero when a check fails.
import { axeChecker } from '../../../../../testkit/src/main/browser/axe-check.mjs';
import { withChromium } from '../../../../../testkit/src/main/browser/chromium.mjs';

const [base] = process.argv.slice(2);
if (!base) {
  console.error('usage: node warnings.mjs <baseUrl>');
  process.exit(2);
}
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 900 };
const axe = axeChecker([PHONE, DESK]);
const result = { widths: {}, violations: axe.violations };

async function visit(page, url, name) {
  await page.goto(url, { waitUntil: 'load' });
  await axe.check(page, name);
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  result.widths[name] = w;
  if (w > PHONE.width) throw new Error(`${name} is ${w}px wide on a ${PHONE.width}px screen`);
}

async function login(page, user) {
  await page.goto(base + '/app/login', { waitUntil: 'load' });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(`#login-${user}`).click()]);
}

await withChromium(result, async (page) => {
  await login(page, 'local-consultant-anna');
  await visit(page, base + '/app/participants', 'my participants with a warning');
  result.warned = await page.locator('#warnings li[data-warning]').count();
  result.days = await page.locator('#warnings ol.days > li').count();
  result.reason = await page.getAttribute('#warnings [data-reason]', 'data-reason');
  // the day's words are there for a screen reader, the letter is not read out
  result.absentDay = (await page.textContent('#warnings ol.days > li.absent .vh'))?.trim();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('#logout').click()]);
  await login(page, 'local-owner-dorthe');
  await visit(page, base + '/app/overview', 'overview with warnings');
  result.ownerWarnings = (await page.textContent('#warnings-month [data-figure="warnings"]'))?.trim();
}, PHONE);
result.axe = axe.counts();
console.log(JSON.stringify(result));
const ok = !result.error && result.violations.length === 0 && result.warned === 1 && result.days === 28;
process.exit(ok ? 0 : 1);
