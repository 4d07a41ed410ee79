import type { Metadata } from 'next';
import { type Column, DataTable } from '@/components/data-table';
import { PermalinkForm } from '@/components/admin/permalink-form';
import { formatReceived } from '@/lib/format';
import { addPersonAction, changePersonAction, coopLinkAction } from '@/lib/admin/people-actions';
import { requireAdmin } from '@/lib/admin/require-member';
import { listPeople, type Person } from '@/lib/auth/accounts';
import { allLinks } from '@/lib/coops/people';
import { directory } from '@/lib/coops';
import { getDb } from '@/lib/db';
import { Field, selectControl, textControl } from '@/components/field';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'People', robots: { index: false } };

const problems: Record<string, string> = {
  name: 'Give their name.',
  email: 'Give an email address such as name@example.coop.',
  role: 'Choose contact, member or admin.',
  coop: 'Choose one of the directory’s co-ops.',
  exists: 'That address already has an account.',
  self: 'You cannot disable yourself or change your own role: ask another admin.',
  invalid: 'That change could not be made.',
};

const roleNames = { contact: 'Contact', member: 'Member', admin: 'Admin' } as const;

const coopName = (slug: string) => directory.getCoop(slug)?.name ?? slug;

/** The list's columns, by name as listPeople gives them: `you` is the admin reading, `links` each one's co-ops. */
const columns = (you: string, links: ReadonlyMap<string, readonly string[]>): Column<Person>[] => [
  {
    header: 'Name',
    // The activity list links here, at the person's row.
    cell: (person) => (
      <span id={`person-${person.id}`} className="target:font-bold">
        {person.name}
      </span>
    ),
    rowHeader: true,
    sorted: 'ascending',
  },
  { header: 'Email', cell: (person) => person.email },
  { header: 'Role', cell: (person) => roleNames[person.role] },
  {
    header: 'Status',
    cell: (person) => (person.disabledAt ? `Disabled since ${formatReceived(person.disabledAt)}` : 'Active'),
  },
  {
    header: 'Co-ops',
    cell: (person) => (
      <>
        <ul className="space-y-1">
          {(links.get(person.id) ?? []).map((slug) => (
            <li key={slug}>
              <PermalinkForm action={coopLinkAction} permalink="/admin/people" className="flex flex-wrap gap-2">
                <input type="hidden" name="id" value={person.id} />
                <input type="hidden" name="coop" value={slug} />
                <span>{coopName(slug)}</span>
                <button type="submit" name="change" value="unlink" className="underline">
                  Unlink {person.name} from {coopName(slug)}
                </button>
              </PermalinkForm>
            </li>
          ))}
        </ul>
        <PermalinkForm action={coopLinkAction} permalink="/admin/people" className="mt-1 flex flex-wrap gap-2">
          <input type="hidden" name="id" value={person.id} />
          <label htmlFor={`coop-${person.id}`} className="sr-only">
            Co-op to link {person.name} to
          </label>
          <select id={`coop-${person.id}`} name="coop" className={`${selectControl} max-w-full`}>
            {directory.coops.map((coop) => (
              <option key={coop.slug} value={coop.slug}>
                {coop.name}
              </option>
            ))}
          </select>
          <button type="submit" name="change" value="link" className="underline">
            Link {person.name}
          </button>
        </PermalinkForm>
      </>
    ),
  },
  {
    header: 'Change',
    cell: (person) =>
      person.id === you ? (
        'You'
      ) : (
        <PermalinkForm action={changePersonAction} permalink="/admin/people" className="flex flex-wrap gap-3">
          <input type="hidden" name="id" value={person.id} />
          <input type="hidden" name="role" value={person.role === 'admin' ? 'member' : 'admin'} />
          {!person.disabledAt && (
            <button type="submit" name="change" value="invite" className="underline">
              Send {person.name} the invitation again
            </button>
          )}
          <button type="submit" name="change" value="role" className="underline">
            {person.role === 'admin' ? `Make ${person.name} a member` : `Make ${person.name} an admin`}
          </button>
          {person.disabledAt ? (
            <button type="submit" name="change" value="enable" className="underline">
              Re-enable {person.name}
            </button>
          ) : (
            <button type="submit" name="change" value="disable" className="underline">
              Disable {person.name}
            </button>
          )}
        </PermalinkForm>
      ),
  },
];

type Props = { searchParams: Promise<{ error?: string; added?: string; invited?: string; changed?: string }> };

export default async function PeoplePage({ searchParams }: Props) {
  const admin = await requireAdmin();
  const db = await getDb();
  const people = await listPeople(db);
  const links = await allLinks(db);
  const { error, added, invited, changed } = await searchParams;
  const problem = error ? (problems[error] ?? problems.invalid) : undefined;
  const named = (id?: string) => people.find((person) => person.id === id);
  const addedPerson = named(added);
  const invitedPerson = named(invited);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">People</h1>
      <p>
        Who may sign in. Contacts keep their own co-ops’ entries current, from their account, and see nothing else;
        members triage join enquiries and briefs; admins also manage this list, erase enquiries and see the recent
        activity. Anyone linked to a co-op may propose changes to its entry. Disabling someone signs them out everywhere
        at once.
      </p>
      {problem && (
        <p role="alert" className="border-l-4 border-brand bg-brand-light px-4 py-2">
          {problem}
        </p>
      )}
      <p role="status" className="font-semibold empty:hidden">
        {addedPerson
          ? `Added: ${addedPerson.name} can sign in now, and an invitation saying how is on its way to ${addedPerson.email}.`
          : invitedPerson
            ? `The invitation is on its way to ${invitedPerson.email} again.`
            : changed
              ? 'Saved.'
              : ''}
      </p>
      <DataTable
        caption="People who may sign in"
        columns={columns(admin.id, links)}
        rows={people}
        rowKey={(person) => person.id}
      />
      <PermalinkForm
        action={addPersonAction}
        permalink="/admin/people"
        className="max-w-prose space-y-4 rounded border border-line bg-white p-6"
      >
        <h2 className="text-xl font-bold">Add someone</h2>
        <Field htmlFor="name" label="Name">
          <input id="name" name="name" required maxLength={200} className={textControl} />
        </Field>
        <Field htmlFor="email" label="Email address">
          <input id="email" name="email" type="email" required className={textControl} />
        </Field>
        <Field htmlFor="coop" label="Their co-op (optional)">
          <select id="coop" name="coop" defaultValue="" className={`${selectControl} max-w-full`}>
            <option value="">None</option>
            {directory.coops.map((coop) => (
              <option key={coop.slug} value={coop.slug}>
                {coop.name}
              </option>
            ))}
          </select>
        </Field>
        <Field htmlFor="role" label="Role">
          <select id="role" name="role" defaultValue="" className={`${selectControl} max-w-full`}>
            <option value="">Contact if a co-op is chosen, otherwise member</option>
            <option value="contact">Contact: keeps their co-ops’ entries current</option>
            <option value="member">Member: triages enquiries</option>
            <option value="admin">Admin: also manages people</option>
          </select>
        </Field>
        <p className="text-sm">
          They are mailed an invitation saying what they can do and how to sign in; linking a contact to another co-op
          mails them one too.
        </p>
        <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
          Add
        </button>
      </PermalinkForm>
    </div>
  );
}
