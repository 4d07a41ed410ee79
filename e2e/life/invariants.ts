import type { Actor, Crew } from './actors';
import { checkRole, roleAnswers } from './actors';
import { forgedCookie, notifyTo, type Cast, type Coops } from './cast';
import type { Exchange, Window } from './journal';
import type { RepositoryKind, SiteProcess, Stage } from './stage';
import { statusLabel } from '@/lib/enquiries/labels';
import { forwardAddresses, mailsTo, parseCsv, subjects, type World } from './world';

/** One invariant: what it holds the site to, how many things it looked at, and each one that broke it. */
export type Verdict = { name: string; checked: number; problems: string[] };

/**
 * The slowest page answer the run accepts, p99, in milliseconds of a machine the site has to itself: measured
 * latency divided by the slowdown below. See docs/testing.md.
 */
export const latencyBudgetMs = 1_000;

/**
 * How much longer the site's work took than it would have with a CPU to itself: over every server process's life,
 * the main thread's time on a CPU and waiting in a run queue for one, against its time on a CPU alone (Linux's
 * schedstat; 1 where the system does not tell). On a two-core machine that other jobs share, a page's wall-clock
 * latency is mostly theirs (measured: 10 s waited for 1 s run, with builds and test suites beside it), and a budget
 * in wall-clock time would judge the neighbours; in these units it judges the site, whose own waits (a lock, the
 * database, a backup) count in full.
 */
export function slowdown(processes: readonly SiteProcess[]): number {
  let ran = 0;
  let waited = 0;
  for (const { cpu } of processes) {
    if (!cpu?.last) continue;
    ran += cpu.last.ran - cpu.first.ran;
    waited += cpu.last.waited - cpu.first.waited;
  }
  return ran > 0 ? (ran + waited) / ran : 1;
}

const by = (record: { actor: string; step: string }) => `${record.actor} · ${record.step}`;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Page answers: the HTML pages the HTTP actors and visitors were sent, 200, with how long each took. */
export function pageLatencies(exchanges: readonly Exchange[]): number[] {
  return exchanges
    .filter((e) => e.by === 'http' && e.method === 'GET' && e.status === 200 && e.type?.startsWith('text/html'))
    .map((e) => e.ended - e.started)
    .sort((a, b) => a - b);
}

export const latency = (exchanges: readonly Exchange[]) => {
  const sorted = pageLatencies(exchanges);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), worst: sorted.at(-1) ?? 0 };
};

async function until(done: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) return `${what} did not happen within ${timeoutMs / 1000} s`;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

type Day = { stage: Stage; world: World; crew: Crew; cast: Cast; coops: Coops };

/**
 * Waits for the site to settle (every mail sent, every proposal pushed or failed), then holds it to the invariants
 * that need it running; `afterStop` holds the processes to theirs once they have stopped.
 */
