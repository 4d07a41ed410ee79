import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmsCollections, knownPlaceholdersPattern, withoutFlags } from '@/lib/cms/collections';
import { cmsSetup } from '@/lib/cms/config';
import { cmsPage } from '@/lib/cms/page';
import { coopSchema, documentSchemas, logoFolder, pageSchema } from '@/lib/content/schema';
import { logoPath } from '@/lib/content/logo';
import { fillPlaceholders } from '@/lib/markdown';
import { parseSettings } from '@/lib/settings';

const gitlab = {
  CMS_GITLAB_URL: 'https://git.coop/',
  CMS_GITLAB_REPO: 'cotech/website',
  CMS_GITLAB_APP_ID: 'abc123',
};

describe('the CMS configuration', () => {
  it('signs in to the configured GitLab with PKCE and publishes through merge requests', () => {
    const setup = cmsSetup(parseSettings({ ...gitlab, CMS_GITLAB_BRANCH: 'content' }), false);
    if (!setup.configured) throw new Error(setup.problems.join());
    expect(setup.config.backend).toEqual({
      name: 'gitlab',
      repo: 'cotech/website',
      branch: 'content',
      auth_type: 'pkce',
      app_id: 'abc123',
      base_url: 'https://git.coop',
      api_root: 'https://git.coop/api/v4',
      auth_endpoint: 'oauth/authorize',
    });
    expect(setup.config.publish_mode).toBe('editorial_workflow');
    expect(setup.connectOrigins).toEqual(['https://git.coop']);
  });

  it('never uses the local backend outside the development server, whatever the environment says', () => {
    const setup = cmsSetup(parseSettings({ ...gitlab, CMS_LOCAL_BACKEND_PORT: '8081' }), false);
    expect(JSON.stringify(setup)).not.toMatch(/proxy|local_backend|:8081/);
    expect(cmsSetup(parseSettings({ CMS_LOCAL_BACKEND_PORT: '8081' }), false).configured).toBe(false);
  });

  it('says which variables are not set, and configures nothing', () => {
    expect(cmsSetup(parseSettings({}), false)).toEqual({
      configured: false,
      problems: ['CMS_GITLAB_URL is not set', 'CMS_GITLAB_REPO is not set', 'CMS_GITLAB_APP_ID is not set'],
    });
  });

  it('edits the working tree through the local backend under the development server', () => {
    const setup = cmsSetup(parseSettings({ ...gitlab }), true);
    expect(setup).toMatchObject({
      configured: true,
      config: { backend: { name: 'proxy', proxy_url: 'http://localhost:8081/api/v1' } },
      connectOrigins: ['http://localhost:8081'],
    });
    expect(cmsSetup(parseSettings({ CMS_LOCAL_BACKEND_PORT: '3999' }), true)).toMatchObject({
      connectOrigins: ['http://localhost:3999'],
    });
  });
});

describe('the CMS collections', () => {
  const collections = cmsCollections();
  const collection = (name: string) => collections.find((c) => c.name === name);
  const field = (collectionName: string, name: string) =>
    collection(collectionName)?.fields.find((f) => f.name === name);

  it('has one collection per document type, with every field the content build declares', () => {
    expect(collections.map((c) => c.folder).sort()).toEqual(documentSchemas.map((s) => `content/${s.folder}`).sort());
    for (const schema of documentSchemas) {
      const shown = Object.entries(schema.fields).filter(([, f]) => f.inCms !== false);
      expect(collection(schema.folder)?.fields.map((f) => f.name)).toEqual([...shown.map(([name]) => name), 'body']);
    }
  });

  it('requires what the build requires', () => {
    expect(field('pages', 'title')).toMatchObject({ required: true });
    expect(field('pages', 'heading')).toMatchObject({ required: false });
    expect(field('pages', 'date')).toMatchObject({ widget: 'datetime' });
    expect(field('coops', 'name')).toMatchObject({ required: true });
    expect(field('work', 'coops')).toMatchObject({ required: true, min: 1 });
    // An optional image: its parts are not required until there is one, which the build checks.
    expect(field('work', 'image')).toMatchObject({ required: false, widget: 'object' });
    expect(field('work', 'image')?.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'src', required: false })]),
    );
  });

  it('offers a co-op the services and technologies that have files, by their slugs', () => {
    for (const name of ['services', 'technologies'] as const) {
      expect(coopSchema.fields[name].references).toBe(name);
      expect(field('coops', name)).toMatchObject({
        widget: 'relation',
        collection: name,
        multiple: true,
        value_field: '{{slug}}',
      });
    }
  });

  it('starts a new co-op as a member, and writes an optional switch only when the editor sets it', () => {
    expect(field('coops', 'member')).toMatchObject({ widget: 'boolean', default: true });
    expect(field('coops', 'showEmail')).toMatchObject({ widget: 'boolean', required: false });
    expect(field('coops', 'showEmail')).not.toHaveProperty('default');
    expect(field('coops', 'email')).toMatchObject({ widget: 'string', required: false, pattern: expect.any(Array) });
  });

  it("leaves the pages' Jekyll fields out of the editor, and so in the file as they are", () => {
    expect(pageSchema.fields.layout).toBeDefined();
    expect(field('pages', 'layout')).toBeUndefined();
    expect(field('pages', 'comments')).toBeUndefined();
  });
});

