import { navigationWith, privacySections } from './enquiry-kinds/on-site';
import { settings } from './settings';

/**
 * The one typed site config. Every page, the Markdown placeholders (`{{ site.forum }}`), the metadata and the
 * sitemap read their facts from here.
 */
export const site = {
  name: 'Co-operative Technologists',
  shortName: 'CoTech',
  description:
    'CoTech is a network of UK co-operatives that sell tech and digital services, owned and democratically run by their workers.',
  /** Absolute origin used for canonical URLs, Open Graph and the sitemap; set `SITE_URL` in production. */
  url: new URL(settings().SITE_URL).origin,
  /** The pages' language (`<html lang>`), and the same as Open Graph writes it. */
  language: 'en-GB',
  locale: 'en_GB',
  email: 'contact@coops.tech',
  forum: 'https://community.coops.tech/',
  wiki: 'https://wiki.coops.tech/',
  loomio: 'https://www.loomio.org/g/oVwtKDOn/digital-co-ops',
  /** The navigation: these, with each enquiry kind's page where its description puts it (Hire a co-op, Join). */
  nav: navigationWith([
    { href: '/', label: 'Home' },
    { href: '/members', label: 'Members' },
    { href: '/service', label: 'Services' },
    { href: '/work', label: 'Our work' },
    { href: '/about', label: 'About' },
  ]),
} as const;

/** Values an editor may use in Markdown as `{{ site.NAME }}`. */
export const placeholders: Readonly<Record<string, string>> = {
  name: site.name,
  email: site.email,
  forum: site.forum,
  wiki: site.wiki,
  loomio: site.loomio,
  url: site.url,
  // A block, on a line of its own: each enquiry form's section of the privacy notice (content/pages/privacy.md).
  enquiryForms: privacySections(),
};
