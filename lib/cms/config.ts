// The CMS's configuration, from the settings (lib/settings.ts, which checks each variable at start: a bad one, or
// some of the GitLab ones without the others, stops the start), made per request (app/cms/route.ts). The CSP of
// /cms is made from the same result (proxy.ts): it allows the Git host this configuration talks to and nothing else.
import { cmsCollections, type CmsCollection } from '@/lib/cms/collections';
import { cmsGitlabVariables, type Settings } from '@/lib/settings';
import { site } from '@/lib/site';

export type CmsConfig = {
  backend: Record<string, string>;
  publish_mode?: 'editorial_workflow';
  load_config_file: false;
  site_url: string;
  display_url: string;
  media_folder: string;
  public_folder: string;
  collections: CmsCollection[];
};

/** Either the CMS's configuration and the origins it connects to, or why there is none. */
export type CmsSetup =
  { configured: true; config: CmsConfig; connectOrigins: string[] } | { configured: false; problems: string[] };

/** The variables an admin sets for the CMS, documented in docs/cms.md. */
export const cmsVariables = [...cmsGitlabVariables, 'CMS_GITLAB_BRANCH'] as const;

type CmsSettings = Pick<Settings, (typeof cmsVariables)[number] | 'CMS_LOCAL_BACKEND_PORT'>;

/** What every backend shares: the collections, and where uploads go (a co-op's logo names its own folder). */
function common(): Omit<CmsConfig, 'backend'> {
  return {
    load_config_file: false,
    site_url: site.url,
    display_url: site.url,
    media_folder: 'public/images',
    public_folder: '/images',
    collections: cmsCollections(),
  };
}

/**
 * Under `next dev` (`development`), the CMS edits the working tree through the local backend, which `npm run dev`
 * runs; a production build never configures it, whatever the environment says. Otherwise it signs in to GitLab with
 * PKCE (no server of ours, no secret) and publishes through merge requests (the editorial workflow).
 */
export function cmsSetup(settings: CmsSettings, development: boolean): CmsSetup {
  if (development) {
    const origin = `http://localhost:${settings.CMS_LOCAL_BACKEND_PORT}`;
    return {
      configured: true,
      config: { backend: { name: 'proxy', proxy_url: `${origin}/api/v1`, branch: 'main' }, ...common() },
      connectOrigins: [origin],
    };
  }
  const { CMS_GITLAB_URL: url, CMS_GITLAB_REPO: repo, CMS_GITLAB_APP_ID: appId } = settings;
  if (!url || !repo || !appId) {
    return {
      configured: false,
      problems: cmsGitlabVariables.filter((name) => !settings[name]).map((name) => `${name} is not set`),
    };
  }
  return {
    configured: true,
    config: {
      backend: {
        name: 'gitlab',
        repo,
        branch: settings.CMS_GITLAB_BRANCH,
        auth_type: 'pkce',
        app_id: appId,
        base_url: url,
        api_root: `${url}/api/v4`,
        auth_endpoint: 'oauth/authorize',
      },
      publish_mode: 'editorial_workflow',
      ...common(),
    },
    connectOrigins: [new URL(url).origin],
  };
}
