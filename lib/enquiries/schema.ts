// zod/mini: the same schemas in a functional form that bundles only what is used (the form runs this in the
// browser too).
import * as z from 'zod/mini';

// zod probes for `new Function` to compile faster parsers; the site's CSP forbids eval, so it must not try.
z.config({ jitless: true });

/** The one definition of a join enquiry: the API route, the form (in the browser too) and the tests use it. */

export const legalForms = {
  'company-limited-by-shares': 'Company limited by shares',
  'company-limited-by-guarantee': 'Company limited by guarantee',
  'co-operative-society': 'Co-operative society',
  partnership: 'Partnership',
  unincorporated: 'Unincorporated',
  other: 'Other',
} as const;
export type LegalForm = keyof typeof legalForms;

/** The eligibility list on the Join page, as the confirmations an applicant ticks. */
export const confirmations = {
  agreesWithPrinciples: 'Our co-op agrees with and practises the 7 Co-operative Principles',
  workerOwned: 'Our co-op is owned and democratically run by its workers',
  providesDigitalServices: 'Our co-op provides tech/digital services',
  ukBased: 'Our co-op is based in, or has significant ties to, the UK',
  consent: 'I agree that CoTech may store this enquiry to answer it and to propose our membership',
} as const;
export type Confirmation = keyof typeof confirmations;

export const under = (max: number) => z.maxLength(max, { error: `Please keep this under ${max} characters` });

export const text = (max: number, required: string) =>
  z.string({ error: required }).check(z.trim(), z.minLength(1, { error: required }), under(max));

/** `https://coops.tech@evil.example` goes to evil.example: a link that says one site and opens another. */
const noCredentials = z.refine<string>(
  (value: string) => {
    const { username, password } = new URL(value);
    return username === '' && password === '';
  },
  { error: 'Enter the address without a user name or password (nothing before an @)' },
);

const webAddress = (message: string) =>
  z.pipe(
    z.transform((value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)),
    z.optional(
      // `abort`: the later checks run only on a valid URL (noCredentials parses it).
      z
        .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: message, abort: true })
        .check(under(500), noCredentials),
    ),
  );

/** A ticked checkbox arrives as `on` from a form and `true` from JSON; anything else is not ticked. */
export const isTicked = (value: unknown) => value === true || value === 'on' || value === 'true';

export const ticked = (message: string) => z.pipe(z.transform(isTicked), z.literal(true, { error: message }));

/** Who to write back to: the fields every kind of enquiry asks for. */
export const contact = {
  contactName: text(200, 'Enter the name of the person we should contact'),
  email: z.pipe(
    z.string({ error: 'Enter an email address' }).check(z.trim()),
    z.email({ error: 'Enter an email address like name@example.coop' }).check(under(254)),
  ),
};

export const enquirySchema = z.object({
  coopName: text(200, "Enter your co-op's name"),
  ...contact,
  website: webAddress("Enter your co-op's website as a full address starting with https://"),
  location: text(200, 'Enter the town or region your co-op is based in'),
  legalForm: z.enum(Object.keys(legalForms) as [LegalForm, ...LegalForm[]], {
    error: "Choose your co-op's legal form",
  }),
  description: text(5000, 'Tell us about your co-op and the services you provide'),
  evidenceUrl: webAddress('Enter the link to your evidence as a full address starting with https://'),
  agreesWithPrinciples: ticked('Members must agree with and practise the 7 Co-operative Principles'),
  workerOwned: ticked('Members must be owned and democratically run by their workers'),
  providesDigitalServices: ticked('Members must provide tech/digital services'),
  ukBased: ticked('Members must be based in, or have significant ties to, the UK'),
  consent: ticked('We need your consent to store your enquiry'),
});

export type EnquiryInput = z.input<typeof enquirySchema>;
export type Enquiry = z.output<typeof enquirySchema>;
export type EnquiryField = keyof Enquiry;
/** Messages per field, by the field's name (the join form's fields, or another kind's). */
export type FieldErrors = Partial<Record<string, string[]>>;

export type Validation = { ok: true; enquiry: Enquiry } | { ok: false; errors: FieldErrors };

/** Validates anything (a parsed JSON body, form values) into an enquiry or messages per field. */
export function validateEnquiry(input: unknown): Validation {
  const result = enquirySchema.safeParse(input);
  if (result.success) return { ok: true, enquiry: result.data };
  return { ok: false, errors: z.flattenError(result.error).fieldErrors as FieldErrors };
}

/** The honeypot: a field people cannot see, so only a bot fills it in. */
export const honeypotField = 'fax';
