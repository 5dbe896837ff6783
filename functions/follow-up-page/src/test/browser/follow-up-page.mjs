// Opens a follow-up link from the outbox in the system Chromium on a phone-sized screen with
// JavaScript switched off, checks the page is readable without zooming and that both choices and
// the save button show without scrolling (within 700 px: the screen less the browser's bars), saves a screenshot,
// records an outcome in one form post and checks the page then says the task is closed; axe-core on
// the form and on the closed page, at phone and desk size.
// Usage: node follow-up-page.mjs <link> <screenshot.png> [<after-screenshot.png>]
// Prints one JSON line with what it saw; exits non-zero when a check fails.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeChecker } from '../../../../../testkit/src/main/browser/axe-check.mjs';

const [link, screenshot, after] = process.argv.slice(2);
if (!link || !screenshot) {
  console.error('usage: node follow-up-page.mjs <link> <screenshot.png> [<after.png>]');
  process.exit(2);
}
const executablePath = process.env.RAMPE_CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'rampe-chromium-'));
const axe = axeChecker([{ width: 390, height: 844 }, { width: 1366, height: 900 }]);
const result = { link, violations: axe.violations };
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
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
  result.heading = (await page.textContent('h1'))?.trim();
  result.caseReference = (await page.textContent('#case'))?.trim();
  // readable without zooming: nothing wider than the screen, body text at least 16 px
  result.scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  result.viewportWidth = 390;
  result.bodyFontPx = parseFloat(await page.$eval('body', (b) => getComputedStyle(b).fontSize));
  const button = await page.locator('button[type=submit]').boundingBox();
  result.buttonHeightPx = button.height;
  // above the fold: with the browser's bars a 390 x 844 phone shows about 700 px of the page,
  // so both choices and the save button must end within that, without scrolling
  result.foldPx = 700;
  result.buttonBottomPx = Math.ceil(button.y + button.height);
  result.choicesBottomPx = Math.ceil(Math.max(...(await page.locator('.choices label').evaluateAll(
    (ls) => ls.map((l) => l.getBoundingClientRect().bottom)))));
  await page.screenshot({ path: screenshot, fullPage: true });
  await axe.check(page, 'the form');

  await page.locator('input[name=reached][value=yes]').check();
  await page.selectOption('#cause', 'transport');
  await page.selectOption('#next', 'fewer_hours');
  await page.fill('#note', 'Bussen kom ikke. Møder i morgen kl. 9.');
  const [posted] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('button[type=submit]').tap(),
  ]);
  result.postStatus = posted.status();
  result.status = await page.getAttribute('#status', 'data-status');
  result.statusText = (await page.textContent('#status'))?.trim();
  result.formAfter = await page.locator('form').count();
  await axe.check(page, 'closed');
  if (after) await page.screenshot({ path: after, fullPage: true });
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  if (context) await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
result.axe = axe.counts();
console.log(JSON.stringify(result));
const ok = !result.error && result.violations.length === 0 && result.getStatus === 200 && result.postStatus === 200 && result.status === 'closed'
  && result.scrollWidth <= result.viewportWidth && result.bodyFontPx >= 16 && result.formAfter === 0
  && result.buttonHeightPx >= 44 && result.buttonBottomPx <= result.foldPx && result.choicesBottomPx <= result.foldPx;
process.exit(ok ? 0 : 1);
