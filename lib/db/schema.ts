import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { enquiryKindList, enquiryKinds, type EnquiryKind } from '@/lib/enquiry-kinds';
import type { Column } from '@/lib/enquiry-kinds/field';

/**
 * Join enquiries and briefs in one table, built from the kinds' descriptions (lib/enquiry-kinds/): they share who
 * sent them, the text, the status and notes (`enquiry_notes`), the outbox, idempotency and the triage list. A column every kind has
 * for every enquiry is NOT NULL; the others are null for the kinds without them, and the checks below make each
 * kind's own columns required for it, and its status one of its own.
 */
export { enquiryKinds, type EnquiryKind } from '@/lib/enquiry-kinds';

type KindField = (typeof enquiryKindList)[number]['fields'][number];
type StoredField = Extract<KindField, { column: Column }>;
const builders = {
  text: (name: string) => text(name),
  'text[]': (name: string) => text(name).array(),
  boolean: (name: string) => boolean(name),
};
const notNullBuilders = {
  text: (name: string) => text(name).notNull(),
  'text[]': (name: string) => text(name).array().notNull(),
  boolean: (name: string) => boolean(name).notNull(),
};
type ColumnBuilder<C extends Column> = C extends { notNull: true }
  ? ReturnType<(typeof notNullBuilders)[C['type']]>
  : ReturnType<(typeof builders)[C['type']]>;
type KindColumns = { [F in StoredField as F['name']]: ColumnBuilder<F['column']> };

/** Every kind's columns, each once; two kinds that keep a field in one column must describe it alike. */
function kindColumns(): KindColumns {
  const seen = new Map<string, Column>();
  const columns: Record<string, unknown> = {};
  for (const kind of enquiryKindList) {
    for (const field of kind.fields) {
      const column: Column | undefined = field.column;
      if (!column) continue;
      const before = seen.get(field.name);
      if (before && (before.name !== column.name || before.type !== column.type || before.notNull !== column.notNull)) {
        throw new Error(`The enquiry kinds describe the column of ${field.name} differently: ${kind.kind} differs`);
      }
      seen.set(field.name, column);
      columns[field.name] = (column.notNull ? notNullBuilders : builders)[column.type](column.name);
    }
  }
  return columns as KindColumns;
}

type Status = {
  [K in (typeof enquiryKindList)[number] as K['kind']]: keyof K['statuses'] & string;
}[EnquiryKind];
export type EnquiryStatus = Status;

/** The statuses an enquiry of each kind may have, in order. */
export const statusesOf = Object.fromEntries(
  enquiryKindList.map((kind) => [kind.kind, Object.keys(kind.statuses)]),
) as { [K in (typeof enquiryKindList)[number] as K['kind']]: (keyof K['statuses'] & string)[] };

const allStatuses = [...new Set(enquiryKindList.flatMap((kind) => Object.keys(kind.statuses)))] as [
  Status,
  ...Status[],
];

/** Statuses after which nothing more is expected: the retention period runs from them. */
export const closedStatuses = enquiryKindList.flatMap((kind) => kind.closedStatuses) as Status[];

const inList = (values: readonly string[]) => sql.raw(`(${values.map((value) => `'${value}'`).join(', ')})`);
const quoted = (name: string) => sql.raw(`"enquiries"."${name}"`);

export const enquiries = pgTable(
  'enquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: enquiryKinds }).notNull().default('join'),
    /** What people read and quote (`B-9M2D`, lib/enquiries/reference.ts): unique, drawn again when taken. */
    reference: text('reference').notNull().unique('enquiries_reference_unique'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: allStatuses }).notNull().default('new'),
    /** When its personal fields were removed (erased by an admin, or by the retention rule); null until then. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    ...kindColumns(),
  },
  (table) => [
    index('enquiries_created_at_idx').on(table.createdAt),
    check('enquiries_kind_check', sql`${table.kind} in ${inList(enquiryKinds)}`),
    check(
      'enquiries_status_check',
      sql.join(
        enquiryKindList.map(
          (kind) =>
            sql`(${table.kind} = '${sql.raw(kind.kind)}' and ${table.status} in ${inList(Object.keys(kind.statuses))})`,
        ),
        sql` or `,
      ),
    ),
    ...enquiryKindList.map((kind) => {
      const required = kind.fields.flatMap((field) => {
        const column: Column | undefined = field.column;
        return column && !column.notNull && !column.optional ? [column.name] : [];
      });
      return check(
        `enquiries_${kind.kind}_check`,
        sql`${table.kind} <> '${sql.raw(kind.kind)}' or (${sql.join(
          required.map((name) => sql`${quoted(name)} is not null`),
          sql` and `,
        )})`,
      );
    }),
  ],
);

/**
 * The members' notes on an enquiry, a thread: each kept with who wrote it and when, none overwriting another.
 * Erasing the enquiry deletes them, since a note may quote the sender.
 */
