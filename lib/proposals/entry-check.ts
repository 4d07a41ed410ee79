import 'server-only';
import { join } from 'node:path';
import { allCaseStudies, allCoops, allPages, allServices, allTechnologies, type Coop } from 'contentlayer/generated';
import { unified } from 'unified';
import { contentProblems, type ContentDocuments } from '@/lib/content/checks';
import { contentFileOf, describeProblem, type ContentProblem } from '@/lib/content/problem';
import { descriptionField } from '@/lib/content/schema';
import { markdownPipeline, MarkdownProblem } from '@/lib/markdown';
import { readRedirects } from '@/lib/content/redirects';
import { editableFields } from './entry-fields';

// The content build's own checks, run on a co-op's entry as a proposal would change it, before the proposal is
// taken: what passes the form must not fail the next deploy. No rule is written again here: the body goes through
// the build's Markdown pipeline (lib/markdown.ts: its placeholders), and the entry, in place of the committed one
// among every generated document, through the checks the build runs once everything is generated
// (lib/content/checks.ts: an email to show, references, logos, the redirects against the pages a town makes). The
// field rules are coopSchema's, which the form's own rules come from (lib/proposals/entry.ts).

/** Problems with the proposed entry, by the form's field ('form' for one that belongs to no field of it). */
export type EntryProblems = Partial<Record<string, string>>;

const say = (problem: string) => `The site would not build with this: ${problem}.`;

/** The problem the build's Markdown pipeline finds in a description, if any. */
async function descriptionProblem(markdown: string, file: string): Promise<string | undefined> {
  const processor = unified();
  markdownPipeline(processor);
  // As Contentlayer hands a document to the pipeline: its path among the file's data.
  try {
    await processor.process({ value: markdown, data: { rawDocumentData: { sourceFilePath: file } } });
    return undefined;
  } catch (error) {
    if (error instanceof MarkdownProblem) return error.problem;
    throw error;
  }
}

/** The generated entry as it would be with `changes`: null removes a field, the description is the body. */
function changedEntry(coop: Coop, changes: Readonly<Record<string, unknown>>): Coop {
  const { [descriptionField.name]: description, ...frontMatter } = changes;
  const entry: Record<string, unknown> = { ...coop };
  for (const [field, value] of Object.entries(frontMatter)) {
    if (value === null) delete entry[field];
    else entry[field] = value;
  }
  if (typeof description === 'string') entry.body = { ...coop.body, raw: description };
  // The fields changed are coopSchema's, with values its rules took (lib/proposals/entry.ts): still a Coop.
  return entry as Coop;
}

/**
 * What the content build would refuse in co-op `slug`'s entry with `changes` (the proposal's changed fields and
 * description, without its logo, which lib/content/logo.ts has checked by the build's rules already), by form
 * field. Only what the change brings: a problem the committed content already has is not the proposal's.
 */
export async function entryBuildProblems(
  slug: string,
  changes: Readonly<Record<string, unknown>>,
): Promise<EntryProblems> {
  const coop = allCoops.find((entry) => entry.slug === slug);
  if (!coop) return { form: `There is no entry ${slug} any more.` };
  const file = contentFileOf(coop);
  const problems: EntryProblems = {};
  const description = changes[descriptionField.name];
  if (typeof description === 'string') {
    const problem = await descriptionProblem(description, coop._raw.sourceFilePath);
    if (problem) problems[descriptionField.name] = say(problem);
  }

  const documents: ContentDocuments = {
    pages: allPages,
    coops: allCoops,
    services: allServices,
    technologies: allTechnologies,
    caseStudies: allCaseStudies,
  };
  const files = { publicDir: join(process.cwd(), 'public'), redirects: readRedirects() };
  const before = new Set(contentProblems(documents, files).map(describeProblem));
  const changed = changedEntry(coop, changes);
  const after = contentProblems(
    { ...documents, coops: allCoops.map((entry) => (entry === coop ? changed : entry)) },
    files,
  ).filter((problem) => !before.has(describeProblem(problem)));
  const formField = (problem: ContentProblem) =>
    problem.file === file && (editableFields as readonly string[]).includes(problem.field) ? problem.field : 'form';
  for (const problem of after) {
    const field = formField(problem);
    problems[field] ??= say(field === 'form' ? describeProblem(problem) : problem.message);
  }
  return problems;
}
