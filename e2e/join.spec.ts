import { validEnquiry } from '@/test/enquiry-data';
import { expect, expectNoAxeViolations, fillValidEnquiry, showAtSite, signIn, test } from './site';

test.describe('the join form with JavaScript', () => {
  test('shows errors beside their fields, focuses the first, and keeps what was typed', async ({ page }) => {
    await page.goto('/join');
    await page.getByLabel('Co-op name').fill('Half Done Co-op');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    // The summary at the top, as a failed post without JavaScript shows it, takes focus.
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Your enquiry was not sent');
    await expect(summary.getByRole('link', { name: 'Enter an email address like name@example.coop' })).toHaveAttribute(
      'href',
      '#email',
    );
    await summary.getByRole('link', { name: 'Enter the name of the person we should contact' }).click();
    await expect(page.getByLabel('Contact name')).toBeFocused();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address like name@example.coop');
    await expect(page.getByLabel('Co-op name')).toHaveValue('Half Done Co-op');
    await expectNoAxeViolations(page);
  });

  test('sent empty, moves focus to an error summary linking to each field', async ({ page }) => {
    await page.goto('/join');
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    const required = ['coopName', 'contactName', 'email', 'location', 'legalForm', 'description'];
    const confirmations = ['agreesWithPrinciples', 'workerOwned', 'providesDigitalServices', 'ukBased', 'consent'];
    await expect(summary.getByRole('link')).toHaveCount(required.length + confirmations.length);
    for (const name of [...required, ...confirmations]) {
      await expect(summary.locator(`a[href="#${name}"]`)).toHaveCount(1);
      await expect(page.locator(`#${name}`)).toHaveAttribute('aria-invalid', 'true');
    }
    // Said once, in the summary, not again by the status line.
    await expect(page.locator('[role="status"]')).toHaveText('');
    await expectNoAxeViolations(page);
  });

  test('shows a pending button while the enquiry is on its way', async ({ page }) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/join', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/join');
    await fillValidEnquiry(page, 'Patient Co-op');
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    const button = page.getByRole('button', { name: 'Sending…' });
    await expect(button).toBeDisabled();
    await expect(page.getByRole('status')).toHaveText('Sending your enquiry…');
    release();
    await expect(page.getByRole('heading', { name: 'Thank you for your enquiry' })).toBeVisible();
  });

  test('sends in place without a reload and shows the thanks message', async ({ page }) => {
    await page.goto('/join');
    await page.evaluate(() => ((window as Window & { marker?: boolean }).marker = true));
    await fillValidEnquiry(page, 'JavaScript Co-op');
    const posted = page.waitForResponse((response) => response.url().endsWith('/api/join'));
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    await expect(page.getByRole('heading', { name: 'Thank you for your enquiry' })).toBeFocused();
    await expect(page.getByRole('status')).toHaveText('Your enquiry has been sent.');
    const { reference } = (await answer.json()) as { reference: string };
    expect(reference).toMatch(/^J-[2-9A-HJKMNP-TV-Z]{4}$/);
    await expect(page.locator('[data-reference]')).toHaveText(
      `Your reference is ${reference}: quote it if you write to us.`,
    );
    expect(page.url()).toMatch(/\/join$/);
    expect(await page.evaluate(() => (window as Window & { marker?: boolean }).marker)).toBe(true);
  });
});

test.describe('the join form without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('posts the form and lands on the thanks page, which gives the reference', async ({ page }) => {
    await page.goto('/join');
    await fillValidEnquiry(page, 'No Script Co-op');
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await expect(page).toHaveURL(/\/join\/thanks\/J-[2-9A-HJKMNP-TV-Z]{4}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your enquiry');
    const reference = new URL(page.url()).pathname.split('/').at(-1);
    await expect(page.locator('[data-reference]')).toHaveText(
      `Your reference is ${reference}: quote it if you write to us.`,
    );
  });

  test('shows the form again with each error by its field and every value kept', async ({ page }) => {
    await page.goto('/join');
    await fillValidEnquiry(page, 'Forgetful Co-op');
    await page.getByLabel('Email').fill('forgetful@');
    await page.getByLabel('I agree').uncheck();
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/join'));
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    expect((await answer).status()).toBe(422);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Please check your enquiry');
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address like name@example.coop');
    await expect(page.getByLabel('Email')).toHaveValue('forgetful@');
    await expect(page.getByLabel('Co-op name')).toHaveValue('Forgetful Co-op');
    await expect(page.getByLabel('Legal form')).toHaveValue('co-operative-society');
    await expect(page.getByLabel(/the UK/)).toBeChecked();
    await expect(page.getByLabel('I agree')).not.toBeChecked();
    await expect(page.getByText('We need your consent to store your enquiry').first()).toBeVisible();

    await page.getByLabel('Email').fill('forgetful@example.coop');
    await page.getByLabel('I agree').check();
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await expect(page).toHaveURL(/\/join\/thanks\/J-[2-9A-HJKMNP-TV-Z]{4}$/);
  });
});

test('the page a failed form post shows has no WCAG 2.2 AA violations', async ({ page, request }) => {
  // axe needs JavaScript, so the no-JavaScript answer is shown in a page that has it, at an address of the site.
  const answer = await request.post('/api/join', {
    form: { coopName: 'Axe Co-op', email: 'nope' },
    headers: { accept: 'text/html' },
  });
  expect(answer.status()).toBe(422);
  await showAtSite(page, answer);
  await expectNoAxeViolations(page);
});