export const enquiryNotes = pgTable(
  'enquiry_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enquiryId: uuid('enquiry_id')
      .notNull()
      .references(() => enquiries.id, { onDelete: 'cascade' }),
    /** Who wrote it; null for a note written before notes had authors (kept from the one note an enquiry had). */
    authorId: text('author_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    text: text('text').notNull(),
  },
  (table) => [index('enquiry_notes_enquiry_id_idx').on(table.enquiryId, table.at)],
);

export const mailKinds = [
  'notification',
  'receipt',
  'sign-in',
  'forward',
  'review',
  'invitation',
  'welcome',
  'decline',
] as const;
export type MailKind = (typeof mailKinds)[number];

/** The mail kinds about one person (not an enquiry): each row names its `userId`. */
const personalMailKinds = sql.raw(`('sign-in', 'review', 'invitation')`);

/**
 * Mail to send, written in the same transaction as what it is about so a crash cannot lose it: an enquiry's
 * notification and receipt, a brief forwarded to a co-op, a person's sign-in link, a co-op's review reminder, or
 * the invitation of a person who may now sign in. The link is kept only until it is sent, then cleared.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enquiryId: uuid('enquiry_id').references(() => enquiries.id),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The sign-in link, while it waits to be sent. */
    link: text('link'),
    /** The sign-in code sent with the link, while it waits to be sent (the database keeps only its hash otherwise). */
    code: text('code'),
    /** The co-op a forwarded brief goes to (its slug): its address is read from the directory when it is sent. */
    coopSlug: text('coop_slug'),
    kind: text('kind', { enum: mailKinds }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A claim: while in the future, one worker is sending this row and the others leave it alone. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (table) => [
    index('outbox_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.sentAt} is null`),
    check(
      'outbox_subject_check',
      sql`(${table.kind} in ${personalMailKinds} and ${table.userId} is not null and ${table.enquiryId} is null) or (${table.kind} not in ${personalMailKinds} and ${table.enquiryId} is not null)`,
    ),
    check('outbox_coop_check', sql`(${table.kind} in ('forward', 'review')) = (${table.coopSlug} is not null)`),
  ],
);

/**
 * A request for a sign-in mail, from its answer until the outbox worker's next round makes the link and code for an
 * account, or finds none and drops it (lib/auth/sign-in.ts). The request itself stores this one row whatever the
 * address, so how long it takes tells nobody whether the address has an account; the address is kept no longer
 * than that round.
 */
export const signInRequests = pgTable('sign_in_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  email: text('email').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** A claim, as the outbox's: while in the future, one worker is issuing this request. */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * The first answer to a client's request with an `Idempotency-Key`, with a digest of the enquiry it stored: a
 * repeat from the same client with the same enquiry gets that answer, a different enquiry under the key is
 * refused. Keys belong to their client, so one client's key never touches another's enquiry.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    client: text('client').notNull(),
    key: text('key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** sha256 (hex) of the canonical validated enquiry. */
    bodyHash: text('body_hash').notNull(),
    response: jsonb('response').$type<{ id: string }>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.client, table.key] })],
);

const scopes: LimitScopeName[] = [
  ...enquiryKindList.map((kind) => kind.endpoint.rateLimit),
  'receipts',
  'sign-in-address',
  'sign-in-client',
  'sign-in-client-address',
  'proposals',
];
export const limitScopes = scopes as [LimitScopeName, ...LimitScopeName[]];
type LimitScopeName =
  | (typeof enquiryKindList)[number]['endpoint']['rateLimit']
  | 'receipts'
  | 'sign-in-address'
  | 'sign-in-client'
  | 'sign-in-client-address'
  | 'proposals';
