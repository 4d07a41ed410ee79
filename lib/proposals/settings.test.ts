import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '@/lib/settings';
import { proposalSettings } from './settings';

describe('the proposals worker as the site sets it up', () => {
  it('pushes to a repository under DATA_DIR for merge requests into main, unless told otherwise', () => {
    const settings = proposalSettings(parseSettings({ DATA_DIR: '/srv/cotech/.data' }));
    expect(settings).toMatchObject({
      address: undefined,
      target: 'main',
      workDir: join('/srv/cotech/.data', 'proposals'),
      retryBaseSeconds: 60,
    });
    expect(settings.leaseSeconds * 1000).toBeGreaterThan(9 * settings.timeoutMs);
  });

  it('targets the branch the site is built from, and pushes to CONTENT_GIT_URL', () => {
    const address = 'https://gitlab+deploy-token-1:tok@gitlab.example/cotech/website.git';
    const settings = proposalSettings(
      parseSettings({ CONTENT_GIT_URL: address, CMS_GITLAB_BRANCH: 'content', PROPOSALS_RETRY_SECONDS: '5' }),
    );
    expect(settings).toMatchObject({ address, target: 'content', retryBaseSeconds: 5 });
  });
});
