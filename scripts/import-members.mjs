// One-off import of the network's member data into Markdown that editors maintain from then on:
//   node scripts/import-members.mjs ../shared/data/cotech-members.json
// Writes content/coops/<slug>.md, content/services/<slug>.md and content/technologies/<slug>.md. The committed
// content is the source of truth afterwards; the app never reads the JSON. Re-running overwrites those files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { frontMatter } from './front-matter.mjs';

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/import-members.mjs path/to/cotech-members.json');
  process.exit(1);
}
const data = JSON.parse(readFileSync(source, 'utf8'));

// The data holds a few free-text services and one technology listed twice under two slugs. New services keep
// the co-op's own words; the second Django joins the first so the filter does not offer "Django" twice.
const newServices = { 'web-apps': 'Web Apps', '3d-websites': '3D Websites' };
const serviceAliases = { 'web apps': 'web-apps', '3d websites': '3d-websites' };
const technologyAliases = { 'django-3': 'django-2' };
const services = { ...data.services, ...newServices };
const technologies = Object.fromEntries(Object.entries(data.technologies).filter(([slug]) => !technologyAliases[slug]));

function known(slugs, aliases, names, coop) {
  const mapped = [...new Set((slugs ?? []).map((slug) => aliases[slug] ?? slug))];
  const unknown = mapped.filter((slug) => !(slug in names));
  if (unknown.length) throw new Error(`${coop}: unknown ${unknown.join(', ')}`);
  return mapped;
}

function write(folder, slug, text) {
  mkdirSync(join('content', folder), { recursive: true });
  writeFileSync(join('content', folder, `${slug}.md`), text);
}

for (const [folder, names] of [
  ['services', services],
  ['technologies', technologies],
]) {
  for (const [slug, name] of Object.entries(names)) write(folder, slug, frontMatter({ name }));
}

for (const coop of data.coops) {
  write(
    'coops',
    coop.slug,
    frontMatter({
      name: coop.name,
      member: coop.current_member,
      website: coop.website,
      town: coop.town,
      latitude: coop.latitude,
      longitude: coop.longitude,
      workerMembers: coop.worker_members,
      services: known(coop.services, serviceAliases, services, coop.slug),
      technologies: known(coop.technologies, technologyAliases, technologies, coop.slug),
    }),
  );
}
console.log(
  `wrote ${data.coops.length} co-ops, ${Object.keys(services).length} services, ${Object.keys(technologies).length} technologies`,
);