describe('the placeholder rule', () => {
  const pattern = new RegExp(knownPlaceholdersPattern());

  it('accepts Markdown exactly when the build fills every placeholder in it', () => {
    const samples = [
      'Join [the forum]({{ site.forum }}).',
      'Mail {{site.email}} or see {{ site.wiki }}',
      'Ask on {{ site.forums }}.',
      'First {{ site.url }}, then {{ site.nope }}',
      '{{ page.title }} is not a site placeholder',
      'No placeholders\n\nat all',
    ];
    for (const markdown of samples) {
      expect(pattern.test(markdown), markdown).toBe(fillPlaceholders(markdown).unknown.length === 0);
    }
    const piece = fc.constantFrom('{{ site.', '{{site.', 'forum', 'forumx', 'url', ' }}', '}}', 'x', '\n', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const markdown = pieces.join('');
        expect(pattern.test(markdown)).toBe(fillPlaceholders(markdown).unknown.length === 0);
      }),
    );
  });
});

describe('the logo rule', () => {
  const logo = cmsCollections()
    .find((c) => c.name === 'coops')
    ?.fields.find((f) => f.name === 'logo');
  // As Decap applies an image field's pattern: compiled from its string with no flags, and tested against the
  // file's name (withFileControl's getValidateValue), while the field writes the path in its public folder.
  const pattern = new RegExp(String((logo?.pattern as [string, string] | undefined)?.[0]));
  const cmsAccepts = (name: string) => pattern.test(name);
  const buildAccepts = (name: string) => logoPath.test(`${logoFolder}/${name}`);

  it('uploads into the folder the build reads logos from, and writes their site path', () => {
    expect(logo).toMatchObject({
      widget: 'image',
      media_folder: `/public${logoFolder}`,
      public_folder: logoFolder,
      choose_url: false,
    });
  });

  it("accepts a logo's file name exactly when the build accepts its path, whatever the case", () => {
    const samples = [
      'acme.svg',
      'Acme.PNG',
      'acme.logo.Svg',
      'code-co-op-logo.svg',
      '.acme.svg',
      'acme.jpg',
      'acme.svg.txt',
      'café.svg',
      'acme logo.svg',
    ];
    for (const name of samples) expect(cmsAccepts(name), name).toBe(buildAccepts(name));
    expect(cmsAccepts('Acme.PNG')).toBe(true);
    const piece = fc.constantFrom('a', 'Z', '9', '-', '_', '.', ' ', 'é', 'svg', 'PNG', 'Svg', 'jpg');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const name = pieces.join('');
        expect(cmsAccepts(name)).toBe(buildAccepts(name));
      }),
    );
  });

  it('refuses a rule Decap could not apply as the build does', () => {
    expect(() => withoutFlags(/a/u)).toThrow('cannot keep the flags u');
    expect(withoutFlags(/^a\.b[c-d]$/)).toBe('^a\\.b[c-d]$');
  });
});

describe('the CMS page', () => {
  it('explains the set-up without loading any script when nothing is configured', () => {
    const setup = cmsSetup(parseSettings({}), false);
    const html = cmsPage(setup);
    expect(html).not.toContain('<script');
    expect(html).toContain('CMS_GITLAB_REPO is not set');
    expect(html).toContain('/cms</code>');
  });

  it('holds the configuration as data that cannot close its element', () => {
    const setup = cmsSetup(parseSettings(gitlab), false);
    if (!setup.configured) throw new Error('not configured');
    const html = cmsPage({ ...setup, config: { ...setup.config, site_url: '</script><script>alert(1)' } });
    expect(html).not.toContain('</script><script>alert');
    const json = /<script type="application\/json" id="cms-config">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(json).site_url).toBe('</script><script>alert(1)');
  });
});
