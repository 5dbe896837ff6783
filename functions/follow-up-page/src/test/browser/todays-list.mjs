// Opens today's list from the 07:30 SMS in the system Chromium on a phone-sized screen with
// JavaScript switched off: checks it reads without zooming (nothing wider than the screen, 16 px
// text, buttons a thumb can hit), taps "present" for one participant and "sick" for another (each a
// plain form post answered with a redirect), saves a screenshot with the undo banner, taps the undo
// and checks what the page then says; then opens the same list at a desk (1280 px). axe-core on each
// of these states, at phone and desk size.
// Usage: node todays-list.mjs <link> <presentId> <sickId> <screenshot.png> <desk.png>
// Prints one JSON line with what it saw; exits non-zero when a check fails.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeChecker } from '../../../../../testkit/src/main/browser/axe-check.mjs';

const [link, presentId, sickId, screenshot, desk] = process.argv.slice(2);
if (!link || !presentId || !sickId || !screenshot || !desk) {
  console.error('usage: node todays-list.mjs <link> <presentId> <sickId> <screenshot.png> <desk.png>');
  process.exit(2);
}
const executablePath = process.env.RAMPE_CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'rampe-chromium-'));
const axe = axeChecker([{ width: 390, height: 844 }, { width: 1366, height: 900 }]);
const result = { link, violations: axe.violations };
let context;
const tapAndWait = async (page, selector) => {
  const [nav] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).tap()]);
  await axe.check(page, `after ${selector}`);
  return nav;
};
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--lang=da-DK',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
  const page = context.pages()[0] ?? await context.newPage();
  const response = await page.goto(link, { waitUntil: 'load' });
  result.getStatus = response.status();
  await axe.check(page, 'opened');
  result.heading = (await page.textContent('h1'))?.trim();
  result.names = (await page.locator('.name').allTextContents()).map((s) => s.trim());
  result.scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  result.viewportWidth = 390;
  result.bodyFontPx = parseFloat(await page.$eval('body', (b) => getComputedStyle(b).fontSize));
  const heights = await page.locator('button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height));
  result.smallestButtonPx = Math.min(...heights);
  // the first participant's taps are above the fold (about 700 px under the browser's bars)
  const first = await page.locator('#participants li').first().boundingBox();
  result.firstCardBottomPx = Math.ceil(first.y + first.height);

  const present = await tapAndWait(page, `#p-${presentId} button[value=present]`);
  result.presentStatus = present.status();
  result.afterPresentUrl = page.url();
  result.presentState = await page.getAttribute(`#p-${presentId}`, 'data-status');
  const sick = await tapAndWait(page, `#p-${sickId} button[value=sick]`);
  result.sickStatus = sick.status();
  result.banner = (await page.textContent('#banner'))?.trim();
  result.sickState = await page.getAttribute(`#p-${sickId}`, 'data-status');
  result.scrollWidthWithBanner = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: screenshot, fullPage: true });

  const undo = await tapAndWait(page, '#undo');
  result.undoStatus = undo.status();
  result.undoneBanner = (await page.textContent('#banner'))?.trim();
  result.sickStateAfterUndo = await page.getAttribute(`#p-${sickId}`, 'data-status');
  result.presentStateAfterUndo = await page.getAttribute(`#p-${presentId}`, 'data-status');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(link, { waitUntil: 'load' });
  result.deskScrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  result.deskMainWidth = await page.$eval('main', (m) => m.getBoundingClientRect().width);
  await page.screenshot({ path: desk, fullPage: true });
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  if (context) await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
result.axe = axe.counts();
console.log(JSON.stringify(result));
const ok = !result.error && result.violations.length === 0 && result.getStatus === 200 && result.scrollWidth <= result.viewportWidth
  && result.scrollWidthWithBanner <= result.viewportWidth && result.bodyFontPx >= 16 && result.smallestButtonPx >= 44
  && result.firstCardBottomPx <= 700 && result.presentStatus === 200 && result.sickStatus === 200
  && result.presentState === 'present' && result.sickState === 'excused' && result.undoStatus === 200
  && result.sickStateAfterUndo === 'none' && result.presentStateAfterUndo === 'present'
  && result.deskScrollWidth <= 1280 && result.deskMainWidth <= 700;
process.exit(ok ? 0 : 1);
