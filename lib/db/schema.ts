import { sql } from 'drizzle-orm';
import {
  bigserial,
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

export const enquiryStatuses = ['new', 'contacted', 'proposed', 'approved', 'declined'] as const;
export type EnquiryStatus = (typeof enquiryStatuses)[number];

export const enquiries = pgTable(
  'enquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    coopName: text('coop_name').notNull(),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    website: text('website'),
    location: text('location').notNull(),
    legalForm: text('legal_form').notNull(),
    description: text('description').notNull(),
    evidenceUrl: text('evidence_url'),
    status: text('status', { enum: enquiryStatuses }).notNull().default('new'),
    note: text('note').notNull().default(''),
  },
  (table) => [
    index('enquiries_created_at_idx').on(table.createdAt),
    check('enquiries_status_check', sql`${table.status} in ('new', 'contacted', 'proposed', 'approved', 'declined')`),
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

export const limitScopes = ['join', 'receipts'] as const;
export type LimitScope = (typeof limitScopes)[number];

/**
 * Counts per fixed window, in the database so every instance counts against one limit: enquiries per client
 * (`join`) and receipts mailed to applicants, for everyone at once (`receipts`).
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
