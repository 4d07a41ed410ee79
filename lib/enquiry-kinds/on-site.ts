// Where the enquiry kinds are on the site, derived from the registry (lib/enquiry-kinds/index.ts) and nowhere else
// written down: the pages that carry a form and their thanks pages, the API routes, the navigation, the privacy
// notice's sections, the admin's words. Each takes the list of kinds, the registry's by default, so that a kind
// described in a test shows in every place (lib/enquiry-kinds/registry.test.ts).
import { enquiryKindList, type EnquiryKindDescription } from './index';
import { allFieldsOf, pagePathOf, thanksPathOf, type KindDescription } from './kind';

type Kinds = readonly KindDescription[];

/** The kind whose form is on the content page `slug`, if any. */
export function kindOnPage<K extends KindDescription = EnquiryKindDescription>(
  slug: string,
  kinds: readonly K[] = enquiryKindList as readonly KindDescription[] as readonly K[],
): K | undefined {
  return kinds.find((kind) => kind.site.page === slug);
}

/** The kind posted to `/api/PATH`, if any. */
export function kindAtEndpoint<K extends KindDescription = EnquiryKindDescription>(
  path: string,
  kinds: readonly K[] = enquiryKindList as readonly KindDescription[] as readonly K[],
): K | undefined {
  return kinds.find((kind) => kind.endpoint.path === path);
}

/** An enquiry's admin page's title, by its kind's name; a generic one for a kind the registry does not have. */
export const enquiryTitle = (kind: string, kinds: Kinds = enquiryKindList): string =>
  kinds.find((description) => description.kind === kind)?.site.admin.title ?? 'Enquiry';

/** Every kind's thanks page: pages of their own, which the sitemap and the redirects' checks know. */
export const thanksPaths = (kinds: Kinds = enquiryKindList): string[] => kinds.map(thanksPathOf);

export type NavLink = { readonly href: string; readonly label: string };

/**
 * The site's navigation: `base`, with each kind's page after the link its description names. A kind that names a
 * link the navigation does not have is an error, not a link left out.
 */
export function navigationWith(base: readonly NavLink[], kinds: Kinds = enquiryKindList): NavLink[] {
  const links = [...base];
  for (const kind of kinds) {
    const after = links.findIndex((link) => link.href === kind.site.nav.after);
    if (after < 0) throw new Error(`The ${kind.kind} enquiry's page goes after ${kind.site.nav.after}, not a link`);
    links.splice(after + 1, 0, { href: pagePathOf(kind), label: kind.site.nav.label });
  }
  return links;
}

/** "a, b and c". */
const listed = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** What a kind's enquiries keep, in the privacy notice's words, in the form's order. */
const storedOf = (kind: KindDescription) => allFieldsOf(kind).flatMap((field) => (field.column ? [field] : []));

/**
 * The privacy notice's section for each kind (its `{{ site.enquiryForms }}`), in Markdown: what its form stores,
 * in the words each field's column gives, who is mailed, and, for a kind members forward, who else is sent it.
 */
export function privacySections(kinds: Kinds = enquiryKindList): string {
  return kinds
    .map((kind) => {
      const { privacy } = kind.site;
      const noun = kind.form.noun;
      const stored = listed(storedOf(kind).map((field) => field.column?.stored ?? ''));
      const paragraphs = [
        `## ${privacy.heading}`,
        `When ${privacy.sender} with [our ${noun} form](${pagePathOf(kind)}), we store what you send: ${stored}. ` +
          `We also store when it arrived, and the status and notes our members add ${privacy.handling}.`,
        'We send a notification with these details to the network’s members and a short receipt to the address ' +
          'you gave.' +
          (kind.site.forwardable
            ? ` When members pass your ${noun} on, each member co-op they choose is sent it by email, with your ` +
              'address to reply to; the site records which co-ops were sent it, when and by whom.'
            : ''),
      ];
      return paragraphs.join('\n\n');
    })
    .join('\n\n');
}

/** What an erasure leaves of an enquiry of this kind, as members see it: its values that are not personal. */
export function keptOnErasure(kind: KindDescription): string {
  return listed([
    ...storedOf(kind).flatMap((field) => (field.personal || !field.shown ? [] : [field.shown.label.toLowerCase()])),
    'status',
  ]);
}
