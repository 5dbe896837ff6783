// axe-core on HTML files as they are opened from disk (the monthly report as emailed and kept), each at
// phone and desk size, with JavaScript off as the other walks. Prints one line of JSON: { violations, axe }.
//
// node axe-file.mjs FILE...   (the working directory: a browser test folder with playwright-core and axe-core)
import { pathToFileURL } from 'node:url';
import { axeChecker } from './axe-check.mjs';
import { withChromium } from './chromium.mjs';

const result = {};
const axe = axeChecker([{ width: 390, height: 844 }, { width: 1366, height: 900 }]);
await withChromium(result, async (page) => {
  for (const file of process.argv.slice(2)) {
    await page.goto(pathToFileURL(file).href);
    await axe.check(page, file.replace(/^.*\//, ''));
  }
});
result.violations = axe.violations;
result.axe = axe.counts();
console.log(JSON.stringify(result));
