import type { ReceivedMail } from '@/test/smtp-sink';
import type { Stage } from './stage';

// What the cast did and what the site told it, kept as the run goes, for the invariants to hold the site to.

export type Role = 'admin' | 'member' | 'contact';
export type Coop = { slug: string; name: string; email?: string };
export type Person = { actor: string; name: string; email: string; role: Role; coop?: Coop };

/** An enquiry the cast sent; `acknowledged` once the site said it was stored. */
export type EnquiryRecord = {
  actor: string;
  step: string;
  kind: 'join' | 'brief';
  /** Its co-op's or organisation's name, unique in the run. */
  name: string;
  email: string;
  how: 'JSON' | 'form post' | 'browser' | 'browser without JavaScript';
  id?: string;
  /** The reference the site gave its sender (`B-9M2D`). */
  reference?: string;
  acknowledged?: number;
  /** The status the cast last saved and the notes it added, in order, which the site must hold at the end. */
  status: string;
  notes: string[];
  /** Who triages and forwards it, if anyone: one member, so that what it ends as is known. */
  handler?: string;
};

export type SignInRequest = { actor: string; step: string; email: string; at: number };
/** A sign-in mail the cast received, and what became of its link or code. */
export type SignInUse = { actor: string; step: string; email: string; mail: number; by: 'link' | 'code' };
export type ForwardRecord = { actor: string; step: string; brief: EnquiryRecord; coops: Coop[] };
/** A proposal the site said it stored. */
export type ProposalRecord = { actor: string; step: string; coop: Coop };
/** A restart's scene: the mail waiting at the stop, the enquiry sent while mail was down, and the co-op whose
 * proposal waited for the repository. */
export type RestartRecord = { what: string; unsentAtStop: number; lateEnquiry: string; coop: Coop };

export class World {
  readonly enquiries: EnquiryRecord[] = [];
  readonly signInRequests: SignInRequest[] = [];
  readonly signInUses: SignInUse[] = [];
  readonly forwards: ForwardRecord[] = [];
  readonly proposals: ProposalRecord[] = [];
  /** "Still correct" presses the site recorded, and those it said it already had that day. */
  readonly confirmations: { actor: string; step: string; coop: Coop }[] = [];
  readonly alreadyConfirmed: { actor: string; step: string; coop: Coop }[] = [];
  readonly restarts: RestartRecord[] = [];
  /** Everyone with an account, by address: ADMIN_EMAILS from the start, the others once an admin added them. */
  readonly people = new Map<string, Person>();
  /** Addresses the cast asked sign-in mail for that have no account. */
  readonly strangers = new Set<string>();
  backup?: { status: number | null; output: string; acknowledgedBefore: number; sentBy: number };
}

export const subjects = {
  signIn: "Sign in to the CoTech members' admin",
  notification: (record: Pick<EnquiryRecord, 'kind' | 'name'>) =>
    `${record.kind === 'join' ? 'Join enquiry' : 'Brief'}: ${record.name}`,
  receipt: (kind: EnquiryRecord['kind']) =>
    kind === 'join' ? 'We have received an enquiry to join CoTech' : 'We have received your brief to CoTech',
  forward: (organisation: string) => `Brief from CoTech: ${organisation}`,
  review: (coop: Coop) => `Is ${coop.name}'s entry still right?`,
};

/**
 * Where a brief forwarded to `coop` goes: its entry's address, or else its contacts' (lib/hire/forwarding.ts); the
 * run forwards only to co-ops that have one or the other.
 */
export const forwardAddresses = (coop: Coop, people: ReadonlyMap<string, Person>): string[] =>
  coop.email
    ? [coop.email]
    : [...people.values()].filter((person) => person.coop?.slug === coop.slug).map((person) => person.email);

export function mailsTo(stage: Stage, address: string, subject?: string): ReceivedMail[] {
  return stage.mails.filter(
    (mail) => mail.to.includes(address) && (subject === undefined || mail.parsed.subject === subject),
  );
}

/** Waits for the `n`th mail (1 for the first) to `address` with `subject`; throws naming both after `timeoutMs`. */
export async function nthMail(stage: Stage, address: string, subject: string, n: number, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mailsTo(stage, address, subject)[n - 1];
    if (mail) return mail;
    if (Date.now() > deadline) {
      throw new Error(`mail number ${n} "${subject}" to ${address} did not come within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The CSV export's rows as objects by header (every cell is quoted, as lib/admin/csv.ts writes them). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted || (char !== ',' && char !== '\n' && char !== '\r')) {
      cell += char;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    }
  }
  const [header = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, n) => [name, cells[n] ?? ''])));
}
