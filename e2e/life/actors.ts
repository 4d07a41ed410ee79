import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { briefKind, joinKind } from '@/lib/enquiry-kinds';
import { actionOf, thanksPathOf } from '@/lib/enquiry-kinds/kind';
import { validBrief, validEnquiry } from '@/test/enquiry-data';
import {
  askForSignIn,
  cookieFrom,
  pressSignInButton,
  postSignInCode,
  signInMailParts,
  type Fetcher,
} from '@/test/sign-in/over-http';
import {
  addLinkedContact,
  addPerson,
  askOnSignInForm,
  confirmSignIn,
  fillValidBrief,
  fillValidEnquiry,
  forwardTo,
  typeSignInCode,
} from '@/test/site-pages';
import { check, recordingFetch, StepFailure, type Journal } from './journal';
import type { Plan, StepOptions } from './plan';
import type { Random } from './random';
import { actorHeader } from './round-robin';
import type { Stage } from './stage';
import { nthMail, subjects, type Coop, type EnquiryRecord, type Person, type Role, type World } from './world';

// What the cast's people do, one step at a time, through the site's pages and its documented routes. Each function
// is one step, or a part of one; each records what the site told it in the World and fails the step (StepFailure)
// with a message saying what it expected and what it got.

/** Waits in the browser long enough for a page rendered under load; a hang still fails well within the run. */
const see = expect.configure({ timeout: 20_000 });

/** One of the cast: a person (or a visitor) with their own cookies, over HTTP or in a browser of their own. */
export class Actor {
  readonly name: string;
  readonly person?: Person;
  readonly random: Random;
  readonly javaScript: boolean;
  /** The step it is on: each actor does one thing at a time. */
  step = '';
  /** Its session over HTTP, as a Cookie header. */
  cookie = '';
  private context?: Promise<BrowserContext>;
  private page?: Page;

  constructor(name: string, random: Random, person?: Person, javaScript = true) {
    this.name = name;
    this.random = random.fork(name);
    this.person = person;
    this.javaScript = javaScript;
  }

  /** Its own browser (context): its cookies, its pages; every answer and uncaught page error is recorded. */
  async browserContext(browser: Browser, stage: Stage): Promise<BrowserContext> {
    this.context ??= (async () => {
      const context = await browser.newContext({
        baseURL: stage.url,
        javaScriptEnabled: this.javaScript,
        extraHTTPHeaders: { [actorHeader]: this.name },
      });
      context.setDefaultTimeout(30_000);
      const origin = new URL(stage.url).origin;
      // The machines have no network, and no page needs it.
      await context.route(
        (url) => url.origin !== origin,
        (route) => route.abort(),
      );
      context.on('response', (response) => {
        const at = stage.journal.now();
        stage.journal.exchanges.push({
          actor: this.name,
          step: this.step,
          method: response.request().method(),
          path: new URL(response.url()).pathname,
          started: at,
          ended: at,
          status: response.status(),
          type: response.headers()['content-type'],
          by: 'browser',
        });
      });
      context.on('weberror', (error) =>
        stage.journal.problems.push(
          `${this.name} · ${this.step}: uncaught error in the page: ${error.error().message}`,
        ),
      );
      return context;
    })();
    return this.context;
  }

  async pageIn(browser: Browser, stage: Stage): Promise<Page> {
    this.page ??= await (await this.browserContext(browser, stage)).newPage();
    return this.page;
  }

  /** Its browser's session cookie as a Cookie header, for the same person's requests over HTTP. */
  async browserCookie(browser: Browser, stage: Stage): Promise<string> {
    const cookies = await (await this.browserContext(browser, stage)).cookies(stage.url);
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  }

  async close() {
    await (await this.context)?.close();
  }
}

/** Adds a step of `actor`'s to the plan: while it runs, the actor is on it (its records name it). */
export function actorStep(plan: Plan, actor: Actor, name: string, run: () => Promise<void>, options?: StepOptions) {
  return plan.add(
    actor.name,
    name,
    async () => {
      actor.step = name;
      await run();
    },
    options,
  );
}

/** What every step's code is given: the stage, the World, and its actor's tools. */
export class Crew {
  readonly stage: Stage;
  readonly world: World;
  readonly browser: Browser;
  readonly journal: Journal;

  constructor(stage: Stage, world: World, browser: Browser) {
    this.stage = stage;
    this.world = world;
    this.browser = browser;
    this.journal = stage.journal;
  }