export async function checkRunningSite({ stage, world, crew, cast, coops }: Day): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const { ola } = cast;
  const people = cast.actors.filter((actor) => actor.person);
  const actorOf = (email: string) => people.find((actor) => actor.person?.email === email);

  // ---- Settled: the outbox empty, and each co-op's proposals sent or failed ----
  const settling: string[] = [];
  const outboxEmpty = async () => {
    const ready = await crew.http(ola, '/api/health/ready');
    const body = (await ready.json()) as { outbox?: { unsent?: number } };
    return ready.status === 200 && body.outbox?.unsent === 0;
  };
  settling.push(...[await until(outboxEmpty, 'the outbox emptying')].filter((p): p is string => p !== undefined));
  const contacts = people.filter((actor) => actor.person?.coop);
  const states = new Map<Actor, string[]>();
  for (const contact of contacts) {
    const coop = contact.person?.coop;
    if (!coop) continue;
    const settled = await until(async () => {
      const seen = await crew.proposalStates(contact, coop);
      states.set(contact, seen);
      return seen.every((state) => !state.startsWith('Waiting to be sent'));
    }, `${coop.name}'s proposals all being sent or failed`);
    if (settled) settling.push(settled);
  }
  // Two more rounds of the worker: a mail that should not exist (a duplicate, a stranger's) has had its chance.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  verdicts.push({
    name: 'the site settles: every mail sent, every proposal pushed or failed',
    checked: 1 + contacts.length,
    problems: settling,
  });

  // ---- Steps ----
  const journal = stage.journal;
  const unfinished = journal.steps.filter((step) => step.outcome !== 'ok');
  verdicts.push({
    name: 'every step of the cast did what it set out to',
    checked: journal.steps.length,
    problems: unfinished.map((step) => `${by(step)}: ${step.outcome ?? 'never ended'}: ${step.detail ?? ''}`),
  });

  // ---- Enquiries: stored once, with what members last saved; notified once; a receipt once ----
  const csv = await crew.http(ola, '/admin/enquiries.csv');
  const rows = parseCsv(await csv.text());
  const acknowledged = world.enquiries.filter((record) => record.acknowledged !== undefined);
  const stored: string[] = [];
  for (const record of acknowledged) {
    const found = rows.filter((row) => Object.values(row).includes(record.name));
    const [row] = found;
    if (found.length !== 1 || !row) stored.push(`${by(record)}: ${record.name} is stored ${found.length} times`);
    else {
      if (record.reference && row.Reference !== record.reference)
        stored.push(
          `${by(record)}: ${record.name} is ${row.Reference}, not ${record.reference} as its sender was told`,
        );
      // The thread, a note a line: "6 Dec 2026, 07:30, Mo Member: text".
      const notes = (row.Notes ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}, [^:]+: /, ''));
      if (row.Status !== statusLabel(record.status) || notes.join(' | ') !== record.notes.join(' | ')) {
        stored.push(
          `${by(record)}: ${record.name} should be "${statusLabel(record.status)}" with notes ` +
            `"${record.notes.join(' | ')}" as ${record.handler ?? 'nobody'} left it: it is "${row.Status}", ` +
            `"${notes.join(' | ')}"`,
        );
      }
    }
  }
  const known = new Set(world.enquiries.map((record) => record.name));
  for (const row of rows) {
    if (!Object.values(row).some((value) => known.has(value)))
      stored.push(`an enquiry nobody sent is stored: ${row.Reference}`);
  }
  if (csv.status !== 200) stored.push(`the CSV export answered ${csv.status}`);
  verdicts.push({
    name: 'every acknowledged enquiry is stored once, as its handler left it, and nothing else is',
    checked: acknowledged.length,
    problems: stored,
  });
  const notified: string[] = [];
  for (const record of acknowledged) {
    const notifications = mailsTo(stage, notifyTo, subjects.notification(record)).length;
    const receipts = mailsTo(stage, record.email, subjects.receipt(record.kind)).length;
    if (notifications !== 1) notified.push(`${by(record)}: ${record.name} notified ${notifications} times`);
    if (receipts !== 1) notified.push(`${by(record)}: ${record.email} got ${receipts} receipts`);
  }
  verdicts.push({
    name: 'every acknowledged enquiry is notified once, and its sender gets one receipt',
    checked: acknowledged.length,
    problems: notified,
  });

  // ---- Sign-in mail ----
  const signIns: string[] = [];
  const addresses = new Set(world.signInRequests.map((request) => request.email));
  for (const email of addresses) {
    const requests = world.signInRequests.filter((request) => request.email === email);
    const mails = mailsTo(stage, email, subjects.signIn).length;
    const first = requests[0];
    if (world.strangers.has(email)) {
      const any = mailsTo(stage, email).length;
      if (any > 0 && first) signIns.push(`${by(first)}: ${email}, with no account, got ${any} mail(s)`);
      continue;
    }
    if (mails !== requests.length && first) {
      signIns.push(`${by(first)}: ${email} asked ${requests.length} times and got ${mails} sign-in mail(s)`);
    }
    const uses = world.signInUses.filter((use) => use.email === email);
    const numbers = uses.map((use) => use.mail);
    const twice = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    for (const n of twice) signIns.push(`${email}'s sign-in mail ${n} signed in more than once`);
  }
  verdicts.push({
    name: 'every sign-in request for a known address gave one mail, whose link or code signed in once; none for others',
    checked: world.signInRequests.length,
    problems: signIns,
  });

  // ---- Forwards ----
  const forwards: string[] = [];
  for (const forward of world.forwards) {
    for (const coop of forward.coops) {
      const addresses = forwardAddresses(coop, world.people);
      if (addresses.length === 0) forwards.push(`${by(forward)}: ${coop.name} has no address to forward to`);
      const mails = addresses.flatMap((address) => mailsTo(stage, address, subjects.forward(forward.brief.name)));
      if (mails.length !== 1) forwards.push(`${by(forward)}: ${coop.name} got ${mails.length} mails of it`);
      const replyTo = mails[0]?.parsed.replyTo?.text ?? '';
      if (mails.length === 1 && !replyTo.includes(forward.brief.email)) {
        forwards.push(`${by(forward)}: the mail to ${coop.name} replies to "${replyTo}", not the client`);
      }
    }
  }
  verdicts.push({
    name: "every forward reached its co-op's address once, replying to the client",
    checked: world.forwards.reduce((sum, forward) => sum + forward.coops.length, 0),
    problems: forwards,
  });

  // ---- Proposals ----
  const proposals: string[] = [];
  const branchesOf = {
    'merge requests': await stage.repositories['merge requests'].branches(),
    branches: await stage.repositories.branches.branches(),
  };
  const pushes = await stage.repositories['merge requests'].pushes();
  const plainPushes = await stage.repositories.branches.pushes();
  const accounted = new Set<string>();
  for (const contact of contacts) {
    const coop = contact.person?.coop;
    if (!coop) continue;
    const seen = states.get(contact) ?? [];
    const sent = world.proposals.filter((proposal) => proposal.coop.slug === coop.slug);
    if (seen.length !== sent.length) {
      proposals.push(
        `${contact.name}: ${coop.name} shows ${seen.length} proposals; the site said it took ${sent.length}`,
      );
    }
    for (const state of seen) {
      // As crew.proposalStates reads them: "Sent to the editors. … [BRANCH]" from its merge request's link, or the
      // branch an editor opens a merge request from.
      const review = /^Sent to the editors\. .* \[(proposal\/\S+)\]$/.exec(state)?.[1];
      const plain = /^Sent as branch (proposal\/\S+): an editor opens the merge request\./.exec(state)?.[1];
      if (coop.slug === coops.missing.slug) {
        if (!state.startsWith('Could not be sent. '))
          proposals.push(`${contact.name}: ${coop.name}'s proposal: "${state}"`);
        continue;
      }
      const branch = review ?? plain;
      if (!branch) {
        proposals.push(`${contact.name}: ${coop.name}'s proposal is neither sent nor failed plainly: "${state}"`);
        continue;
      }
      accounted.add(branch);
      const kind: RepositoryKind = review ? 'merge requests' : 'branches';
      const otherKind: RepositoryKind = review ? 'branches' : 'merge requests';
      if (!branchesOf[kind].includes(branch)) proposals.push(`${branch} says ${kind} but is not in that repository`);
      if (branchesOf[otherKind].includes(branch)) proposals.push(`${branch} is in both repositories`);
      if (review) {
        const push = pushes.find((one) => one.refs.some((ref) => ref.ref === `refs/heads/${branch}`));
        if (!push?.options.includes('merge_request.create'))
          proposals.push(`${branch} was pushed without a merge request`);
      }
    }
  }
  for (const [kind, branches] of Object.entries(branchesOf)) {
    const proposalBranches = branches.filter((branch) => branch.startsWith('proposal/'));
    for (const branch of proposalBranches) {
      if (!accounted.has(branch)) proposals.push(`the ${kind} repository has ${branch}, which no co-op shows`);
    }
    if (proposalBranches.length === 0) proposals.push(`the ${kind} repository got no proposal`);
  }
  if (plainPushes.some((push) => push.options.length > 0)) proposals.push('the plain repository was sent push options');
  verdicts.push({
    name: 'every proposal reached one repository, as its state says, or shows a plain failure',
    checked: world.proposals.length,
    problems: proposals,
  });

  // ---- "Still correct": recorded at once, on the co-op's page, with no merge request ----
  const confirmations: string[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const confirmation of world.confirmations) {
    const answer = await crew.http(ola, `/api/coops/${confirmation.coop.slug}/confirmation`);
    const { confirmed } = (await answer.json()) as { confirmed?: string | null };
    if (answer.status !== 200 || confirmed !== today) {
      confirmations.push(
        `${by(confirmation)}: ${confirmation.coop.name}'s page says confirmed ${confirmed} (${answer.status})`,
      );
    }
  }
  verdicts.push({
    name: 'every "Still correct" the site recorded shows on the co-op\'s page at once',
    checked: world.confirmations.length,
    problems: confirmations,
  });

  // ---- Roles ----
  const roles: string[] = [];
  const other = (actor: Actor) =>
    actor.person?.coop?.slug === coops.missing.slug ? coops.forwardable[0] : coops.missing;
  let looked = 0;
  for (const actor of people) {
    const cookie = actor.cookie || (await actor.browserCookie(crew.browser, stage));
    if (!/session_token=/.test(cookie)) continue;
    const answers = roleAnswers(actor.person?.role ?? 'nobody', actor.person?.coop, other(actor));
    looked += answers.length;
    roles.push(...(await checkRole(crew, actor, cookie, answers)).map((wrong) => `${actor.name}: ${wrong}`));
  }
  const nobody = roleAnswers('nobody', undefined, coops.missing);
  const forged = roleAnswers('forged', undefined, coops.missing);
  roles.push(...(await checkRole(crew, ola, '', nobody)).map((wrong) => `nobody: ${wrong}`));
  roles.push(...(await checkRole(crew, ola, forgedCookie, forged)).map((wrong) => `a forged cookie: ${wrong}`));
  const reminders = stage.mails.filter((mail) => /^Is .*'s entry still right\?$/.test(mail.parsed.subject ?? ''));
  for (const mail of reminders) {
    const person = actorOf(mail.to[0] ?? '')?.person;
    if (!person?.coop || mail.parsed.subject !== subjects.review(person.coop)) {
      roles.push(`a review reminder "${mail.parsed.subject}" went to ${mail.to.join()}, who does not keep that co-op`);
    }
  }
  const reminded = reminders.map((mail) => `${mail.to.join()} ${mail.parsed.subject}`);
  for (const twice of reminded.filter((one, i) => reminded.indexOf(one) !== i)) roles.push(`reminded twice: ${twice}`);
  verdicts.push({
    name: 'each person opens only what their role allows (nobody and a forged cookie nothing); reminders reach only their co-op’s people',
    checked: looked + nobody.length + forged.length + reminders.length,
    problems: roles,
  });

  // ---- What waited through a restart went out after it ----
  const carried: string[] = [];
  for (const restart of world.restarts) {
    const window = journal.windows.find((one) => one.what.startsWith(restart.what));
    const late = world.enquiries.find((record) => record.name === restart.lateEnquiry);
    const mail = late && mailsTo(stage, notifyTo, subjects.notification(late))[0];
    if (!window || !late || !mail) carried.push(`${restart.what}: its late applicant's notification never came`);
    else if (mail.receivedAt - journal.startedAt < window.from) {
      carried.push(`${restart.what}: the notification went out before it`);
    }
    // The repository was down from before the proposal until the restart: what it shows now was pushed after.
    const contact = contacts.find((actor) => actor.person?.coop?.slug === restart.coop.slug);
    const seen = (contact && states.get(contact)) ?? [];
    if (seen.length === 0 || !seen.every((state) => state.startsWith('Sent '))) {
      carried.push(
        `${restart.what}: ${restart.coop.name}'s proposals, queued at it, are not all sent: ${seen.join('; ')}`,
      );
    }
  }
  verdicts.push({
    name: 'mail and proposals queued at each restart (the mail server and repository down) went out after it',
    checked: world.restarts.length,
    problems: carried,
  });
  return verdicts;
}

