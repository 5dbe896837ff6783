// Walks the web app in the system Chromium with JavaScript switched off, as a newcomer would:
// a caseworker logs in locally and sends a referral through the form (first with a wrong CPR
// number, to see the field error), a consultant accepts and enrols the participant and finds
// them in "my participants", the project owner opens the overview, and the caseworker reads the
// referral back; the consultant also keeps the participant's plan and prints it, and plans and closes a
// follow-up (first with a field error), each task reached from the participant's overview ("Næste skridt").
// The owner opens the kept monthly reports and one report; the administrator goes through the settings (each part's
// form, a refused save, the history) and the import (a file of other columns, a refused row, the preview, the save).
// Screenshots of the main pages at phone (390 x 844) and desk (1,366 x 900) size; axe-core on every page state
// it passes through (each role, error states too), at both sizes.
// Usage: node web-app.mjs <baseUrl> <screenshotDir>
// Prints one JSON line with what it saw; exits non-zero when a check fails.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeChecker } from '../../../../../testkit/src/main/browser/axe-check.mjs';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node web-app.mjs <baseUrl> <screenshotDir>');
  process.exit(2);
}
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1366, height: 900 };
const axe = axeChecker([PHONE, DESK]);
const executablePath = process.env.RAMPE_CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'rampe-chromium-'));
const result = { widths: {}, violations: axe.violations };
let context;

async function fits(page, name) {
  await axe.check(page, name);
  // readable on a phone: nothing wider than the screen
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  result.widths[name] = w;
  if (w > PHONE.width) throw new Error(`${name} is ${w}px wide on a ${PHONE.width}px screen`);
}

async function shot(page, name, size) {
  await axe.check(page, name);
  await page.setViewportSize(size);
  await page.screenshot({ path: join(shots, `web-app-${name}.png`), fullPage: true });
  await page.setViewportSize(PHONE);
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).click()]);
  await axe.check(page, `after ${selector}`);
}

async function visit(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await axe.check(page, 'opened');
}

async function login(page, user) {
  await visit(page, base + '/app/login');
  await submit(page, `#login-${user}`);
}