test.describe('the members’ triage', () => {
  test('sends anyone not signed in to sign in, and shows a forged session nothing', async ({ request }) => {
    const coopName = `Private Co-op ${Date.now()}`;
    expect((await request.post('/api/join', { data: { ...validEnquiry, coopName } })).status()).toBe(201);
    const response = await request.get('/admin/enquiries', { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toMatch(/\/sign-in$/);
    const forged = { cookie: 'better-auth.session_token=made-up.signature' };
    const page = await request.get('/admin/enquiries', { headers: forged, maxRedirects: 0 });
    expect(page.status()).toBeGreaterThanOrEqual(300);
    expect(await page.text()).not.toContain(coopName);
    const csv = await request.get('/admin/enquiries.csv', { headers: forged });
    expect(csv.status()).toBe(401);
    expect(await csv.text()).not.toContain(coopName);
  });

  test.describe('signed in', () => {
    test.beforeEach(async ({ page }) => {
      await signIn(page);
    });

    test('lists an enquiry, saves its status and note, and exports it as CSV', async ({ page, request }) => {
      const coopName = `=Triage Co-op ${Date.now()}`;
      const created = await request.post('/api/join', {
        data: {
          coopName,
          contactName: '<b>Bold</b> Applicant',
          email: 'triage@example.coop',
          location: 'Bristol',
          legalForm: 'partnership',
          description: 'We write <script>alert(1)</script> software.',
          agreesWithPrinciples: true,
          workerOwned: true,
          providesDigitalServices: true,
          ukBased: true,
          consent: true,
        },
      });
      expect(created.status()).toBe(201);
      const { id, reference } = (await created.json()) as { id: string; reference: string };

      await page.goto('/admin/enquiries');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enquiries and briefs');
      const row = page.getByRole('row').filter({ hasText: coopName });
      await expect(row).toContainText('New');
      await expectNoAxeViolations(page);
      await row.getByRole('link', { name: coopName }).click();

      await expect(page).toHaveURL(new RegExp(`/admin/enquiries/${id}$`));
      await expect(page.getByText('<b>Bold</b> Applicant')).toBeVisible();
      await expect(page.getByText('We write <script>alert(1)</script> software.', { exact: true })).toBeVisible();
      await page.getByLabel('Status').selectOption('in-discussion');
      await page.getByLabel('Add a note').fill('Proposed on Loomio by Sam');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status')).toHaveText('Saved.');
      await expect(page.getByLabel('Status')).toHaveValue('in-discussion');
      // Notes are a thread: the new one is listed with who wrote it, and the box is empty for the next.
      await expect(page.getByRole('list', { name: 'Notes' })).toContainText(/admin\d.*Proposed on Loomio by Sam/s);
      await expect(page.getByLabel('Add a note')).toHaveValue('');
      await expect(page.getByRole('region', { name: 'History' })).toContainText(
        /admin\d changed the status from New to In discussion/,
      );
      // Next.js streams the metadata of dynamic pages after the body.
      await expect(page).toHaveTitle(/Join enquiry/);
      await expectNoAxeViolations(page);

      await page.goto('/admin/enquiries');
      await expect(page.getByRole('row').filter({ hasText: coopName })).toContainText('In discussion');

      // The page's own request context: it carries the session cookie.
      const csv = await page.request.get('/admin/enquiries.csv');
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const text = await csv.text();
      // Read as the page reads: the reference the applicant was given, the status and kind in words, the note.
      const csvRow = text.split('\n').find((line) => line.startsWith(`"${reference}",`));
      expect(csvRow).toContain('"Join"');
      expect(csvRow).toContain(`"'${coopName}"`);
      expect(csvRow).toContain('"In discussion"');
      expect(csvRow).toContain('Proposed on Loomio by Sam');
    });

    test('refuses a triage change posted from another site', async ({ page }) => {
      await page.goto('/admin/enquiries');
      const link = page.getByRole('row').nth(1).getByRole('link');
      await link.click();
      // Replay the triage form exactly as the page would post it (with its Server Action fields), from elsewhere.
      const fields: Record<string, string> = await page
        .locator('form:has(button:text("Save"))')
        .evaluate((form) => Object.fromEntries(new FormData(form as HTMLFormElement) as unknown as [string, string][]));
      expect(fields.id).toBeTruthy();
      // With the member's session cookie: only the origin is wrong.
      const response = await page.request.post(page.url(), {
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        multipart: { ...fields, status: 'declined', note: 'forged' },
      });
      expect(response.status()).toBeGreaterThanOrEqual(400);
      await page.reload();
      await expect(page.getByRole('main')).not.toContainText('forged');
      await expect(page.getByLabel('Status')).not.toHaveValue('declined');
    });

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });

      test('saves a triage change through the form posting to its own page', async ({ page, request }) => {
        const created = await request.post('/api/join', { data: { ...validEnquiry, coopName: 'No Script Co-op' } });
        expect(created.status()).toBe(201);
        const { id } = (await created.json()) as { id: string };
        await page.goto(`/admin/enquiries/${id}`);
        await expect(page.locator('form:has(button:text("Save"))')).toHaveAttribute('action', `/admin/enquiries/${id}`);
        await page.getByLabel('Status').selectOption('withdrawn');
        await page.getByLabel('Add a note').fill('Emailed them on Monday');
        await page.getByRole('button', { name: 'Save' }).click();
        await expect(page).toHaveURL(`/admin/enquiries/${id}?saved=1`);
        await expect(page.getByRole('status')).toHaveText('Saved.');
        await expect(page.getByLabel('Status')).toHaveValue('withdrawn');
        await expect(page.getByRole('list', { name: 'Notes' })).toContainText('Emailed them on Monday');
        await expect(page.getByLabel('Add a note')).toHaveValue('');
      });
    });
  });
});
