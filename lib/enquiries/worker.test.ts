import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMailer, outboxSettings } from './worker';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createMailer without SMTP_URL', () => {
  it('writes each mail to the log instead of dropping it', async () => {
    const log = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await createMailer(undefined).sendMail({
      from: 'contact@coops.tech',
      to: 'ada@example.coop',
      subject: 'We have received your enquiry',
      text: 'Thank you',
    });
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).toContain('SMTP_URL is not set');
    expect(line).toContain('ada@example.coop');
    expect(line).toContain('We have received your enquiry');
  });
});

describe('outboxSettings', () => {
  it('notifies contact@coops.tech and first retries within 30 seconds by default', () => {
    const settings = outboxSettings({});
    expect(settings.notifyTo).toBe('contact@coops.tech');
    expect(settings.retryBaseSeconds).toBeLessThanOrEqual(30);
    expect(outboxSettings({ JOIN_NOTIFY_TO: 'members@example.coop' }).notifyTo).toBe('members@example.coop');
  });
});
