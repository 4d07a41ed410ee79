import { logoFolder } from '@/lib/content/schema';
import { coopPageLogoBox, fitLogo, inspectLogo, maxLogoBytes } from '@/lib/content/logo';
import { entryBuildProblems } from './entry-check';
import { editableFields, reasonField } from './entry-fields';
import {
  entryChanges,
  entrySchema,
  fieldErrors,
  formEntry,
  shownValues,
  type EntryChoices,
  type EntryValues,
} from './entry';

export type FieldErrors = Partial<Record<string, string>>;

/**
 * A logo carried between the preview and sending, as the form's hidden fields hold it, with its size fitted to the
 * co-op page's logo box for the preview.
 */
export type CarriedLogo = { name: string; data: string; width: number; height: number };

/** What the edit form shows after it posts: the values given, what is wrong with them, or a preview. */
export type EntryFormState = {
  values?: EntryValues;
  reason?: string;
  errors?: FieldErrors;
  preview?: boolean;
  logo?: CarriedLogo;
};

export type CheckedProposal =
  | { ok: false; values: EntryValues; reason: string; errors: FieldErrors; logo?: CarriedLogo }
  | { ok: true; values: EntryValues; reason: string; changes: Record<string, unknown>; logo?: CarriedLogo };

/** The current entry's editable fields, as the form starts from them. */
export function entryValues(coop: Partial<Record<string, unknown>>): EntryValues {
  const values: EntryValues = {};
  for (const name of editableFields) {
    const value = coop[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((item): item is string => typeof item === 'string');
  }
  // The body as the content build read it (contentlayer's `body.raw`).
  const body = coop.body;
  if (typeof body === 'object' && body !== null && 'raw' in body && typeof body.raw === 'string') {
    values.description = body.raw.trim();
  }
  return values;
}

/**
 * An uploaded logo checked by the rules the build holds committed logos to (lib/content/logo.ts), named for its
 * co-op.
 */
async function uploadedLogo(form: FormData, coop: string): Promise<CarriedLogo | string | undefined> {
  const file = form.get('logo');
  if (file instanceof File && file.size > 0) {
    const extension = file.name.toLowerCase().match(/\.(svg|png)$/)?.[1];
    if (!extension) return 'Logo: upload an .svg or a .png file.';
    if (file.size > maxLogoBytes) return `Logo: the file is over ${maxLogoBytes / 1024} KB; upload a smaller one.`;
    return checkedLogo(`${coop}.${extension}`, Buffer.from(await file.arrayBuffer()));
  }
  // Carried from the preview: checked again, as anything a browser sends is.
  const name = form.get('logoName');
  const data = form.get('logoData');
  if (typeof name === 'string' && typeof data === 'string' && name && data) {
    if (name !== `${coop}.svg` && name !== `${coop}.png`) return 'Logo: upload the file again.';
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length > maxLogoBytes) return 'Logo: upload the file again.';
    return checkedLogo(name, bytes);
  }
  return undefined;
}

function checkedLogo(name: string, bytes: Buffer): CarriedLogo | string {
  const checked = inspectLogo(`${logoFolder}/${name}`, bytes);
  if (Array.isArray(checked)) return `Logo: the file ${checked.join('; ')}.`;
  return { name, data: bytes.toString('base64'), ...fitLogo(checked, coopPageLogoBox) };
}

/**
 * Checks a submitted edit form against the entry's rules and the entry as it is: the values, and what changed
 * (only the fields that differ, and the logo's path when it moves), then the entry as it would be against the
 * content build's own checks (lib/proposals/entry-check.ts), so what passes here builds. Nothing is stored here.
 *
 * `sent` is what the form started from when changes are still waiting for an editor (lib/proposals/pending.ts): the
 * entry with them on top. The form must differ from that to be a change at all, and the proposal is what differs
 * from the entry itself, so a second change carries the first with it and either one merged alone is whole.
 */
export async function checkProposal(
  form: FormData,
  coop: string,
  current: EntryValues,
  choices: EntryChoices,
  sent: EntryValues = current,
): Promise<CheckedProposal> {
  const raw = formEntry(form);
  const reasonGiven = form.get('reason');
  const reason = typeof reasonGiven === 'string' ? reasonGiven.replace(/\r\n?/g, '\n').trim() : '';
  const parsed = entrySchema(choices).safeParse(raw);
  const logo = await uploadedLogo(form, coop);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  if (typeof logo === 'string') errors.logo = logo;
  // It goes into the merge request whole: a longer one is refused, never cut.
  if (reason.length > reasonField.maxLength) {
    const { label, maxLength } = reasonField;
    errors.reason = `${label}: at most ${maxLength.toLocaleString('en-GB')} characters (this has ${reason.length.toLocaleString('en-GB')}).`;
  }
  const values = shownValues(sent, parsed.success ? parsed.data : raw);
  const carried = typeof logo === 'string' ? undefined : logo;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, values, reason, errors, logo: carried };
  // The logo's path is not among the changes: the worker sets `logo` from the file it adds (lib/proposals/change.ts).
  const changes = entryChanges(current, parsed.data as EntryValues);
  if (Object.keys(entryChanges(sent, parsed.data as EntryValues)).length === 0 && !carried) {
    return {
      ok: false,
      values,
      reason,
      errors: { form: 'Nothing has changed: change a field or upload a logo, or press "Still correct".' },
    };
  }
  if (Object.keys(changes).length === 0 && !carried) {
    return {
      ok: false,
      values,
      reason,
      errors: { form: 'That is what the entry says already, so there is nothing to send.' },
    };
  }
  // Last, once the form's own rules pass: the content build's checks of the entry as it would be.
  const refused = await entryBuildProblems(coop, changes);
  if (Object.keys(refused).length > 0) return { ok: false, values, reason, errors: refused, logo: carried };
  return { ok: true, values, reason, changes, logo: carried };
}

/** Today's date as the entry's `confirmed:` line holds it (YYYY-MM-DD, UTC). */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * The changes a proposal sends: the entry's changed fields and `confirmed:` set to today, since whoever proposes a
 * change has looked at the whole entry; "Still correct" sends that date alone.
 */
export const confirmedWith = (changes: Record<string, unknown>, now = new Date()): Record<string, unknown> => ({
  ...changes,
  confirmed: today(now),
});
