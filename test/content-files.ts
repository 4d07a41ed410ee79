// The committed content as the browser tests check the pages against it: read from content/ with plain file reads,
// independently of the app, by the e2e suite and by the life suite (e2e/life/) alike.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const content = join(__dirname, '../content');

/** The slugs of the Markdown files in one content folder. */
export function slugsIn(folder: string): string[] {
  return readdirSync(join(content, folder))
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.replace(/\.md$/, ''))
    .sort();
}

/** One content file's Markdown. */
export const markdownOf = (folder: string, slug: string) => readFileSync(join(content, folder, `${slug}.md`), 'utf8');

/** One plain scalar from a file's front matter (the tests read the few they check, independently of the app). */
function frontMatterValue(markdown: string, key: string): string | undefined {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? '';
  const value = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(frontMatter)?.[1]?.trim();
  return value ? value.replace(/^(["'])(.*)\1$/, '$2') : undefined;
}

/** The co-ops as committed in content/coops/, with the facts the e2e tests check the pages against. */
export const coopFiles = slugsIn('coops').map((slug) => {
  const value = (key: string) => frontMatterValue(markdownOf('coops', slug), key);
  return {
    slug,
    name: value('name') ?? slug,
    member: value('member') === 'true',
    /** Where briefs forwarded to it go; none means the network's fallback address. */
    email: value('email'),
    town: value('town'),
    located: value('latitude') !== undefined && value('longitude') !== undefined,
    workerMembers: Number(value('workerMembers') ?? 0),
  };
});

export const memberFiles = coopFiles.filter((coop) => coop.member);

/** A name per slug of a content folder whose files have a `name` (co-ops, services, technologies). */
export function namesIn(folder: 'coops' | 'services' | 'technologies'): Map<string, string> {
  return new Map(slugsIn(folder).map((slug) => [slug, frontMatterValue(markdownOf(folder, slug), 'name') ?? slug]));
}
