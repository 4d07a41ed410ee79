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

export const mailKinds = ['notification', 'receipt'] as const;
export type MailKind = (typeof mailKinds)[number];

/** Mail to send, written in the same transaction as its enquiry so a crash cannot lose it. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enquiryId: uuid('enquiry_id')
      .notNull()
      .references(() => enquiries.id),
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

export const limitScopes = ['join', 'briefs', 'receipts'] as const;
export type LimitScope = (typeof limitScopes)[number];

/**
 * Counts per fixed window, in the database so every instance counts against one limit: join enquiries and briefs
 * per client (`join`, `briefs`) and receipts mailed to applicants, for everyone at once (`receipts`).
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
