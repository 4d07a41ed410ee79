// The CMS's file format for the content's Markdown (registered as a custom format in components/cms/cms.browser.ts).
// Decap's own front matter format re-serialises the whole YAML on every save: it re-quotes, re-wraps and reorders, so
// a one-word edit would rewrite the file. This one keeps the file the editor opened and changes in its YAML only the
// values the editor changed (with the `yaml` package's Document API, which keeps comments, quoting and order), so
// fields the CMS does not know survive, and a file saved unchanged is the same file byte for byte.
import { isMap, isScalar, parseDocument, Document } from 'yaml';

/** Where an entry keeps the file it was read from, so that saving can edit it rather than rewrite it. */
export const sourceKey = '__source';

/** An entry as the CMS holds it: the front matter's fields, the Markdown `body`, and the file it came from. */
export type EntryData = Record<string, unknown> & { body?: unknown; [sourceKey]?: unknown };

type SplitFile = { opening: string; frontMatter: string; closing: string; body: string };

const delimited = /^(---[ \t]*\r?\n)([\s\S]*?)(^---[ \t]*(?:\r?\n|$))/m;

/** The file in its parts; a file without front matter is all body. */
function split(text: string): SplitFile {
  const match = delimited.exec(text);
  if (!match || match.index !== 0) return { opening: '', frontMatter: '', closing: '', body: text };
  const [whole, opening = '', frontMatter = '', closing = ''] = match;
  return { opening, frontMatter, closing, body: text.slice(whole.length) };
}

function parse(frontMatter: string): Document {
  const document = parseDocument(frontMatter);
  if (document.errors.length) {
    throw new Error(`The front matter is not valid YAML: ${document.errors.map((error) => error.message).join('; ')}`);
  }
  return document;
}

/** The CMS's `fromFile`: the front matter's values and the body, plus the file itself under `sourceKey`. */
export function readEntry(text: string): EntryData {
  const file = split(text);
  const values: unknown = file.frontMatter.trim() ? parse(file.frontMatter).toJS() : {};
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new Error('The front matter must be a list of `name: value` lines.');
  }
  return { ...(values as Record<string, unknown>), body: file.body, [sourceKey]: text };
}

/**
 * What an empty field of the CMS holds: an optional field the editor cleared, or one never filled in (an object, such
 * as a case study's image, whose fields are all empty).
 */
const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.values(value).every(isBlank));

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && a && b && !Array.isArray(a) && !Array.isArray(b)) {
    const aKeys = Object.keys(a).filter((key) => !isBlank((a as Record<string, unknown>)[key]));
    const bKeys = Object.keys(b).filter((key) => !isBlank((b as Record<string, unknown>)[key]));
    return (
      aKeys.length === bKeys.length &&
      aKeys.every((key) => equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return false;
}

/** Sets the changed values in the document; true if any changed. Keys the entry does not have are left alone. */
function applyChanges(document: Document, values: Record<string, unknown>): boolean {
  const before = (document.toJS() ?? {}) as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(values)) {
    const old = before[key];
    if (isBlank(value)) {
      if (!isBlank(old)) changed = document.delete(key) || changed;
      continue;
    }
    if (equal(old, value)) continue;
    const node = document.get(key, true);
    // A scalar keeps its node, and so its quoting where the new value allows it.
    if (isScalar(node) && (typeof value !== 'object' || value === null)) node.value = value;
    else document.set(key, document.createNode(value));
    changed = true;
  }
  return changed;
}

const stringify = (document: Document) => document.toString({ lineWidth: 0 });

/**
 * The CMS's `toFile`: the file the entry was read from with only its changed values changed, or a new file with its
 * fields in `fieldOrder` (the collection's, which Decap passes).
 */
export function writeEntry(entry: EntryData, fieldOrder: readonly string[] = []): string {
  const { body: rawBody, [sourceKey]: source, ...values } = entry;
  const body = typeof rawBody === 'string' ? rawBody : '';
  if (typeof source === 'string') {
    const file = split(source);
    const document = file.frontMatter.trim() ? parse(file.frontMatter) : new Document({});
    if (!isMap(document.contents) && document.contents !== null) {
      throw new Error('The front matter must be a list of `name: value` lines.');
    }
    const changed = applyChanges(document, values);
    if (!changed && body === file.body) return source;
    const frontMatter = changed ? stringify(document) : file.frontMatter;
    const opening = file.opening || '---\n';
    const closing = file.closing || '---\n';
    return `${opening}${frontMatter}${closing}${body && !closing.endsWith('\n') ? '\n' : ''}${body}`;
  }
  const rank = (key: string) => (fieldOrder.includes(key) ? fieldOrder.indexOf(key) : fieldOrder.length);
  const filled = Object.entries(values).filter(([, value]) => !isBlank(value));
  const document = new Document(Object.fromEntries(filled.sort(([a], [b]) => rank(a) - rank(b))));
  const text = body && !body.endsWith('\n') ? `${body}\n` : body;
  return `---\n${stringify(document)}---\n${text}`;
}
