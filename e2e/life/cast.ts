import { briefKind, joinKind } from '@/lib/enquiry-kinds';
import { decidedStatuses } from '@/lib/membership/text';
import { memberFiles } from '@/test/content-files';
import { typeSignInCode } from '@/test/site-pages';
import { Actor, actorStep, checkRole, Crew, roleAnswers } from './actors';
import { check, type Window } from './journal';
import { Plan, type StepOptions } from './plan';
import type { Random } from './random';
import type { RepositoryKind } from './stage';
import type { Coop, EnquiryRecord, Person } from './world';

// The cast of a day: who is in it, and each one's steps, with the restarts, the outages and the backup among them.
// Everything it varies (who signs in how, which enquiry each member handles, which co-ops take part, the order the
// steps start in) is drawn from the seed.

export const admins = { ada: 'ada@life.example', ola: 'ola@life.example' } as const;
export const notifyTo = 'network@life.example';

const asCoop = ({ slug, name, email }: (typeof memberFiles)[number]): Coop => ({ slug, name, email });

/**
 * The co-ops the day's contacts keep: two whose files the content repositories hold, and one whose file they do
 * not have, so that its proposals fail in plain words.
 */
export function chooseCoops(random: Random) {
  const [kept, changed, missing, ...rest] = random.shuffled(memberFiles).map(asCoop);
  if (!kept || !changed || !missing || rest.length < 3) throw new Error('the directory needs six member co-ops');
  return { inRepositories: [kept, changed], missing, forwardable: rest };
}

export type Coops = ReturnType<typeof chooseCoops>;

/** A forged session cookie: the form of better-auth's, signed with no key this site has, for no session. */
export const forgedCookie = `better-auth.session_token=${'x'.repeat(32)}.${'A'.repeat(43)}%3D`;

export type Cast = {
  plan: Plan;
  actors: Actor[];
  ada: Actor;
  ola: Actor;
  operator: Actor;
  /** The steps that end each restart's scene, for steps that must come after it. */
  restarts: number[];
};

const person = (actor: string, name: string, email: string, role: Person['role'], coop?: Coop): Person => ({
  actor,
  name,
  email,
  role,
  coop,
});