export type LimitScope = (typeof limitScopes)[number];

/**
 * Counts per fixed window, in the database so every instance counts against one limit: join enquiries and briefs
 * per client (`join`, `briefs`), receipts mailed to applicants, for everyone at once (`receipts`), and sign-in
 * requests per client, per client and address, and mails per address (lib/auth/sign-in.ts).
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    scope: text('scope', { enum: limitScopes }).notNull(),
    client: text('client').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    /** When the window ends: the row is no use after it, and the worker prunes it. */
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.scope, table.client, table.windowStart] })],
);

export const roles = ['contact', 'member', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * The people who may sign in (better-auth's `user` model). `contact`s only keep their own co-ops' entries current
 * (`coop_people`); `member`s triage enquiries; `admin`s also manage accounts. A disabled person keeps their row, so
 * the audit trail still names them, but cannot sign in.
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    role: text('role', { enum: roles }).notNull().default('member'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('users_role_check', sql`${table.role} in ('contact', 'member', 'admin')`)],
);

/** Signed-in sessions (better-auth's `session` model), in the database so every instance knows them. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sessions_user_id_idx').on(table.userId)],
);

/**
 * better-auth's `account` model: how a person proves who they are. Sign-in here is by mailed link only, which
 * needs no row; the table exists because better-auth's own clean-ups read it.
 */
export const authAccounts = pgTable('auth_accounts', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  providerId: text('provider_id').notNull(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  accessToken: text('access_token'),
  refreshToken: text('refresh_token'),
  idToken: text('id_token'),
  accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
  refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
  scope: text('scope'),
  password: text('password'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time values (better-auth's `verification` model): sign-in links, stored as a hash of their token. */
export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('verifications_identifier_idx').on(table.identifier)],
);

/**
 * Secrets the site makes for itself and every instance must share, such as the key that signs session cookies
 * when `BETTER_AUTH_SECRET` is not set.
 */
export const siteSecrets = pgTable('site_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditActions = [
  'enquiry.status',
  'enquiry.note',
  'enquiry.erased',
  'enquiry.anonymised',
  'lead.forwarded',
  'account.created',
  'account.disabled',
  'account.enabled',
  'account.role',
  'account.invited',
  'coop.linked',
  'coop.unlinked',
  'membership.started',
  'membership.approved',
  'membership.entry-proposed',
  'membership.welcomed',
  'membership.declined',
  'coop.leaving',
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * Who changed what, when, from what to what: every triage change and every account change. `actorId` is null
 * when the site acted by itself (ADMIN_EMAILS at start, the retention rule). Erasing an enquiry blanks the
 * values of its note changes, which may hold the erased data.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id').references(() => users.id),
    action: text('action', { enum: auditActions }).notNull(),
    /** The enquiry it concerns: no foreign key, so the record outlives the enquiry. */
    enquiryId: uuid('enquiry_id'),
    targetUserId: text('target_user_id').references(() => users.id),
    from: text('from'),
    to: text('to'),
  },
  (table) => [
    index('audit_events_at_idx').on(table.at),
    index('audit_events_enquiry_id_idx').on(table.enquiryId, table.at),
  ],
);

/**
 * Who may keep which co-op's entry current: an admin links a person (a `contact`, or a member or admin) to a co-op
 * at /admin/people; linking and unlinking are in the audit trail (`coop.linked`, `coop.unlinked`, with the co-op's
 * slug in `to` or `from`). `coop` is the slug of the entry under content/coops, which lives in Git, not here.
 */
export const coopPeople = pgTable(
  'coop_people',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    coop: text('coop').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.coop] }), index('coop_people_coop_idx').on(table.coop)],
);

