import 'server-only';
import { allFieldsOf, type KindDescription } from '@/lib/enquiry-kinds/kind';
import type { DirectoryList, KindContext } from '@/lib/enquiry-kinds/field';
import { hireCoops } from '@/lib/coops/hire-coops';
import { hireServices } from '@/lib/coops/services';

/** An option a form offers: its value, and the words shown. */
export type Choice = { value: string; label: string };

/** The directory's lists an enquiry form offers, by the name a field's `optionsFrom` gives. */
const lists: Readonly<Record<DirectoryList, readonly { slug: string; name: string }[]>> = {
  services: hireServices,
  coops: hireCoops,
};

/** The options of a directory list. */
export const directoryChoices = (list: DirectoryList): Choice[] =>
  lists[list].map(({ slug, name }) => ({ value: slug, label: name }));

/** A kind's fields that take their options from the directory, each with its options, by field name. */
export function choicesFor(kind: KindDescription): Readonly<Record<string, readonly Choice[]>> {
  return Object.fromEntries(
    allFieldsOf(kind).flatMap((field) =>
      field.optionsFrom ? [[field.name, directoryChoices(field.optionsFrom)]] : [],
    ),
  );
}

const slugsOf = (list: DirectoryList) => lists[list].map(({ slug }) => slug);

/** What the server checks a kind's values against: the same lists. */
export const kindContext: KindContext = { serviceSlugs: slugsOf('services'), coopSlugs: slugsOf('coops') };