  fetcher(actor: Actor): Fetcher {
    return recordingFetch(this.journal, actor.name, actor.step);
  }

  /** A request to the site as `actor`, with its HTTP session. */
  http(actor: Actor, path: string, init: RequestInit = {}, cookie = actor.cookie): Promise<Response> {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    return this.fetcher(actor)(this.stage.url + path, { ...init, headers });
  }

  /** One browser interaction: when the site is whole and a browser is free (stage.gate). */
  browse<T>(actor: Actor, interaction: (page: Page) => Promise<T>): Promise<T> {
    return this.stage.gate.enter(async () => interaction(await actor.pageIn(this.browser, this.stage)));
  }

  // ---- Signing in ----

  /** Records a request for a sign-in mail: a stranger's address is one the run expects no mail for. */
  private asked(actor: Actor, email: string) {
    this.world.signInRequests.push({ actor: actor.name, step: actor.step, email, at: this.journal.now() });
    if (!this.world.people.has(email)) this.world.strangers.add(email);
  }

  /** How many sign-in mails the cast has asked for `email`: the next one's number is this plus one. */
  private requestsFor(email: string): number {
    return this.world.signInRequests.filter((request) => request.email === email).length;
  }

  async askOverHttp(actor: Actor, email: string): Promise<number> {
    await askForSignIn(this.stage.url, email, {}, this.fetcher(actor));
    this.asked(actor, email);
    return this.requestsFor(email);
  }

  async askInBrowser(actor: Actor, email: string): Promise<number> {
    await this.browse(actor, (page) => askOnSignInForm(page, email));
    this.asked(actor, email);
    return this.requestsFor(email);
  }

  /** The link and code of the `n`th sign-in mail to `email`, waited for outside any browser interaction. */
  async signInMail(email: string, n: number, timeoutMs?: number) {
    const mail = await nthMail(this.stage, email, subjects.signIn, n, timeoutMs).catch((error: Error) => {
      throw new StepFailure(error.message);
    });
    return signInMailParts(mail.parsed.text ?? '');
  }

  private used(actor: Actor, email: string, mail: number, by: 'link' | 'code') {
    this.world.signInUses.push({ actor: actor.name, step: actor.step, email, mail, by });
  }

  private landing(email: string): RegExp {
    return this.world.people.get(email)?.role === 'contact' ? /\/account$/ : /\/admin\/enquiries$/;
  }

  /** Signs in over HTTP with the `n`th mail's link or code; keeps the session as the actor's cookie. */
  async useOverHttp(actor: Actor, email: string, n: number, by: 'link' | 'code', timeoutMs?: number) {
    const { link, code } = await this.signInMail(email, n, timeoutMs);
    const answer =
      by === 'link'
        ? await pressSignInButton(this.stage.url, link, {}, this.fetcher(actor))
        : await postSignInCode(this.stage.url, email, code, {}, this.fetcher(actor));
    const cookie = cookieFrom(answer);
    check(
      answer.status === 303 &&
        this.landing(email).test(answer.headers.get('location') ?? '') &&
        /session_token=/.test(cookie),
      `the ${by} of sign-in mail ${n} to ${email} should sign in once: got ${answer.status} to ${answer.headers.get('location')}`,
    );
    actor.cookie = cookie;
    this.used(actor, email, n, by);
  }

  /** Signs in in the actor's browser with the `n`th mail's link (its page's button) or code (typed on /sign-in). */
  async useInBrowser(actor: Actor, email: string, n: number, by: 'link' | 'code') {
    const { link, code } = await this.signInMail(email, n);
    const landing = this.landing(email);
    await this.browse(actor, async (page) => {
      if (by === 'link') await confirmSignIn(page, link.href, email, landing);
      else {
        await typeSignInCode(page, email, code);
        await see(page, `the code of sign-in mail ${n} to ${email} should sign in`).toHaveURL(landing);
      }
    });
    this.used(actor, email, n, by);
  }

  /** A link or code already spent, or ended by its mail's other half: refused, and no session. */
  async refusedOverHttp(actor: Actor, email: string, n: number, by: 'link' | 'code', why: string) {
    const { link, code } = await this.signInMail(email, n);
    const answer =
      by === 'link'
        ? await pressSignInButton(this.stage.url, link, {}, this.fetcher(actor))
        : await postSignInCode(this.stage.url, email, code, {}, this.fetcher(actor));
    const expected = by === 'link' ? '/sign-in?error=INVALID_TOKEN' : '/sign-in?error=code';
    // better-auth's own refusal names the site's origin; ours are relative.
    const location = new URL(answer.headers.get('location') ?? '', this.stage.url);
    check(
      answer.status === 303 &&
        location.pathname + location.search === expected &&
        !/session_token=/.test(cookieFrom(answer)),
      `the ${by} of sign-in mail ${n} to ${email} (${why}) should be refused: got ${answer.status} to ` +
        `${answer.headers.get('location')}`,
    );
  }