/** The answers the run saw, the processes' logs and exits, and page latency: once every process has stopped. */
export function checkStoppedSite({ stage, coops }: Pick<Day, 'stage' | 'coops'>): Verdict[] {
  const journal = stage.journal;
  const answers: string[] = [];
  for (const exchange of journal.exchanges) {
    const restarting = journal.restartingDuring(exchange.started, exchange.ended);
    const what = `${exchange.actor} · ${exchange.step}: ${exchange.method} ${exchange.path}`;
    if (exchange.error && !(exchange.error === 'ECONNREFUSED' && restarting))
      answers.push(`${what}: ${exchange.error}`);
    if ((exchange.status ?? 0) >= 500 && !(exchange.status === 503 && restarting)) {
      answers.push(`${what}: answered ${exchange.status}`);
    }
  }
  answers.push(...journal.problems);
  const verdicts: Verdict[] = [
    {
      name: 'no answer 500 (503 only while restarting), no connection cut off, no page error, every page read',
      checked: journal.exchanges.length,
      problems: answers,
    },
  ];

  // Lines a process may write to standard error: that the content repository cannot be reached, from a process
  // that ran while it was down (its start-up check, its pushes tried again), and that a proposal for the co-op whose
  // file the repository lacks cannot be pushed. Anything else there is an error.
  // Down means refused, or cut off in the middle of a fetch or push (git then says its transfer broke off).
  const down =
    "(Failed to connect|Couldn't connect|RPC failed|transfer closed|bad pack header|early EOF|the remote end hung up)";
  const unreachable = [
    new RegExp(`^proposals: \\S+ for \\S+ not pushed, will try again: git \\S+: .*${down}`),
    new RegExp(
      `^proposals: the content repository \\S+ cannot be reached, so proposals wait in the database: .*${down}`,
    ),
  ];
  const unpushable = new RegExp(`^proposals: \\S+ for ${coops.missing.slug} cannot be pushed: `);
  const logs: string[] = [];
  for (const process of stage.processes) {
    if (process.exitCode !== 0) logs.push(`${process.name}: exited with ${process.exitCode}`);
    if (!/^Stopped$/m.test(process.server.output())) logs.push(`${process.name}: never said "Stopped"`);
    const lived = (window: Window) =>
      window.from <= (process.stopped ?? journal.now()) && (window.to ?? journal.now()) >= process.started;
    const duringOutage = journal.outages.some(lived);
    const expected = [unpushable, ...(duringOutage ? unreachable : [])];
    const lines = process.server.errors().split('\n').filter(Boolean);
    for (const line of lines.filter((one) => !expected.some((pattern) => pattern.test(one)))) {
      logs.push(`${process.name}: ${line.slice(0, 300)}`);
    }
  }
  verdicts.push({
    name: 'every process stopped cleanly on SIGTERM, with no error in its log',
    checked: stage.processes.length,
    problems: logs,
  });

  const { count, p99 } = latency(journal.exchanges);
  const factor = slowdown(stage.processes);
  verdicts.push({
    name: `page latency p99, over the slowdown other work on the machine caused, under ${latencyBudgetMs} ms`,
    checked: count,
    problems:
      p99 / factor < latencyBudgetMs
        ? []
        : [`page latency p99 was ${p99} ms, with the site's work ${factor.toFixed(2)} times slower than alone`],
  });
  return verdicts;
}