export const proposalStatuses = ['queued', 'pushed', 'failed', 'published', 'not-accepted'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * A change to a co-op's entry that one of its people sent: stored first, then pushed by the worker to the content
 * repository as a branch with a merge request (lib/proposals). `queued` until pushed (a failed push stays queued,
 * with `lastError`, and is tried again at `nextAttemptAt`, as mail is); `pushed` names its `branch`; `failed` is
 * for a proposal that can never be pushed (its entry is gone), with the reason in `lastError`. Once pushed, the site
 * watches it (lib/proposals/review.ts): `published` once the content it is built from says what the proposal asked
 * (`publishedAt`); `mergedAt` once the target branch does (merged, not yet deployed); `not-accepted` when its branch
 * is gone and the target branch does not say it (`closedAt`).
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coop: text('coop').notNull(),
    /** Who asked: kept as name and address too, since they are the commit's author even after the account goes. */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email').notNull(),
    /** Why, in the person's words, for the merge request's description. */
    reason: text('reason').notNull().default(''),
    /** The front matter's changed fields and their new values (null removes a field). */
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    /** A new logo: its file name under public/images/coops and its bytes, base64, until pushed. */
    logoName: text('logo_name'),
    logoData: text('logo_data'),
    status: text('status', { enum: proposalStatuses }).notNull().default('queued'),
    branch: text('branch'),
    /**
     * Once pushed: true when the push carried the options that open a merge request (GitLab), false when the
     * repository takes no push options and an editor opens it; null when not known (an earlier attempt's branch).
     */
    mergeRequest: boolean('merge_request'),
    /** Once pushed: the repository it went to, without credentials (lib/proposals/repository.ts repositoryUrl). */
    pushedTo: text('pushed_to'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A claim: while in the future, one worker is pushing this proposal and the others leave it alone. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** A new co-op's entry (an approved join enquiry, lib/membership): the file is created, never overwritten. */
    creates: boolean('creates').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    pushedAt: timestamp('pushed_at', { withTimezone: true }),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    index('proposals_coop_idx').on(table.coop, table.createdAt),
    index('proposals_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} = 'queued'`),
  ],
);

/**
 * The last check of each link the directory and the case studies name (a co-op's website, a case study's links),
 * once a week: the HTTP status (null when nothing answered), the address the redirects ended at, what went wrong,
 * and how many checks in a row found it broken.
 */
export const linkChecks = pgTable('link_checks', {
  url: text('url').primaryKey(),
  status: integer('status'),
  finalUrl: text('final_url'),
  error: text('error'),
  brokenRuns: integer('broken_runs').notNull().default(0),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
});

/**
 * "Still correct", as the site records it: which co-op, who said so (kept by name too, as a proposal's author is)
 * and when. It costs no editor anything: the public page shows it at once, and it reaches the entry's `confirmed:`
 * line with the co-op's next proposal, or with the monthly batch of confirmations (`sentAt`: when one of those
 * carried it; null until then).
 */
export const coopConfirmations = pgTable(
  'coop_confirmations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    coop: text('coop').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index('coop_confirmations_coop_idx').on(table.coop, table.at)],
);

/** When the people linked to a co-op were last asked to review its unconfirmed entry (at most once a month). */
export const reviewReminders = pgTable('review_reminders', {
  coop: text('coop').primaryKey(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
});

/**
 * The members' decision on a join enquiry (lib/membership), one row per enquiry: the Loomio proposal it was put to,
 * and once approved, each step of welcoming the co-op as it completes, so a retry runs only what is not done: the
 * proposal adding its entry (`slug`, `proposalId`), the applicant linked as its contact (`contactId`), the welcome
 * mail queued (`welcomedAt`). Declined: the reply a member wrote, queued when they sent it (`repliedAt`); erasure
 * blanks it. `lastError` says which step failed last, until it succeeds.
 */
export const membershipDecisions = pgTable('membership_decisions', {
  enquiryId: uuid('enquiry_id')
    .primaryKey()
    .references(() => enquiries.id, { onDelete: 'cascade' }),
  loomioUrl: text('loomio_url'),
  slug: text('slug').unique('membership_decisions_slug_unique'),
  proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'set null' }),
  contactId: text('contact_id').references(() => users.id, { onDelete: 'set null' }),
  welcomedAt: timestamp('welcomed_at', { withTimezone: true }),
  reply: text('reply'),
  repliedAt: timestamp('replied_at', { withTimezone: true }),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A co-op that left the network (an admin's "Left the network", lib/proposals/departure.ts): the proposal setting
 * its `member: false`, and once that is merged or published, when its people were unlinked.
 */
export const coopDepartures = pgTable('coop_departures', {
  proposalId: uuid('proposal_id')
    .primaryKey()
    .references(() => proposals.id, { onDelete: 'cascade' }),
  coop: text('coop').notNull(),
  actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  unlinkedAt: timestamp('unlinked_at', { withTimezone: true }),
});
