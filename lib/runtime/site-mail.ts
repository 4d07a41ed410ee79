// The outbox's composer for the running site: it joins the mails of every kind (lib/enquiries, lib/hire, lib/auth,
// lib/coops) into the one function the outbox (lib/mail) calls. It lives here, with the rest of the site's wiring,
// rather than in lib/mail: each of those folders composes its mail with lib/mail/compose.ts, so lib/mail importing
// them back would make a cycle of folders (lib/layers.test.ts).
import 'server-only';
import { inArray } from 'drizzle-orm';
import { composeSignInMail, signInLinkMinutes } from '@/lib/auth/sign-in-mail';
import { composeInvitationMail } from '@/lib/auth/invitation-mail';
import { composeReviewMail } from '@/lib/coops/review-mail';
import { allLinks } from '@/lib/coops/people';
import type { Database } from '@/lib/db';
import { enquiries, membershipDecisions, users } from '@/lib/db/schema';
import { composeDeclineMail, composeWelcomeMail } from '@/lib/membership/text';
import {
  composeForwardMail,
  composeNotification,
  composeReceipt,
  type EnquiryMailSettings,
} from '@/lib/enquiries/mail';
import { coopContacts, recipientsOf } from '@/lib/hire/forwarding';
import type { Composer, OutboxSettings } from '@/lib/mail/outbox';
import { directory } from '@/lib/coops';
import { coopNames } from '@/lib/coops/hire-coops';
import { serviceNames } from '@/lib/coops/services';
import type { Settings } from '@/lib/settings';
import { site } from '@/lib/site';

const ids = (values: readonly (string | null)[]) => [...new Set(values.filter((value) => value !== null))];

/**
 * Every mail the site sends, each written by what it is about: an enquiry's, a forwarded brief, a sign-in link, a
 * co-op's review reminder, a person's invitation.
 */
export function siteComposer(settings: EnquiryMailSettings): Composer {
  return async (db: Database, rows) => {
    const enquiryIds = ids(rows.map((row) => row.enquiryId));
    const userIds = ids(rows.map((row) => row.userId));
    const enquiriesById = new Map(
      (enquiryIds.length ? await db.select().from(enquiries).where(inArray(enquiries.id, enquiryIds)) : []).map(
        (enquiry) => [enquiry.id, enquiry],
      ),
    );
    const forwardedTo = ids(rows.map((row) => (row.kind === 'forward' ? row.coopSlug : null)));
    // Read when the mail is sent: a contact linked or unlinked since the brief was forwarded counts.
    const recipients = await recipientsOf(db, forwardedTo, settings.coops);
    const usersById = new Map(
      (userIds.length ? await db.select().from(users).where(inArray(users.id, userIds)) : []).map((user) => [
        user.id,
        user,
      ]),
    );
    const decided = ids(rows.map((row) => (row.kind === 'welcome' || row.kind === 'decline' ? row.enquiryId : null)));
    const decisions = new Map(
      (decided.length
        ? await db.select().from(membershipDecisions).where(inArray(membershipDecisions.enquiryId, decided))
        : []
      ).map((decision) => [decision.enquiryId, decision]),
    );
    const invited = ids(rows.map((row) => (row.kind === 'invitation' ? row.userId : null)));
    const coopsOfInvited = await allLinks(db, invited);
    return (row) => {
      if (row.kind === 'invitation') {
        const user = row.userId ? usersById.get(row.userId) : undefined;
        if (!user) throw new Error(`invitation ${row.id} has no person`);
        const coops = (coopsOfInvited.get(user.id) ?? []).map((slug) => directory.getCoop(slug)?.name ?? slug);
        return [composeInvitationMail(user, coops), { kind: 'invitation', userId: user.id }];
      }
      if (row.kind === 'sign-in') {
        const user = row.userId ? usersById.get(row.userId) : undefined;
        if (!user || !row.link || !row.code) throw new Error(`sign-in mail ${row.id} has no person, link or code`);
        return [
          composeSignInMail(user.email, row.link, row.code),
          { kind: 'sign-in', userId: user.id, link: row.link, code: row.code },
        ];
      }
      if (row.kind === 'review') {
        const user = row.userId ? usersById.get(row.userId) : undefined;
        const coop = row.coopSlug ? directory.getCoop(row.coopSlug) : undefined;
        if (!user || !coop) throw new Error(`review mail ${row.id} has no person or co-op`);
        return [composeReviewMail(user.email, coop), { kind: 'review', userId: user.id, coop: coop.slug }];
      }
      const enquiry = row.enquiryId ? enquiriesById.get(row.enquiryId) : undefined;
      if (!enquiry) throw new Error(`enquiry ${row.enquiryId} not found`);
      if (row.kind === 'welcome' || row.kind === 'decline') {
        const decision = decisions.get(enquiry.id);
        const mail =
          row.kind === 'welcome'
            ? decision?.slug && composeWelcomeMail(enquiry, decision.slug)
            : decision?.reply && composeDeclineMail(enquiry, decision.reply);
        if (!mail) throw new Error(`${row.kind} mail ${row.id}: the decision on enquiry ${enquiry.id} is not recorded`);
        return [mail, { kind: row.kind, enquiryId: enquiry.id }];
      }
      const recipient = row.kind === 'forward' ? recipients.get(row.coopSlug ?? '') : undefined;
      if (row.kind === 'forward' && !recipient) {
        throw new Error(`co-op ${row.coopSlug} is not a current member: brief ${enquiry.id} not forwarded to it`);
      }
      const mail = recipient
        ? composeForwardMail(enquiry, recipient, settings)
        : row.kind === 'receipt'
          ? composeReceipt(enquiry)
          : composeNotification(enquiry, settings);
      return [mail, { kind: row.kind, enquiryId: enquiry.id }];
    };
  };
}

/** What the enquiries' mails need to know of the site and its directory. */
export function enquiryMailSettings(settings: Pick<Settings, 'JOIN_NOTIFY_TO'>): EnquiryMailSettings {
  return {
    notifyTo: settings.JOIN_NOTIFY_TO ?? site.email,
    adminUrl: site.url,
    serviceNames,
    coopNames,
    coops: coopContacts,
  };
}

/** The outbox as the running site delivers it. */
export function outboxSettings(
  settings: Pick<Settings, 'JOIN_NOTIFY_TO' | 'MAIL_FROM' | 'OUTBOX_RETRY_SECONDS'>,
  mail: EnquiryMailSettings = enquiryMailSettings(settings),
): OutboxSettings {
  return {
    from: settings.MAIL_FROM ?? `${site.name} <${site.email}>`,
    compose: siteComposer(mail),
    expiresAfterMinutes: { 'sign-in': signInLinkMinutes },
    retryBaseSeconds: settings.OUTBOX_RETRY_SECONDS,
    leaseSeconds: 120,
  };
}