  // ---- Enquiries ----

  record(actor: Actor, kind: EnquiryRecord['kind'], name: string, how: EnquiryRecord['how']): EnquiryRecord {
    const email = `${actor.name.replace(/\W+/g, '-')}@${kind === 'join' ? 'applicant' : 'client'}.life.example`;
    const record: EnquiryRecord = {
      actor: actor.name,
      step: actor.step,
      kind,
      name,
      email,
      how,
      status: 'new',
      notes: [],
    };
    this.world.enquiries.push(record);
    return record;
  }

  /** The enquiry as JSON for its endpoint, every field valid, named and addressed as its record says. */
  private jsonBody(record: EnquiryRecord, coop?: Coop) {
    return record.kind === 'join'
      ? { ...validEnquiry, coopName: record.name, email: record.email }
      : { ...validBrief, organisation: record.name, email: record.email, ...(coop ? { coop: coop.slug } : {}) };
  }

  private kindOf = (record: EnquiryRecord) => (record.kind === 'join' ? joinKind : briefKind);

  /** POSTs an enquiry as JSON (with an Idempotency-Key when given); it must be stored, with an id. */
  async sendJson(actor: Actor, record: EnquiryRecord, key?: string, coop?: Coop) {
    const answer = await this.http(actor, actionOf(this.kindOf(record)), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(this.jsonBody(record, coop)),
    });
    const text = await answer.text();
    check(answer.status === 201, `${record.name} should be stored (201): got ${answer.status} ${text.slice(0, 200)}`);
    const { id, reference } = JSON.parse(text) as { id?: string; reference?: string };
    if (record.id) check(id === record.id, `the same ${record.name} with the same key should be ${record.id}: ${id}`);
    if (record.reference) check(reference === record.reference, `${record.name}'s reference changed: ${reference}`);
    record.id = id;
    record.reference = reference;
    record.acknowledged ??= this.journal.now();
  }

  /** POSTs an enquiry as the plain form does without JavaScript: the answer is the thanks page's address. */
  async sendForm(actor: Actor, record: EnquiryRecord) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(this.jsonBody(record))) {
      // A form sends one `services` per ticked box, and its technologies as one text.
      const values = Array.isArray(value) ? (name === 'services' ? value : [value.join(', ')]) : [value];
      for (const one of values) form.append(name, one === true ? 'on' : String(one));
    }
    const thanksPath = thanksPathOf(this.kindOf(record));
    const answer = await this.http(actor, actionOf(this.kindOf(record)), {
      method: 'POST',
      headers: { accept: 'text/html', origin: this.stage.url },
      body: form,
    });
    const location = answer.headers.get('location') ?? '';
    const reference = new RegExp(`^${thanksPath}/([JB]-[2-9A-Z]{4})(\\?|$)`).exec(location)?.[1];
    check(
      answer.status === 303 && reference !== undefined,
      `${record.name}, posted as a form, should be stored and answered with ${thanksPath}/REFERENCE: got ` +
        `${answer.status} to ${location}`,
    );
    record.reference = reference;
    record.acknowledged = this.journal.now();
  }

  /** Fills in and sends the form on /join or /hire in the actor's browser, with or without JavaScript. */
  async sendInBrowser(actor: Actor, record: EnquiryRecord) {
    const kind = record.kind === 'join' ? joinKind : briefKind;
    await this.browse(actor, async (page) => {
      await page.goto(record.kind === 'join' ? '/join' : '/hire');
      if (record.kind === 'join') {
        await fillValidEnquiry(page, record.name);
        await page.getByLabel('Email').fill(record.email);
      } else {
        await fillValidBrief(page, record.name);
        await page.getByRole('textbox', { name: 'Email', exact: true }).fill(record.email);
      }
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === actionOf(kind));
      await page.getByRole('button', { name: kind.form.submit }).click();
      const answer = await answered;
      if (actor.javaScript) {
        check(answer.status() === 201, `${record.name}, sent from the page, should be stored: got ${answer.status()}`);
        ({ id: record.id, reference: record.reference } = (await answer.json()) as { id: string; reference: string });
        await see(page.getByRole('heading', { name: `Thank you for your ${kind.form.noun}` })).toBeVisible();
      } else {
        await see(page).toHaveURL(new RegExp(`${thanksPathOf(kind)}/[JB]-[2-9A-Z]{4}(\\?|$)`));
        record.reference = new URL(page.url()).pathname.split('/').at(-1);
      }
      // The thanks gives the reference to quote, with or without JavaScript.
      await see(page.locator('[data-reference]')).toContainText(`Your reference is ${record.reference}`);
    });
    record.acknowledged = this.journal.now();
  }

  // ---- The members' admin ----

  /** Opens an enquiry's admin page: by its id when the cast knows it, else from the list, by its name. */
  private async openEnquiry(page: Page, record: EnquiryRecord) {
    if (record.id) {
      await page.goto(`/admin/enquiries/${record.id}`);
    } else {
      await page.goto(`/admin/enquiries?kind=${record.kind}`);
      await page.getByRole('link', { name: record.name, exact: true }).click();
      await see(page).toHaveURL(/\/admin\/enquiries\/[0-9a-f-]{36}$/);
      record.id = new URL(page.url()).pathname.split('/').at(-1);
    }
    await see(page.getByRole('heading', { level: 1 })).toHaveText(record.name);
  }

  /** Sets an enquiry's status and note, as a member does, and sees the history say so, naming them. */
  async triage(actor: Actor, record: EnquiryRecord, status: string, note: string) {
    const labels: Record<string, string> = (record.kind === 'join' ? joinKind : briefKind).statuses;
    await this.browse(actor, async (page) => {
      await this.openEnquiry(page, record);
      const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Triage' }) });
      await form.getByLabel('Status').selectOption(status);
      await form.getByLabel('Add a note').fill(note);
      await form.getByRole('button', { name: 'Save' }).click();
      await see(form.getByRole('status')).toHaveText('Saved.');
      if (status !== record.status) {
        await see(page.getByRole('region', { name: 'History' })).toContainText(
          `${actor.person?.name} changed the status from ${labels[record.status]} to ${labels[status]}`,
        );
      }
    });
    record.status = status;
    record.notes.push(note);
  }

  /** Forwards a brief to member co-ops, as a member does; a brief still new becomes forwarded. */
  async forward(actor: Actor, record: EnquiryRecord, coops: readonly Coop[]) {
    await this.browse(actor, async (page) => {
      await this.openEnquiry(page, record);
      await forwardTo(
        page,
        coops.map((coop) => coop.name),
      );
    });
    this.world.forwards.push({ actor: actor.name, step: actor.step, brief: record, coops: [...coops] });
    if (record.status === 'new') record.status = 'forwarded';
  }

  /** An admin adds a person (and links a contact to their co-op) at /admin/people. */
  async add(actor: Actor, person: Person) {
    await this.browse(actor, (page) =>
      person.coop
        ? addLinkedContact(page, person.name, person.email, person.coop)
        : addPerson(page, person.name, person.email, person.role),
    );
    this.world.people.set(person.email, person);
  }

  /** The CSV export over HTTP: every enquiry acknowledged before it was asked for is in it, once. */
  async exportCsv(actor: Actor, cookie = actor.cookie) {
    const acknowledged = this.world.enquiries.filter((record) => record.acknowledged !== undefined);
    const answer = await this.http(actor, '/admin/enquiries.csv', {}, cookie);
    const text = await answer.text();
    check(answer.status === 200, `the CSV export should answer 200: got ${answer.status} ${text.slice(0, 100)}`);
    const names = text.split('\n');
    const missing = acknowledged.filter((record) => !names.some((line) => line.includes(`"${record.name}"`)));
    check(missing.length === 0, `the CSV lacks enquiries acknowledged before it: ${missing.map((r) => r.name)}`);
  }

  // ---- A co-op's people ----

  /** On the co-op's form in the account area: a new description and why, previewed, then sent. */
  async proposeChange(actor: Actor, coop: Coop, description: string) {
    await this.browse(actor, async (page) => {
      await page.goto('/account');
      await page.getByRole('link', { name: `Edit ${coop.name}’s entry` }).click();
      await see(page.getByRole('heading', { level: 1 })).toHaveText(`Edit ${coop.name}`);
      await page.getByLabel(/^Description/).fill(description);
      await page.getByLabel(/^Why/).fill(`${actor.name}, ${actor.step}`);
      await page.getByRole('button', { name: 'Preview' }).click();
      await see(page.getByRole('region', { name: /^Preview/ }).getByText(description)).toBeVisible();
      await page.getByRole('button', { name: 'Send' }).click();
      await see(page).toHaveURL(new RegExp(`/account/coops/${coop.slug}\\?sent=1$`));
    });
    this.world.proposals.push({ actor: actor.name, step: actor.step, coop });
  }

  /**
   * "Still correct" on the co-op's page: recorded at once, no merge request, once a day (a second press the same day
   * is answered "already"). `expected` is what the run knows it must be, when it does.
   */
  async stillCorrect(actor: Actor, coop: Coop, expected?: 'recorded' | 'already') {
    const answer = await this.browse(actor, async (page) => {
      await page.goto(`/account/coops/${coop.slug}`);
      await page.getByRole('button', { name: 'Still correct' }).click();
      await see(page).toHaveURL(new RegExp(`/account/coops/${coop.slug}\\?confirmed=(1|already)$`));
      return new URL(page.url()).searchParams.get('confirmed') === '1' ? ('recorded' as const) : ('already' as const);
    });
    check(expected === undefined || answer === expected, `"Still correct" should have been ${expected}: ${answer}`);
    (answer === 'recorded' ? this.world.confirmations : this.world.alreadyConfirmed).push({
      actor: actor.name,
      step: actor.step,
      coop,
    });
  }

  /** What each proposal for `coop` shows its people on their account page, newest first. */
  async proposalStates(actor: Actor, coop: Coop): Promise<string[]> {
    return this.browse(actor, async (page) => {
      await page.goto('/account');
      const rows = await page
        .getByRole('table', { name: `Changes proposed for ${coop.name}` })
        .getByRole('row')
        .filter({ has: page.getByRole('cell') })
        .all();
      return Promise.all(
        rows.map(async (row) => {
          const cell = row.getByRole('cell').last();
          const text = (await cell.textContent()) ?? '';
          // A proposal sent for review links to its merge request, whose address names the branch.
          const links = await cell.getByRole('link', { name: 'See the merge request' }).all();
          const href = links[0] ? await links[0].getAttribute('href') : null;
          const branch = href ? new URL(href).searchParams.get('source_branch') : null;
          return branch ? `${text} [${branch}]` : text;
        }),
      );
    });
  }
}

