import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { departingCoop, proposalCoop } from '@/playwright.config';
import { startGitServer } from '@/test/git-server';
import { startSmtpSink } from '@/test/smtp-sink';

/**
 * The content repository the production test server pushes proposals to (CONTENT_GIT_URL in playwright.config.ts):
 * a bare repository holding the co-op the tests propose changes to, served by `git http-backend` with a hook that
 * records the push options. The test workers read it by its path, E2E_GIT_BARE.
 *
 * The SMTP sink the production test server mails to (SMTP_URL in playwright.config.ts). Test workers are other
 * processes, so each mail is written to E2E_MAIL_DIR as one JSON file, which e2e/mailbox.ts reads. Written under
 * another name and then renamed, so a reader polling the folder never parses half a file.
 */
export default async function globalSetup() {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: playwright.config.ts sets it');
  let count = 0;
  const sink = await startSmtpSink(Number(process.env.E2E_SMTP_PORT), (mail) => {
    count += 1;
    const file = join(dir, `${Date.now()}-${String(count).padStart(6, '0')}.json`);
    writeFileSync(
      `${file}.partial`,
      JSON.stringify({
        to: mail.to,
        replyTo: mail.parsed.replyTo?.text,
        subject: mail.parsed.subject,
        text: mail.parsed.text,
      }),
    );
    renameSync(`${file}.partial`, file);
  });
  const git = await startGitServer({ coops: [proposalCoop, departingCoop], port: Number(process.env.E2E_GIT_PORT) });
  process.env.E2E_GIT_BARE = git.bare;
  return async () => {
    await Promise.all([sink.close(), git.close()]);
  };
}
