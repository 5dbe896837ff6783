// The system Chromium for a browser test, with JavaScript switched off as many of the users browse, at
// phone size, Danish and in Copenhagen time; its profile removed afterwards. Any error of the walk is
// kept in result.error, so the script still prints what it saw.
//
// await withChromium(result, async (page) => { ... });
// (playwright-core from the test's browser folder, the working directory, as axe-check.mjs finds axe-core)
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { chromium } = createRequire(join(process.cwd(), 'package.json'))('playwright-core');

export async function withChromium(result, walk, viewport = { width: 390, height: 844 }) {
  const executablePath = process.env.RAMPE_CHROMIUM || '/usr/bin/chromium';
  const userDataDir = mkdtempSync(join(tmpdir(), 'rampe-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport,
      javaScriptEnabled: false,
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
    });
    await walk(context.pages()[0] ?? await context.newPage());
  } catch (e) {
    result.error = String(e && e.stack || e);
  } finally {
    if (context) await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