/**
 * What each role may open, and what anyone else gets: nobody (no cookie) is sent to sign in by proxy.ts, a forged
 * cookie gets past proxy.ts and is sent to sign in by the pages, and refused by the CSV route.
 */
export function roleAnswers(role: Role | 'nobody' | 'forged', own?: Coop, other?: Coop): [string, Expected][] {
  const member = role === 'admin' || role === 'member';
  const signedIn = role !== 'nobody' && role !== 'forged';
  const page = (allowed: boolean): Expected => (signedIn ? (allowed ? 200 : 404) : 'sign in');
  return [
    ['/admin/enquiries', page(member)],
    ['/admin/enquiries.csv', signedIn ? (member ? 200 : 401) : role === 'forged' ? 401 : 'sign in'],
    ['/admin/proposals', page(member)],
    ['/admin/people', page(role === 'admin')],
    ['/admin/activity', page(role === 'admin')],
    ['/admin/coops', page(role === 'admin')],
    ['/account', page(true)],
    ...(own ? [[`/account/coops/${own.slug}`, page(true)] as [string, Expected]] : []),
    ...(other ? [[`/account/coops/${other.slug}`, page(false)] as [string, Expected]] : []),
  ];
}

type Expected = number | 'sign in';

/** Opens each page a role may or may not open, with `cookie`; returns what differed from roleAnswers. */
export async function checkRole(
  crew: Crew,
  actor: Actor,
  cookie: string,
  answers: [string, Expected][],
): Promise<string[]> {
  const wrong: string[] = [];
  for (const [path, expected] of answers) {
    const answer = await crew.http(actor, path, {}, cookie);
    await answer.arrayBuffer();
    const location = answer.headers.get('location') ?? '';
    const ok =
      expected === 'sign in'
        ? [303, 307].includes(answer.status) && /\/sign-in$/.test(location)
        : answer.status === expected;
    if (!ok) wrong.push(`${path}: expected ${expected}, got ${answer.status}${location ? ` to ${location}` : ''}`);
  }
  return wrong;
}
