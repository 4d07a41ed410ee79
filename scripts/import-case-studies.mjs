// One-off import of the network's case studies into Markdown that editors maintain from then on:
//   npm exec -- node scripts/import-case-studies.mjs ../shared/data/cotech-case-studies.json
// Writes content/work/<slug>.md and the services it adds to content/services/. The committed content is the source
// of truth afterwards; the app never reads the JSON. Re-running overwrites those files.
//
// The data carries facts only (client, project, co-ops, services, links), so each body is written from those facts
// and says nothing else.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../lib/slug.ts';
import { frontMatter } from './front-matter.mjs';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/import-case-studies.mjs path/to/cotech-case-studies.json');
  process.exit(1);
}
const data = JSON.parse(readFileSync(source, 'utf8'));

// The case studies name services more broadly than the directory's list. Each maps to the directory's services
// that name the same work; where none does, a service is added (below) so that the case study and its service page
// say what the network's site said.
const serviceMap = {
  'Analytics & Performance Insights': ['analytics'],
  'App Development': ['development'],
  'Branding & Creative Content': ['branding-and-identity'],
  'Co-op & Organisational Development': ['organisational-development'],
  'Complex Data Integration': ['data-integration'],
  'Content Strategy': ['content-strategy'],
  'CRM Solution': ['business-systems'],
  'Digital Marketing & SEO': ['marketing', 'seo-optimisation'],
  'Discovery & Design Sprint': ['ideation'],
  'Game Design': ['game-design'],
  'UX Research & Design': ['user-research'],
  'Web Development': ['development'],
};
const newServices = {
  'content-strategy': 'Content Strategy',
  'data-integration': 'Data Integration',
  'organisational-development': 'Co-op and Organisational Development',
};
// A project named after its kind of work makes a poor address; this one is filed under its client.
const slugOverrides = { 'Comms consultancy and web bulid': 'fuel-poverty-action' };
// Typing slips in the source, corrected rather than published.
const corrections = { 'Comms consultancy and web bulid': 'Comms consultancy and web build' };

/** The co-ops of content/coops/ by name, so the data's names become slugs the build checks. */
const coopSlugs = new Map(
  readdirSync(join('content', 'coops'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const name = /^name:\s*"?(.*?)"?\s*$/m.exec(readFileSync(join('content', 'coops', file), 'utf8'))?.[1] ?? '';
      return [name.toLowerCase(), file.replace(/\.md$/, '')];
    }),
);

function coopSlug(name, project) {
  const slug = coopSlugs.get(name.toLowerCase());
  // A case study must name its co-ops: one that is not in the directory is added there first, not left out.
  if (!slug) throw new Error(`${project}: no co-op named "${name}" in content/coops/; add its file first`);
  return slug;
}

function serviceSlugs(names, project) {
  const unmapped = names.filter((name) => !serviceMap[name]);
  if (unmapped.length) throw new Error(`${project}: no mapping for the services ${unmapped.join(', ')}`);
  return [...new Set(names.flatMap((name) => serviceMap[name]))];
}

/** `UX Research & Design` → `UX research and design`: a service's name inside a sentence. */
function phrase(name) {
  return name
    .replace(/&/g, 'and')
    .split(' ')
    .map((word) => (word === word.toUpperCase() ? word : word.toLowerCase()))
    .join(' ');
}

function listed(items) {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}

/** The body: who did the project for whom, and what it covered, in the data's own words. */
function body({ client, project, coops, services }) {
  const forClient = client === project ? '' : ` for ${client}`;
  const covered = services.length ? ` The work covered ${listed(services.map(phrase))}.` : '';
  return `${project} is a project by ${listed(coops)}${forClient}.${covered}\n`;
}

function write(folder, slug, text) {
  mkdirSync(join('content', folder), { recursive: true });
  writeFileSync(join('content', folder, `${slug}.md`), text);
}

for (const [slug, name] of Object.entries(newServices)) {
  if (!existsSync(join('content', 'services', `${slug}.md`))) write('services', slug, frontMatter({ name }));
}

for (const caseStudy of data.caseStudies) {
  const project = corrections[caseStudy.project] ?? caseStudy.project;
  const slug = slugOverrides[caseStudy.project] ?? slugify(project);
  const fields = {
    client: caseStudy.client,
    project,
    coops: caseStudy.coops.map((name) => coopSlug(name, project)),
    services: serviceSlugs(caseStudy.services, project),
    links: caseStudy.links,
  };
  write('work', slug, frontMatter(fields) + body({ ...caseStudy, project }));
}
console.log(`wrote ${data.caseStudies.length} case studies`);