try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: PHONE,
    javaScriptEnabled: false,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
  const page = context.pages()[0] ?? await context.newPage();

  // the caseworker
  await visit(page, base + '/app/login');
  await fits(page, 'login');
  await shot(page, 'login-phone', PHONE);
  await submit(page, '#login-local-jobcenter-aarhus');
  await submit(page, '#new-referral');
  await fits(page, 'form');
  await page.fill('[name="jobcentreReference"]', 'AAR-2026-0042');
  await page.fill('[name="citizen.cpr"]', '1234');
  await page.fill('[name="citizen.name"]', 'Mette Sørensen');
  await page.fill('[name="citizen.phone"]', '20 12 34 56');
  await page.selectOption('[name="benefit"]', 'kontanthjaelp');
  await page.fill('[name="caseworker.name"]', 'Lise Sagsbehandler');
  await page.fill('[name="caseworker.email"]', 'lise@aarhus.example');
  await page.fill('[name="jobWishes[0]"]', 'Lager');
  await page.fill('[name="subGoals[0]"]', 'Møde op tre dage om ugen');
  await page.check('[name="relativesConsent"][value="no"]');
  await submit(page, '#send');
  result.cprError = (await page.textContent('[data-field="citizen.cpr"]'))?.trim();
  await fits(page, 'formErrors');
  await shot(page, 'referral-form-errors-phone', PHONE);
  await shot(page, 'referral-form-desk', DESK);
  await page.fill('[name="citizen.cpr"]', '010190-1234');
  await submit(page, '#send');
  result.sentUrl = page.url();
  result.referralId = (await page.textContent('#referral-id'))?.trim();
  result.done = (await page.textContent('#done'))?.trim();
  await submit(page, '#logout');

  // the consultant
  await login(page, 'local-consultant-anna');
  await visit(page, base + '/app/queue');
  await fits(page, 'queue');
  await shot(page, 'visitation-queue-desk', DESK);
  await submit(page, `[data-referral="${result.referralId}"] a.name`);
  await fits(page, 'participant');
  await shot(page, 'participant-phone', PHONE);
  await shot(page, 'participant-desk', DESK);
  // the overview names the next step; each task on its own page, back to the overview when saved
  await submit(page, '#next-step-link');
  await page.check('[name="decision"][value="accepted"]');
  await submit(page, '#visitation button[type=submit]');
  await submit(page, '#next-step-link');
  await submit(page, '#enrolment button[type=submit]');
  result.consultantStatus = await page.getAttribute('h1 + p .tag', 'data-status');
  // the plan after the first meeting, and its print for the participant
  result.nextAfterEnrolment = await page.getAttribute('#next-step-link', 'data-task');
  await submit(page, '#next-step-link');
  await page.selectOption('[name="steps[0].status"]', 'underway');
  await page.fill('[name="steps[1].text"]', 'Besøge lageret på Blomstervej');
  await page.fill('[name="agreements"]', 'Anna ringer til lageret. Mette kommer mandag, onsdag og fredag kl. 9.');
  await page.fill('[name="tovholder"]', 'Anna Højgaard');
  await page.fill('[name="supporters[0].name"]', 'Jens, frivillig mentor');
  await submit(page, '#plan-form button[type=submit]');
  result.planVersion = await page.getAttribute('#plan', 'data-version');
  await submit(page, '#next-step-link');
  // attendance: the plan (four days of four hours), today's registration and a shorter day tomorrow
  await page.check('[name="ap.weekday.monday"]');
  await page.check('[name="ap.weekday.tuesday"]');
  await page.check('[name="ap.weekday.wednesday"]');
  await page.check('[name="ap.weekday.thursday"]');
  await page.fill('[name="ap.hoursPerDay"]', '4');
  await submit(page, '#attendance-plan-form button[type=submit]');
  await submit(page, '#task-attendance');
  await page.check('[name="reg.status"][value="late"]');
  await page.fill('[name="reg.arrival"]', '09:20');
  await submit(page, '#attendance-register button[type=submit]');
  await submit(page, '#task-attendance');
  const tomorrow = await page.inputValue('[name="ag.date"]').then(d => {
    const t = new Date(d + 'T12:00:00Z'); t.setUTCDate(t.getUTCDate() + 1); return t.toISOString().slice(0, 10);
  });
  await page.fill('[name="ag.date"]', tomorrow);
  await page.check('[name="ag.kind"][value="shorter"]');
  await page.fill('[name="ag.hours"]', '2,5');
  await submit(page, '#attendance-agreement button[type=submit]');
  await submit(page, '#task-attendance');
  result.attendanceRegistered = await page.getAttribute('#attendance-weeks tbody tr:first-child', 'data-registered');
  result.attendanceComing = await page.locator('#attendance-coming li').count();
  await fits(page, 'attendance');
  await shot(page, 'participant-attendance-phone', PHONE);
  await shot(page, 'participant-attendance-desk', DESK);
  // a follow-up: planned for today at 11:00, then closed from the app with the follow-up page's fields
  const today = await page.inputValue('[name="ag.date"]');
  await submit(page, '#back');
  await submit(page, '#task-follow-ups');
  await page.fill('[name="fu.date"]', today);
  await page.fill('[name="fu.time"]', '11:00');
  await submit(page, '#follow-up-plan-form button[type=submit]');
  await submit(page, '#task-follow-ups');
  result.followUpsOpen = await page.locator('#follow-ups-open li[data-open="true"]').count();
  const task = await page.getAttribute('#follow-ups-open li[data-open="true"]', 'data-task');
  await page.locator(`#follow-ups-open li[data-task="${task}"] details summary`).click();
  // first without an answer to "did you reach them": the page's error beside the field
  await page.selectOption(`#close-${task} [name="fu.cause"]`, 'transport');
  await page.selectOption(`#close-${task} [name="fu.next"]`, 'fewer_hours');
  await submit(page, `#close-${task} button[type=submit]`);
  result.followUpError = (await page.textContent('[data-field="fu.reached"]'))?.trim();
  await page.check(`#close-${task} [name="fu.reached"][value="yes"]`);
  await page.fill(`#close-${task} [name="fu.note"]`, 'Bussen kom ikke; kommer kl. 10 i morgen.');
  await fits(page, 'followUpForm');
  await shot(page, 'participant-follow-up-phone', PHONE);
  await submit(page, `#close-${task} button[type=submit]`);
  result.followUpDone = (await page.textContent('#done'))?.trim();
  result.historyClosed = await page.locator('#history li[data-what="follow-up-closed"]').count();
  await submit(page, '#task-follow-ups');
  result.followUpsClosed = await page.locator(`#follow-ups-closed li[data-task="${task}"]`).count();
  await page.locator('#follow-ups-closed-details summary').click();
  await fits(page, 'followUps');
  await shot(page, 'participant-follow-ups-desk', DESK);
  // a second follow-up, for tomorrow, stays open; a job started today: its aftercare call is the next reminder
  await page.fill('[name="fu.date"]', tomorrow);
  await submit(page, '#follow-up-plan-form button[type=submit]');
  await submit(page, '#task-milestone');
  await page.selectOption('#milestone-form [name="ms.type"]', 'job_started');
  await page.fill('#milestone-form [name="ms.effectiveOn"]', today);
  await page.fill('#milestone-form [name="ms.employer"]', 'Lageret på Blomstervej');
  await page.selectOption('#milestone-form [name="ms.jobKind"]', 'flexjob');
  await page.fill('#milestone-form [name="ms.hoursPerWeek"]', '12');
  await submit(page, '#milestone-form button[type=submit]');
  await visit(page, base + `/app/referrals/${result.referralId}/plan/print`);
  await page.emulateMedia({ media: 'print' }); // as it comes out of the printer
  await shot(page, 'plan-print-a4', { width: 794, height: 1123 });
  await page.emulateMedia({ media: 'screen' });
  await visit(page, base + '/app/participants');
  await fits(page, 'participants');
  result.inMyParticipants = await page.locator(`#participants [data-referral="${result.referralId}"]`).count();
  result.listedOpenFollowUps = await page.getAttribute(`#participants [data-referral="${result.referralId}"] [data-open-follow-ups]`, 'data-open-follow-ups');
  result.listedNextReminder = await page.getAttribute(`#participants [data-referral="${result.referralId}"] [data-next-reminder]`, 'data-next-reminder');
  await shot(page, 'my-participants-phone', PHONE);
  await shot(page, 'my-participants-desk', DESK);
  await visit(page, base + '/app/overview'); // the owner's page: refused (403) to a consultant, checked all the same
  await submit(page, '#logout');

  // the project owner: the overview, the kept monthly reports and one report opened
  await login(page, 'local-owner-dorthe');
  await fits(page, 'overview');
  await shot(page, 'overview-desk', DESK);
  await submit(page, 'a[href="/app/reports"]');
  await fits(page, 'reports');
  result.reportsListed = await page.locator('[data-report]').count();
  await submit(page, 'a[data-report]');
  result.reportOpened = (await page.title()) || '';
  await visit(page, base + '/app/reports');
  await submit(page, '#logout');

  // the administrator: the settings, each part's form, a refused save (its error summary), a save, the history
  await login(page, 'local-admin');
  await fits(page, 'settings');
  await submit(page, '[data-edit$="/quotas-and-dates"]');
  await page.fill('[name="partner.jc-odder.quota"]', 'mange');
  await page.fill('[name="intakeStops"]', '31.02.2028');
  await submit(page, '#save');
  result.settingsErrors = await page.locator('#errors li').count();
  await fits(page, 'settingsErrors');
  await page.fill('[name="partner.jc-odder.quota"]', '50');
  await page.fill('[name="intakeStops"]', '30.06.2028');
  await submit(page, '#save');
  result.settingsDone = await page.locator('#done').count();
  for (const part of ['consultants', 'targets', 'closing-days', 'absence']) {
    await visit(page, base + `/app/admin/programmes/rampe-oestjylland/${part}`);
  }
  await visit(page, base + '/app/admin/jobcentres');
  await visit(page, base + '/app/admin/new-programme');
  await submit(page, '#save'); // nothing typed: every needed field's error
  await visit(page, base + '/app/admin/history');
  await fits(page, 'settingsHistory');
  result.settingsHistory = await page.locator('#settings-history tbody tr').count();

  // the administrator imports a participant from a Danish spreadsheet (Windows-1252, semicolons): first without a
  // file of other columns and one whose row the import refuses (each error by row and column), then preview and save
  await visit(page, base + '/app/admin/import');
  await fits(page, 'import');
  await page.setInputFiles('#f-file', { name: 'noget.csv', mimeType: 'text/csv', buffer: Buffer.from('Navn;Alder\r\n') });
  await submit(page, '#preview');
  result.importOtherFileErrors = await page.locator('#import-errors tbody tr').count();
  await fits(page, 'importOtherFile');
  await visit(page, base + '/app/admin/import');
  const header = 'Program;Jobcenter;Sagsnummer;CPR;Navn;Telefon;Ydelse;Sagsbehandler;Sagsbehandler e-mail;Konsulent;'
    + 'Modtaget;Visitation;Visiteret;Opstart\r\n';
  await page.setInputFiles('#f-file', { name: 'fejl.csv', mimeType: 'text/csv', buffer: Buffer.from(header
    + 'rampe-oestjylland;jc-aarhus;BROWSER-2;1234;;22 34 56 78;kontanthjaelp;Birthe Aagaard;birthe;;31.02.2026;'
    + 'accepted;18.02.2026;23.02.2026\r\n', 'latin1') });
  await submit(page, '#preview');
  result.importErrors = await page.locator('#import-errors tbody tr').count();
  await fits(page, 'importErrors');
  const csv = header + 'rampe-oestjylland;jc-aarhus;BROWSER-1;0303801003;S\u00f8ren \u00c6r\u00f8;'
    + '22 34 56 78;kontanthjaelp;Birthe Aagaard;birthe.aagaard@jobcenter.example;;16.02.2026;accepted;18.02.2026;'
    + '23.02.2026\r\n';
  await visit(page, base + '/app/admin/import');
  await page.setInputFiles('#f-file', { name: 'deltagere.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
  await submit(page, '#preview');
  result.importReady = await page.textContent('#ready');
  await fits(page, 'importPreview');
  await submit(page, '#commit');
  result.importAdded = await page.textContent('#added');
  await submit(page, '#logout');

  // the caseworker reads it back
  await login(page, 'local-jobcenter-aarhus');
  await submit(page, `[data-referral="${result.referralId}"] a.name`);
  result.caseworkerStatus = await page.getAttribute('#status', 'data-status');
  await shot(page, 'caseworker-referral-phone', PHONE);
  await visit(page, base + '/app/no-such-page'); // the not-found page
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  if (context) await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
result.axe = axe.counts();
console.log(JSON.stringify(result));
const ok = !result.error && result.violations.length === 0 && result.caseworkerStatus === 'enrolled'
  && result.inMyParticipants === 1 && !!result.cprError && result.planVersion === '1' && result.followUpsClosed === 1
  && result.nextAfterEnrolment === 'plan';
process.exit(ok ? 0 : 1);