export function castTheDay(crew: Crew, random: Random, coops: Coops): Cast {
  const { world, stage } = crew;
  const plan = new Plan();
  const actors: Actor[] = [];
  const cast = (name: string, who?: Person, javaScript = true) => {
    const actor = new Actor(name, random, who, javaScript);
    actors.push(actor);
    return actor;
  };
  const step = (actor: Actor, name: string, run: () => Promise<void>, options?: StepOptions) =>
    actorStep(plan, actor, name, run, options);

  const [kept, changed] = coops.inRepositories as [Coop, Coop];
  const ada = cast('ada', person('ada', 'ada', admins.ada, 'admin'));
  const ola = cast('ola', person('ola', 'ola', admins.ola, 'admin'));
  for (const admin of [ada, ola]) if (admin.person) world.people.set(admin.person.email, admin.person);
  const operator = cast('operator');
  const mo = cast('mo', person('mo', 'Mo Member', 'mo@life.example', 'member'));
  const mei = cast('mei', person('mei', 'Mei Member', 'mei@life.example', 'member'));
  const meiPhone = new Actor('mei, on her phone', random);
  actors.push(meiPhone);
  const bo = cast('bo', person('bo', 'Bo Member', 'bo@life.example', 'member'));
  const cleo = cast('cleo', person('cleo', 'Cleo Contact', 'cleo@life.example', 'contact', kept));
  const cy = cast('cy', person('cy', 'Cy Contact', 'cy@life.example', 'contact', changed), false);
  const cato = cast('cato', person('cato', 'Cato Contact', 'cato@life.example', 'contact', coops.missing));
  const stranger = cast('stranger');
  const forger = cast('forger');
  const who = (actor: Actor): Person => {
    if (!actor.person) throw new Error(`${actor.name} is nobody`);
    return actor.person;
  };

  // ---- Enquiries: applicants and clients, each sending one, by JSON, a form post, or a browser ----
  const enquirySteps = new Map<EnquiryRecord, number>();
  const ways: EnquiryRecord['how'][] = [
    ...Array<EnquiryRecord['how']>(6).fill('JSON'),
    'form post',
    'form post',
    'browser',
    'browser without JavaScript',
  ];
  for (const kind of ['join', 'brief'] as const) {
    ways.forEach((how, n) => {
      const noun = kind === 'join' ? 'applicant' : 'client';
      const actor = cast(`${noun} ${n + 1}`, undefined, how !== 'browser without JavaScript');
      const name = kind === 'join' ? `Co-op of applicant ${n + 1}` : `Organisation of client ${n + 1}`;
      const record = crew.record(actor, kind, name, how);
      const key = how === 'JSON' && actor.random.chance(0.5) ? `life-${kind}-${n + 1}` : undefined;
      const named = kind === 'brief' && actor.random.chance(0.5) ? actor.random.pick(coops.forwardable) : undefined;
      const sent = step(actor, `sends ${name} (${how}${key ? ', with an Idempotency-Key' : ''})`, async () => {
        record.step = actor.step;
        if (how === 'JSON') await crew.sendJson(actor, record, key, named);
        else if (how === 'form post') await crew.sendForm(actor, record);
        else await crew.sendInBrowser(actor, record);
      });
      enquirySteps.set(record, sent);
      // A client that did not hear the answer sends the same again, with the same key: one enquiry.
      if (key && actor.random.chance(0.6)) {
        step(actor, `sends ${name} again with the same key`, () => crew.sendJson(actor, record, key, named));
      }
    });
  }

  // ---- The admin signs in and adds the people ----
  // In the person's own browser: the form on /sign-in, then the mail's link (its page's button) or its code.
  const signIn = (actor: Actor, by: 'link' | 'code', options?: StepOptions) =>
    step(
      actor,
      `signs in by the mailed ${by}`,
      async () => {
        const email = who(actor).email;
        await crew.useInBrowser(actor, email, await crew.askInBrowser(actor, email), by);
      },
      options,
    );
  signIn(ada, ada.random.pick(['link', 'code']));
  const added = new Map<Actor, number>();
  for (const newcomer of ada.random.shuffled([mo, mei, bo, cleo, cy, cato])) {
    const { name, role, coop } = who(newcomer);
    added.set(
      newcomer,
      step(ada, `adds ${name} as a ${role}${coop ? ` of ${coop.name}` : ''}`, () => crew.add(ada, who(newcomer))),
    );
  }

  // ---- Members and contacts sign in ----
  signIn(mo, 'link', { after: [added.get(mo)] });
  signIn(mei, 'code', { after: [added.get(mei)] });
  step(mei, 'her used code, typed again in another browser, is refused', async () => {
    const email = who(mei).email;
    const n = world.signInUses.filter((use) => use.email === email).at(-1)?.mail ?? 0;
    const { code } = await crew.signInMail(email, n);
    await crew.browse(meiPhone, async (page) => {
      await typeSignInCode(page, email, code);
      await page.waitForURL(/\/sign-in\?error=code$/);
    });
  });
  step(
    bo,
    'asks for a sign-in mail twice, signs in with the second code, and finds both links ended',
    async () => {
      const email = who(bo).email;
      const first = await crew.askOverHttp(bo, email);
      await crew.signInMail(email, first);
      const second = await crew.askOverHttp(bo, email);
      await crew.useOverHttp(bo, email, second, 'code');
      await crew.refusedOverHttp(bo, email, first, 'link', 'ended by a newer mail used');
      await crew.refusedOverHttp(bo, email, second, 'link', 'ended by its code');
      await crew.refusedOverHttp(bo, email, second, 'code', 'used already');
    },
    { after: [added.get(bo)] },
  );
  signIn(cleo, 'link', { after: [added.get(cleo)] });
  signIn(cy, 'code', { after: [added.get(cy)] });
  signIn(cato, cato.random.pick(['link', 'code']), { after: [added.get(cato)] });

  // ---- Members triage and forward: each enquiry handled has one handler, so what it ends as is known ----
  const keptByContacts = [kept, changed, coops.missing];
  const handled = random.fork('handling').shuffled([...enquirySteps.keys()]);
  const briefs = handled.filter((record) => record.kind === 'brief');
  const joins = handled.filter((record) => record.kind === 'join');
  const jobs: { member: Actor; record: EnquiryRecord; forward: boolean }[] = [
    ...briefs.slice(0, 4).map((record, n) => ({ member: n % 2 ? mei : mo, record, forward: true })),
    ...briefs.slice(4, 6).map((record, n) => ({ member: n % 2 ? mo : mei, record, forward: false })),
    ...joins.slice(0, 4).map((record, n) => ({ member: n % 2 ? mei : mo, record, forward: false })),
  ];
  for (const { member, record, forward } of random.fork('jobs').shuffled(jobs)) {
    record.handler = member.name;
    const sent = enquirySteps.get(record);
    const kind = record.kind === 'join' ? joinKind : briefKind;
    // Approved and declined are the membership decision's own steps (lib/membership), not the triage form's.
    const status = member.random.pick(
      Object.keys(kind.statuses).filter((s) => !['new', 'forwarded', ...decidedStatuses].includes(s)),
    );
    const note = `Note by ${member.name} on ${record.name}.`;
    step(member, `triages ${record.name}: ${status}, with a note`, () => crew.triage(member, record, status, note), {
      after: [sent],
    });
    if (forward) {
      // A brief goes to a co-op's own address (its entry's, or its contacts'): the co-ops the contacts keep, once
      // they are linked.
      const targets = member.random.shuffled(keptByContacts).slice(0, 1 + member.random.int(2));
      step(
        member,
        `forwards ${record.name} to ${targets.map((coop) => coop.name).join(' and ')}`,
        () => crew.forward(member, record, targets),
        { after: [cleo, cy, cato].map((contact) => added.get(contact)) },
      );
    }
  }

  // ---- Role checks, as people go about their day ----
  const roleStep = (actor: Actor, cookie: () => Promise<string>, label: string, options?: StepOptions) =>
    step(
      actor,
      label,
      async () => {
        const role = actor.person?.role ?? 'nobody';
        const other = actor.person?.coop?.slug === coops.missing.slug ? kept : coops.missing;
        const wrong = await checkRole(crew, actor, await cookie(), roleAnswers(role, actor.person?.coop, other));
        check(wrong.length === 0, `as ${role}: ${wrong.join('; ')}`);
      },
      options,
    );
  for (const actor of [mo, cleo, cato]) {
    roleStep(actor, () => actor.browserCookie(crew.browser, stage), 'opens only what their role allows');
  }
  roleStep(bo, async () => bo.cookie, 'opens only what a member may, over HTTP');
  step(bo, 'exports the CSV', () => crew.exportCsv(bo));
  step(stranger, 'asks for a sign-in mail for an address with no account', async () => {
    await crew.askOverHttp(stranger, 'nobody@stranger.life.example');
  });

  // ---- Contacts keep their entries ----
  const description = (actor: Actor) => `Kept current by ${actor.name}: ${actor.random.int(1_000_000)}.`;
  step(cy, `says ${changed.name}'s entry is still correct`, () => crew.stillCorrect(cy, changed, 'recorded'));
  step(cato, `proposes a change to ${coops.missing.name}, whose file the repository lacks`, () =>
    crew.proposeChange(cato, coops.missing, description(cato)),
  );

  // ---- A restart's scene: mail and the repository go down, work queues up, SIGTERM under load, back up ----
  const restarts: number[] = [];
  const scene = (n: number, contact: Actor, coop: Coop, notBefore: number, next?: RepositoryKind) => {
    const lateApplicant = cast(`late applicant ${n}`);
    const record = crew.record(lateApplicant, 'join', `Co-op of late applicant ${n}`, 'JSON');
    const before = [plan.lastOf(ola.name), plan.lastOf(contact.name)];
    let repository: RepositoryKind = 'merge requests';
    let outage: Window | undefined;
    const outageBegins = step(
      operator,
      `outage ${n}: the mail server refuses mail and the content repository is down`,
      async () => {
        repository = stage.contentRepository();
        outage = { what: `outage ${n}`, from: stage.journal.now() };
        stage.journal.outages.push(outage);
        stage.sink.refuse();
        await stage.repositories[repository].stop();
      },
      { after: before, notBefore, outsideLimit: true, scene: `restart ${n}`, always: true },
    );
    const during = { after: [outageBegins], outsideLimit: true, scene: `restart ${n}` };
    const queued = [
      step(
        lateApplicant,
        `sends ${record.name} while mail is down`,
        () => crew.sendJson(lateApplicant, record),
        during,
      ),
      step(
        ola,
        'asks for a sign-in mail while mail is down',
        async () => {
          await crew.askOverHttp(ola, who(ola).email);
        },
        during,
      ),
      step(
        contact,
        `proposes a change to ${coop.name} while the repository is down`,
        () => crew.proposeChange(contact, coop, description(contact)),
        during,
      ),
    ];
    const restart = step(
      operator,
      `restart ${n}: SIGTERM under load, then start again${next ? ` pushing to the ${next} repository` : ''}`,
      async () => {
        // The late applicant's notification and receipt, and ola's sign-in mail once the outbox worker's next round
        // has made it, wait in the outbox: the restart comes once readiness counts them (or after 10 s, and fails).
        let outbox: { unsent?: number } | undefined;
        for (const until = Date.now() + 10_000; (outbox?.unsent ?? 0) < 3 && Date.now() < until;) {
          const ready = await crew.http(operator, '/api/health/ready');
          ({ outbox } = (await ready.json()) as { outbox?: { unsent?: number } });
          if ((outbox?.unsent ?? 0) < 3) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const unsent = outbox?.unsent ?? 0;
        world.restarts.push({ what: `restart ${n}`, unsentAtStop: unsent, lateEnquiry: record.name, coop });
        await stage.restart(
          `restart ${n}`,
          async () => {
            stage.sink.accept();
            await stage.repositories[repository].start();
            if (outage) outage.to = stage.journal.now();
          },
          next,
        );
        check(unsent >= 3, `mail should have been queued at the restart: ${JSON.stringify(outbox)}`);
      },
      { after: queued, outsideLimit: true, scene: `restart ${n}`, always: true },
    );
    restarts.push(restart);
    // What waited through the restart arrives after it: ola signs in with it.
    step(
      ola,
      `signs in with the mail asked for before restart ${n}`,
      async () => {
        const email = who(ola).email;
        const mail = world.signInRequests.filter((request) => request.email === email).length;
        const previous = ola.cookie;
        await crew.useOverHttp(ola, email, mail, mail % 2 ? 'link' : 'code');
        if (previous) {
          // Her session from before the restart still opens the admin: sessions are carried across.
          const old = await crew.http(ola, '/admin/enquiries', {}, previous);
          check(old.status === 200, `her session from before restart ${n} should still open the admin: ${old.status}`);
        }
      },
      { after: [restart] },
    );
    step(ola, `exports the CSV after restart ${n}`, () => crew.exportCsv(ola));
    return restart;
  };

  const first = scene(1, cleo, kept, 0.2);
  const confirmed = step(cleo, `says ${kept.name}'s entry is still correct, after proposing a change today`, () =>
    crew.stillCorrect(cleo, kept, 'recorded'),
  );
  step(
    cleo,
    `says ${kept.name}'s entry is still correct again: once a day is enough`,
    () => crew.stillCorrect(cleo, kept, 'already'),
    { after: [confirmed] },
  );
  step(
    mo,
    'returns to the admin after restart 1 with the session from before',
    async () => {
      await crew.browse(mo, async (page) => {
        await page.goto('/admin/enquiries');
        check(/\/admin\/enquiries$/.test(page.url()), `his session should outlive the restart: at ${page.url()}`);
      });
    },
    { after: [first] },
  );
  step(
    forger,
    'opens the admin with a forged session cookie, after restart 1',
    async () => {
      const wrong = await checkRole(crew, forger, forgedCookie, roleAnswers('forged', undefined, kept));
      check(wrong.length === 0, wrong.join('; '));
    },
    { after: [first] },
  );
  roleStep(ola, async () => ola.cookie, 'opens what an admin may, over HTTP');
  step(cato, `says ${coops.missing.name}'s entry is still correct`, () => crew.stillCorrect(cato, coops.missing));

  // ---- The backup, taken while the cast goes on ----
  step(
    operator,
    'takes a backup with npm run db:backup while the site runs',
    async () => {
      if (!stage.backup) return;
      const acknowledgedBefore = world.enquiries.filter((record) => record.acknowledged !== undefined).length;
      const result = await stage.backup();
      const sentBy = world.enquiries.length;
      world.backup = { ...result, acknowledgedBefore, sentBy };
      const count = Number(/\((\d+) enquiries\)/.exec(result.output)?.[1] ?? -1);
      check(result.status === 0, `the backup should succeed: ${result.status} ${result.output}`);
      check(
        count >= acknowledgedBefore && count <= sentBy,
        `the backup holds ${count} enquiries: at least the ${acknowledgedBefore} acknowledged before it began, ` +
          `at most the ${sentBy} sent by its end (${result.output.trim()})`,
      );
    },
    { notBefore: 0.45, outsideLimit: true, after: [first], always: true },
  );

  const second = scene(2, cy, changed, 0.65, 'branches');
  step(
    mei,
    'returns to the admin after restart 2 with the session from before',
    async () => {
      await crew.browse(mei, async (page) => {
        await page.goto('/admin/enquiries');
        check(/\/admin\/enquiries$/.test(page.url()), `her session should outlive the restart: at ${page.url()}`);
      });
    },
    { after: [second] },
  );
  step(mei, 'exports the CSV with her browser session', async () =>
    crew.exportCsv(mei, await mei.browserCookie(crew.browser, stage)),
  );
  step(bo, 'exports the CSV again, with his session from before the restarts', () => crew.exportCsv(bo), {
    after: [second],
  });
  step(
    forger,
    'opens the admin with a forged session cookie, after restart 2',
    async () => {
      const wrong = await checkRole(crew, forger, forgedCookie, roleAnswers('forged', undefined, kept));
      check(wrong.length === 0, wrong.join('; '));
    },
    { after: [second] },
  );
  step(stranger, 'asks again for the address with no account', async () => {
    await crew.askOverHttp(stranger, 'nobody@stranger.life.example');
  });
  roleStep(cy, () => cy.browserCookie(crew.browser, stage), 'opens only what a contact may', { after: [second] });
  step(ada, 'reads the recent activity: the people she added', async () => {
    await crew.browse(ada, async (page) => {
      await page.goto('/admin/activity');
      for (const newcomer of [mo, mei, bo]) {
        const text = await page.getByRole('main').textContent();
        check(text?.includes(`added ${who(newcomer).name} as a member`), `the activity lacks ${who(newcomer).name}`);
      }
    });
  });
  step(ada, 'reads the co-ops’ proposals', async () => {
    await crew.browse(ada, async (page) => {
      const answer = await page.goto('/admin/proposals');
      check(answer?.status() === 200, `the proposals page should open: ${answer?.status()}`);
    });
  });
  return { plan, actors, ada, ola, operator, restarts };
}
