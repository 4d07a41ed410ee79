import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { resetDatabase, storeEnquiry } from '@/test/database';
import { deliverOutbox } from './outbox';
import { validEnquiry } from '@/test/enquiry-data';
import { enquiryMailSettings, outboxSettings } from '@/lib/runtime/site-mail';
import { parseSettings } from '@/lib/settings';
import { createMailer } from './worker';

beforeEach(resetDatabase);
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(closeDb);

describe('createMailer without SMTP_URL', () => {
  it('logs each mail as its kind and enquiry, the domain only of the network’s own, and nothing personal', async () => {
    const enquiry = {
      ...validEnquiry,
      coopName: 'Hopper Digital',
      contactName: 'Grace Hopper',
      email: 'grace.hopper@navy.example',
      location: 'Arlington',
      description: 'Compilers and COBOL.',
      website: 'https://hopper.example/',
      evidenceUrl: 'https://hopper.example/rules.pdf',
    };
    const { id } = await storeEnquiry(enquiry);
    const log = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const chosen = parseSettings({ JOIN_NOTIFY_TO: 'members@coops.example' });
    const settings = outboxSettings(chosen, { ...enquiryMailSettings(chosen), adminUrl: 'https://coops.example' });
    expect(await deliverOutbox(await getDb(), createMailer(undefined), settings)).toBe(2);
    const lines = log.mock.calls.map((call) => String(call[0])).sort();
    expect(lines).toEqual([
      `mail (SMTP_URL is not set, so logged, not sent): notification for enquiry ${id} to coops.example`,
      `mail (SMTP_URL is not set, so logged, not sent): receipt for enquiry ${id}`,
    ]);
    const personal = [
      enquiry.coopName,
      enquiry.contactName,
      enquiry.email,
      'grace.hopper',
      enquiry.location,
      enquiry.description,
      enquiry.website,
      enquiry.evidenceUrl,
      'Hopper',
      'Grace',
      'navy.example',
    ];
    for (const line of lines) for (const value of personal) expect(line).not.toContain(value);
  });
});

describe('outboxSettings', () => {
  it('notifies contact@coops.tech and first retries within 30 seconds by default', () => {
    expect(enquiryMailSettings(parseSettings({})).notifyTo).toBe('contact@coops.tech');
    expect(outboxSettings(parseSettings({})).retryBaseSeconds).toBeLessThanOrEqual(30);
    const chosen = parseSettings({ JOIN_NOTIFY_TO: 'members@example.coop' });
    expect(enquiryMailSettings(chosen).notifyTo).toBe('members@example.coop');
  });
});
