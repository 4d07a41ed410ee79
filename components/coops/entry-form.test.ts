import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { editableFields } from '@/lib/proposals/entry-fields';
import { checkProposal, entryValues } from '@/lib/proposals/form';
import { directory } from '@/lib/coops';
import { formDataOf } from '@/test/form-data';
import { EntryForm } from './entry-form';

// The form as the account page renders it for a real entry, submitted as a browser would: it has an input for every
// field the server reads, sent unchanged it proposes nothing, and with any one input dropped it deletes nothing.
const coop = directory.coops.find((entry) => entry.website && entry.services?.length && entry.town);
if (!coop) throw new Error('the directory needs a co-op with a website, services and a town');
const current = entryValues(coop);
const terms = (list: readonly { slug: string; name: string; url: string }[]) =>
  list.map(({ slug, name, url }) => ({ slug, name, url }));
const choices = {
  services: directory.services.map((service) => service.slug),
  technologies: directory.technologies.map((technology) => technology.slug),
};
const html = renderToStaticMarkup(
  createElement(EntryForm, {
    action: async () => ({}),
    permalink: `/account/coops/${coop.slug}`,
    coop: { slug: coop.slug, name: coop.name, member: coop.member },
    current,
    services: terms(directory.services),
    technologies: terms(directory.technologies),
  }),
);
const rendered = () => formDataOf(html);

describe('the entry form', () => {
  it.each(editableFields)('sends %s, ticked or not', (name) => {
    expect(rendered().has(name)).toBe(true);
  });

  it('sent as it is rendered proposes nothing', async () => {
    expect(await checkProposal(rendered(), coop.slug, current, choices)).toMatchObject({
      ok: false,
      errors: { form: expect.stringContaining('Nothing has changed') },
    });
  });

  it.each(editableFields)('with the input of %s dropped changes only what was changed', async (name) => {
    const data = rendered();
    data.delete(name);
    const [other, value] = name === 'town' ? ['name', `${coop.name} Co-op`] : ['town', 'Somewhere New'];
    data.set(other, value);
    const checked = await checkProposal(data, coop.slug, current, choices);
    expect(checked.ok && checked.changes).toEqual({ [other]: value });
  });
});
