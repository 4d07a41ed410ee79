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

/** What an enquiry is: a co-op asking to join the network, or a client's brief for work (a lead). */
export const enquiryKinds = ['join', 'brief'] as const;
export type EnquiryKind = (typeof enquiryKinds)[number];

export const enquiryStatuses = ['new', 'contacted', 'proposed', 'approved', 'declined'] as const;
export type EnquiryStatus = (typeof enquiryStatuses)[number];

export const leadStatuses = ['new', 'forwarded', 'in-conversation', 'won', 'lost', 'closed'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

/** The statuses an enquiry of each kind may have. */
export const statusesOf = { join: enquiryStatuses, brief: leadStatuses } as const satisfies Record<
  EnquiryKind,
  readonly string[]
>;

/** Statuses after which nothing more is expected: the retention period runs from them. */
export const closedStatuses = ['approved', 'declined', 'won', 'lost', 'closed'] as const;

const inList = (values: readonly string[]) => sql.raw(`(${values.map((value) => `'${value}'`).join(', ')})`);

/**
 * Join enquiries and briefs in one table: they share who sent them, the text, the status and note, the outbox,
 * idempotency and the triage list. The columns only one kind has are null for the other, and the checks below
 * make each kind's own columns required for it, and its status one of its own.
 */
export const enquiries = pgTable(
  'enquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: enquiryKinds }).notNull().default('join'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    /** Join: the town or region of the co-op. Brief: where the client is, if they said (null when they did not). */
    location: text('location'),
    /** Join: about the co-op and its services. Brief: what the client needs. */
    description: text('description').notNull(),
    status: text('status', { enum: [...enquiryStatuses, ...leadStatuses.slice(1)] })
      .notNull()
      .default('new'),
    note: text('note').notNull().default(''),
    /** When its personal fields were removed (erased by an admin, or by the retention rule); null until then. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    // Join enquiries only.
    coopName: text('coop_name'),
    website: text('website'),
    legalForm: text('legal_form'),
    evidenceUrl: text('evidence_url'),
    // Briefs only.
    organisation: text('organisation'),
    /** Service slugs from content/services/, as the client chose them. */
    services: text('services').array(),
    /** Technologies as the client named them; matching reads them as slugs. */
    technologies: text('technologies').array(),
    budget: text('budget'),
    timescale: text('timescale'),
    remote: boolean('remote'),
  },
  (table) => [
    index('enquiries_created_at_idx').on(table.createdAt),
    check('enquiries_kind_check', sql`${table.kind} in ${inList(enquiryKinds)}`),
    check(
      'enquiries_status_check',
      sql`(${table.kind} = 'join' and ${table.status} in ${inList(enquiryStatuses)}) or (${table.kind} = 'brief' and ${table.status} in ${inList(leadStatuses)})`,
    ),
    check(
      'enquiries_join_check',
      sql`${table.kind} <> 'join' or (${table.coopName} is not null and ${table.legalForm} is not null and ${table.location} is not null)`,
    ),
    check(
      'enquiries_brief_check',
      sql`${table.kind} <> 'brief' or (${table.organisation} is not null and ${table.services} is not null and ${table.technologies} is not null and ${table.budget} is not null and ${table.timescale} is not null and ${table.remote} is not null)`,
    ),
  ],
);

export const mailKinds = ['notification', 'receipt', 'sign-in', 'forward'] as const;
export type MailKind = (typeof mailKinds)[number];

/**
 * Mail to send, written in the same transaction as what it is about so a crash cannot lose it: an enquiry's
 * notification and receipt, a brief forwarded to a co-op, or a person's sign-in link. The link is kept only until
 * it is sent, then cleared.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enquiryId: uuid('enquiry_id').references(() => enquiries.id),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The sign-in link, while it waits to be sent. */
    link: text('link'),
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
      sql`(${table.kind} = 'sign-in' and ${table.userId} is not null and ${table.enquiryId} is null) or (${table.kind} <> 'sign-in' and ${table.enquiryId} is not null)`,
    ),
    check('outbox_coop_check', sql`(${table.kind} = 'forward') = (${table.coopSlug} is not null)`),
  ],
);

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

export const limitScopes = ['join', 'briefs', 'receipts', 'sign-in-address', 'sign-in-client'] as const;
export type LimitScope = (typeof limitScopes)[number];

/**
 * Counts per fixed window, in the database so every instance counts against one limit: join enquiries and briefs
 * per client (`join`, `briefs`), receipts mailed to applicants, for everyone at once (`receipts`), and sign-in
 * requests per address and per client.
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

export const roles = ['member', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * The people who may sign in (better-auth's `user` model). `member`s triage enquiries; `admin`s also manage
 * accounts. A disabled person keeps their row, so the audit trail still names them, but cannot sign in.
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
  (table) => [check('users_role_check', sql`${table.role} in ('member', 'admin')`)],
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
