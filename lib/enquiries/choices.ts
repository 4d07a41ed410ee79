import 'server-only';
import { allFieldsOf, type KindDescription } from '@/lib/enquiry-kinds/kind';
import type { DirectoryList, KindContext } from '@/lib/enquiry-kinds/field';
import { hireCoops } from '@/lib/coops/hire-coops';
import { directory } from '@/lib/coops';
import { offeredServices } from './service-groups';

/**
 * The services a client can ask for in a brief: those current member co-ops offer, in their groups, the most
 * offered first (./service-groups.ts). The brief form, its option pages (/hire/SLUG) and the server's check of a
 * brief all take this list, so the form offers exactly what the server accepts.
 */
export const hireServices = offeredServices(directory.services, directory.membersOffering);

/** An option a form offers: its value, the words shown, and the heading of its group, when its list has groups. */
export type Choice = { value: string; label: string; group?: string };

/** The directory's lists an enquiry form offers, by the name a field's `optionsFrom` gives. */
const lists: Readonly<Record<DirectoryList, readonly { slug: string; name: string; groupLabel?: string }[]>> = {
  services: hireServices,
  coops: hireCoops,
};

/** The options of a directory list. */
export const directoryChoices = (list: DirectoryList): Choice[] =>
  lists[list].map(({ slug, name, groupLabel }) => ({
    value: slug,
    label: name,
    ...(groupLabel && { group: groupLabel }),
  }));

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
