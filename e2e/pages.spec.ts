import { expect, test } from './site';

test.describe('home', () => {
  test('says what CoTech is, from the About text, and links onwards', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Co-operative Technologists');
    await expect(page.getByText(/is a network of co-operatives that sell tech\/digital services/)).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Hire a co-op' })).toHaveAttribute('href', '/hire');
    await expect(main.getByRole('link', { name: 'About CoTech' })).toHaveAttribute('href', '/about');
    await expect(main.getByRole('link', { name: 'Join the network' })).toHaveAttribute('href', '/join');
    await expect(page.locator('#contact').getByRole('heading', { name: 'Contact us' })).toBeVisible();
    await expect(page.locator('#contact').getByRole('link', { name: 'Send us your brief' })).toHaveAttribute(
      'href',
      '/hire',
    );
    await expect(page.locator('#contact').getByRole('link', { name: 'contact@coops.tech' })).toHaveAttribute(
      'href',
      'mailto:contact@coops.tech',
    );
  });
});

test.describe('about', () => {
  test('renders the source text with its links, inline HTML and placeholders filled', async ({ page }) => {
    await page.goto('/about');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About CoTech');
    const article = page.getByRole('article');
    // Reference-style links become real links.
    await expect(article.getByRole('link', { name: 'Loomio' })).toHaveAttribute(
      'href',
      'https://www.loomio.org/g/oVwtKDOn/digital-co-ops',
    );
    await expect(article.getByRole('link', { name: 'a wiki' })).toHaveAttribute('href', 'https://wiki.coops.tech/');
    await expect(article.getByRole('link', { name: /Wortley Hall/ })).toHaveAttribute(
      'href',
      'https://www.wortleyhall.org.uk/',
    );
    // The {{ site.forum }} placeholder is filled from the site config.
    await expect(article.getByRole('link', { name: 'our community forum' })).toHaveAttribute(
      'href',
      'https://community.coops.tech/',
    );
    // Inline HTML renders as elements, never as text.
    await expect(article.getByRole('link', { name: 'an event on 14th November 2016' })).toHaveAttribute(
      'href',
      'https://wiki.coops.tech/wiki/Main_Page#Wortley_Hall_2016',
    );
    // The seed's photo is on the wiki: the page leaves it out rather than hot-link it (lib/markdown.ts).
    await expect(article.locator('img')).toHaveCount(0);
    await expect(article).not.toContainText('<img');
    await expect(article).not.toContainText('<a href');
    await expect(article).not.toContainText('{{');
    for (const [name, href] of [
      ['our manifesto', '/manifesto'],
      ['contact us if you want to work with us', '/hire'],
      ['join us', '/join'],
    ] as const) {
      await expect(article.getByRole('link', { name })).toHaveAttribute('href', href);
    }
  });
});

test.describe('join', () => {
  test('shows its heading and sections, no date or tags, and says the form sends what the email would', async ({
    page,
  }) => {
    await page.goto('/join');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Join CoTech');
    // join.md keeps its old front matter (a date, tags), which is no page's furniture.
    await expect(page.locator('time')).toHaveCount(0);
    await expect(page.getByText('13 April 2020')).toHaveCount(0);
    await expect(page.getByText(/Tagged/)).toHaveCount(0);
    for (const heading of ['Why join CoTech?', 'Who can join?', 'How do I join?']) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    const article = page.getByRole('article');
    await expect(article.getByRole('link', { name: 'wiki' })).toHaveAttribute(
      'href',
      'https://wiki.coops.tech/wiki/Main_Page',
    );
    // The seed's words, with its address still a link; then, before the form, the note that the form does the same.
    await expect(
      article.getByText(/simply send an email to contact@coops\.tech with a brief description/),
    ).toBeVisible();
    await expect(article.getByRole('link', { name: 'contact@coops.tech' })).toHaveAttribute(
      'href',
      'mailto:contact@coops.tech',
    );
    const note = article.getByText('Rather than email, you can use the form below');
    await expect(note).toBeVisible();
    const [noteTop, formTop] = await Promise.all([
      note.evaluate((element) => element.getBoundingClientRect().top),
      article
        .getByRole('heading', { name: 'Send us your enquiry' })
        .evaluate((element) => element.getBoundingClientRect().top),
    ]);
    expect(noteTop).toBeLessThan(formTop);
  });
});

test.describe('manifesto', () => {
  test('states the aims and lists the seven co-operative principles', async ({ page }) => {
    await page.goto('/manifesto');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our manifesto');
    const principles = page
      .getByRole('list')
      .filter({ hasText: 'Voluntary and open membership' })
      .getByRole('listitem');
    await expect(principles).toHaveCount(7);
    await expect(principles.nth(6)).toContainText('Concern for community');
  });
});

test.describe('shared layout', () => {
  test('has the header nav, footer links, one main and a language', async ({ page }) => {
    await page.goto('/about');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(page.locator('main')).toHaveCount(1);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText([
      'Home',
      'Members',
      'Hire a co-op',
      'Services',
      'Our work',
      'About',
      'Join',
    ]);
    await expect(nav.getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
    const home = page.getByRole('banner').getByRole('link', { name: 'CoTech – Co-operative Technologists' });
    await expect(home).toHaveAttribute('href', '/');
    // The logo mark and wordmark, drawn inline: decorative, as the link names the site.
    await expect(home.locator('svg[aria-hidden="true"] rect')).toHaveAttribute('fill', '#b3261e');
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: 'contact@coops.tech' })).toHaveAttribute(
      'href',
      'mailto:contact@coops.tech',
    );
    await expect(footer.getByRole('link', { name: 'Forum' })).toHaveAttribute('href', 'https://community.coops.tech/');
    await expect(footer.getByRole('link', { name: 'Wiki' })).toHaveAttribute('href', 'https://wiki.coops.tech/');
    await expect(footer.getByRole('link', { name: 'Loomio' })).toHaveAttribute(
      'href',
      'https://www.loomio.org/g/oVwtKDOn/digital-co-ops',
    );
    await expect(footer.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    await expect(page.locator('head meta[property="og:site_name"]')).toHaveAttribute(
      'content',
      'Co-operative Technologists',
    );
  });

  test('the skip link is the first thing the keyboard reaches and moves focus to main', async ({ page }) => {
    await page.goto('/join');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('a missing page is a friendly 404 inside the layout', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'home page' })).toHaveAttribute('href', '/');
  });
});
