// The CMS's configuration, from the environment, read per request (app/cms/route.ts) so a deployment configures its
// Git host without a rebuild. The CSP of /cms is made from the same result (proxy.ts): it allows the Git host this
// configuration talks to and nothing else.
import { z } from 'zod';
import { cmsCollections, type CmsCollection } from '@/lib/cms/collections';
import { site } from '@/lib/site';

/** Where `npm run dev` runs the local backend (scripts/cms-local-backend.mjs) unless CMS_LOCAL_BACKEND_PORT says. */
export const defaultLocalBackendPort = 8081;

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

/** The variables an admin sets for the CMS, documented in the README. */
export const cmsVariables = ['CMS_GITLAB_URL', 'CMS_GITLAB_REPO', 'CMS_GITLAB_APP_ID', 'CMS_GITLAB_BRANCH'] as const;

const gitlabEnvironment = z.object({
  CMS_GITLAB_URL: z
    .url({ protocol: /^https$/, error: 'CMS_GITLAB_URL must be the https address of the GitLab server' })
    .transform((value) => value.replace(/\/+$/, '')),
  CMS_GITLAB_REPO: z
    .string({ error: 'CMS_GITLAB_REPO is not set' })
    .regex(/^[\w.-]+(\/[\w.-]+)+$/, 'CMS_GITLAB_REPO must be the project path, such as cotech/website'),
  CMS_GITLAB_APP_ID: z
    .string({ error: 'CMS_GITLAB_APP_ID is not set' })
    .regex(/^[\w-]+$/, "CMS_GITLAB_APP_ID must be the OAuth application's ID"),
  CMS_GITLAB_BRANCH: z
    .string()
    .regex(/^[\w./-]+$/, 'CMS_GITLAB_BRANCH must be a branch name')
    .default('main'),
});

const localPort = z.coerce.number().int().min(1).max(65535).default(defaultLocalBackendPort);

const cmsSettings = [...cmsVariables, 'CMS_LOCAL_BACKEND_PORT'] as const;
type CmsEnvironment = Readonly<Partial<Record<(typeof cmsSettings)[number], string>>>;

const blankAsUnset = (env: CmsEnvironment) =>
  Object.fromEntries(
    cmsSettings.flatMap((name) => {
      const value = env[name];
      return value !== undefined && value.trim() !== '' ? [[name, value]] : [];
    }),
  );

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
export function cmsSetup(env: CmsEnvironment, development: boolean): CmsSetup {
  const values = blankAsUnset(env);
  if (development) {
    const port = localPort.safeParse(values.CMS_LOCAL_BACKEND_PORT);
    if (!port.success) return { configured: false, problems: ['CMS_LOCAL_BACKEND_PORT must be a port number'] };
    const origin = `http://localhost:${port.data}`;
    return {
      configured: true,
      config: { backend: { name: 'proxy', proxy_url: `${origin}/api/v1`, branch: 'main' }, ...common() },
      connectOrigins: [origin],
    };
  }
  const parsed = gitlabEnvironment.safeParse(values);
  if (!parsed.success) return { configured: false, problems: parsed.error.issues.map((issue) => issue.message) };
  const gitlab = parsed.data;
  return {
    configured: true,
    config: {
      backend: {
        name: 'gitlab',
        repo: gitlab.CMS_GITLAB_REPO,
        branch: gitlab.CMS_GITLAB_BRANCH,
        auth_type: 'pkce',
        app_id: gitlab.CMS_GITLAB_APP_ID,
        base_url: gitlab.CMS_GITLAB_URL,
        api_root: `${gitlab.CMS_GITLAB_URL}/api/v4`,
        auth_endpoint: 'oauth/authorize',
      },
      publish_mode: 'editorial_workflow',
      ...common(),
    },
    connectOrigins: [new URL(gitlab.CMS_GITLAB_URL).origin],
  };
}
