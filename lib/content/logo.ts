import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { contentFileOf, type ContentProblem, type ContentSource } from './problem';
import { logoFolder } from './schema';
import { allowedAttribute, allowedElement, allowedHref, cssFetches, htmlNamespace, svgNamespace } from './logo-svg';

export { maxLogoBytes } from '../logo-limit.ts';

// A co-op's logo: an SVG or PNG file under public/images/coops/ (where a CMS uploads it), named by its co-op's
// `logo` field. The content build checks every logo (lib/content/checks.ts); the pages and the preview cards read it
// again as they render, at build time, for its size, so that each <img> carries a width and height and nothing
// shifts as it loads.
//
// SVG is only ever an image: an <img src>, and a data URL in the preview card, never inlined into a page, so it
// cannot run code or load anything there. A visitor can still open the file itself at its own address, where a
// browser would run its scripts, so the build refuses an SVG that could: the file is read by an XML parser and held
// to an allow-list of elements and attributes (lib/content/logo-svg.ts), so a script, an event handler, HTML or a
// foreignObject is refused, and so are a DOCTYPE and a reference to another file or address, in an attribute or in
// CSS as a CSS tokenizer reads it (escapes and all). Refusing is plainer than sanitising: the file in the repository
// is the file the site serves, and a logo needs none of these.

export type Size = { width: number; height: number };

/** A logo file that passed the checks, with its size in CSS pixels. */
export type LogoImage = Size & { src: string; mediaType: 'image/svg+xml' | 'image/png'; bytes: Buffer };

/** A logo's file name: of plain characters, so its path needs no escaping in a page, and an SVG's or a PNG's. */
export const logoFileName = /^[A-Za-z0-9_-][A-Za-z0-9._-]*\.(svg|png)$/i;

/** Where logos live, as a site path: a file of such a name in the logo folder. */
export const logoPath = new RegExp(
  `^${logoFolder.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/${logoFileName.source.slice(1)}`,
  logoFileName.flags,
);

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size from its IHDR chunk, which the format puts first. */
export function pngSize(bytes: Buffer): Size | string {
  if (!bytes.subarray(0, 8).equals(pngSignature)) return 'is not a PNG file';
  if (bytes.length < 24 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR')
    return 'has no readable size (no IHDR)';
  const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  return size.width > 0 && size.height > 0 ? size : 'has no readable size (its IHDR says 0 pixels)';
}

/** A length in CSS pixels (`120`, `120px`); other units and percentages say nothing about the image's own size. */
function pixels(value: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/.exec(value ?? '');
  const number = match ? Number(match[1]) : NaN;
  return number > 0 ? number : undefined;
}

/** The size an <svg> element gives itself: width and height in pixels, or its viewBox's, or one and the viewBox. */
function rootSize(attributes: Record<string, string>): Size | undefined {
  const width = pixels(attributes.width);
  const height = pixels(attributes.height);
  const box = (attributes.viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [, , boxWidth = NaN, boxHeight = NaN] = box;
  const viewBox =
    box.length === 4 && boxWidth > 0 && boxHeight > 0 ? { width: boxWidth, height: boxHeight } : undefined;
  if (width && height) return { width, height };
  if (viewBox && width) return { width, height: (width * viewBox.height) / viewBox.width };
  if (viewBox && height) return { width: (height * viewBox.width) / viewBox.height, height };
  return viewBox;
}

/** An SVG's size, or what makes the build refuse it (each with its line). */
export function inspectSvg(text: string): Size | string[] {
  const problems: string[] = [];
  let size: Size | undefined;
  let isRoot = true;
  // How deep inside a refused element the parser is: what it holds is not looked at, as it is refused with it.
  let refusedDepth = 0;
  let style: { css: string; line: number } | undefined;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const refuse = (what: string, line = parser.line) => problems.push(`has ${what} (line ${line})`);
  const checkStyle = (css: string, line?: number) => {
    const fetches = cssFetches(css);
    if (fetches.has('import')) refuse('a style that imports another file', line);
    if (fetches.has('reference')) refuse('a style that refers to another file or address', line);
  };

  parser.on('doctype', () => refuse('a DOCTYPE, whose entities could hide what it contains'));
  parser.on('processinginstruction', ({ target }) => refuse(`a processing instruction (<?${target}?>)`));
  parser.on('opentag', (tag) => {
    if (isRoot) {
      isRoot = false;
      if (tag.local !== 'svg' || tag.uri !== svgNamespace) {
        refuse(`<${tag.name}> as its root, not <svg xmlns="${svgNamespace}">`);
        refusedDepth += 1;
        return;
      }
      size = rootSize(Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])));
    }
    // A <style> holds text alone: an element inside one could split an @import that browsers join again.
    if (refusedDepth > 0 || !allowedElement(tag) || style) {
      if (refusedDepth === 0) {
        refuse(
          tag.uri === htmlNamespace
            ? `HTML in it (<${tag.name}>)`
            : `a <${tag.name}> element${style ? ' inside a <style>' : ''}`,
        );
      }
      refusedDepth += 1;
      return;
    }
    if (tag.uri === svgNamespace && tag.local === 'style') style = { css: '', line: parser.line };
    for (const attribute of Object.values(tag.attributes)) {
      const name = attribute.local.toLowerCase();
      const value = attribute.value.trim();
      if (attribute.uri === '' && name.startsWith('on')) refuse(`an event handler (${attribute.name})`);
      else if (!allowedAttribute(attribute, tag)) refuse(`an attribute a logo does not need (${attribute.name})`);
      else if (name === 'href') {
        if (!allowedHref(tag.local, value)) {
          refuse(`a reference to another file or address (${attribute.name}="${attribute.value}")`);
        }
      } else if (name === 'attributename' && /href$|^on/i.test(value)) refuse(`an animation of ${attribute.value}`);
      else if (name === 'style') checkStyle(attribute.value);
      // SVG reads its presentation attributes (fill="url(…)") and animated values as CSS.
      else if (attribute.uri === '' && cssFetches(attribute.value).size > 0) {
        refuse(`a reference to another file or address (${attribute.name})`);
      }
    }
  });
  parser.on('closetag', () => {
    if (refusedDepth > 0) refusedDepth -= 1;
    else if (style) {
      checkStyle(style.css, style.line);
      style = undefined;
    }
  });
  const onText = (text: string) => {
    if (style && refusedDepth === 0) style.css += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  let notWellFormed: string | undefined;
  parser.on('error', (error) => (notWellFormed ??= error.message));
  parser.write(text).close();

  if (notWellFormed) return [`is not well-formed XML (${notWellFormed})`];
  if (isRoot) return ['has no <svg> element'];
  if (problems.length > 0) return problems;
  return size ?? ['has no readable size: give its <svg> element a viewBox, or a width and height in pixels'];
}

/** A logo's path checked and its file read and inspected, or what is wrong with it. */
export function checkLogo(src: string, publicDir = join(process.cwd(), 'public')): LogoImage | string[] {
  if (!logoPath.test(src)) {
    return [
      'is not an .svg or .png file in /images/coops/ (a path such as /images/coops/name.svg; in the file name use ' +
        'letters, digits and - _ .)',
    ];
  }
  let bytes: Buffer;
  try {
    // Only the build reads logos (the pages and cards that show them are prerendered), so the server's file tracing
    // need not follow this path: public/ ships with the site in any case.
    bytes = readFileSync(join(/*turbopackIgnore: true*/ publicDir, src));
  } catch {
    return [`has no file (no public${src})`];
  }
  return inspectLogo(src, bytes);
}

/**
 * A logo's bytes inspected as the file named `src` (an .svg or a .png), or what is wrong with them: the build's
 * check of a committed logo, and the account area's of an uploaded one, so both hold a logo to the same rules.
 */
export function inspectLogo(src: string, bytes: Buffer): LogoImage | string[] {
  const isSvg = src.toLowerCase().endsWith('.svg');
  const size = isSvg ? inspectSvg(bytes.toString('utf8')) : pngSize(bytes);
  if (typeof size === 'string') return [size];
  if (Array.isArray(size)) return size;
  return { src, mediaType: isSvg ? 'image/svg+xml' : 'image/png', bytes, ...size };
}

/** The co-op fields the logo check reads; Contentlayer's generated `Coop` satisfies it. */
type CoopLogo = ContentSource & { logo?: string };

/** One problem per thing wrong with a co-op's logo, naming the co-op's file and the logo's path. */
export function logoProblems(coop: CoopLogo, publicDir?: string): ContentProblem[] {
  const { logo } = coop;
  if (logo === undefined) return [];
  const checked = checkLogo(logo, publicDir);
  if (!Array.isArray(checked)) return [];
  return checked.map((problem) => ({ file: contentFileOf(coop), field: 'logo', message: `logo "${logo}" ${problem}` }));
}

/** A logo to render: the content build has checked it, so a problem now (a file changed since) stops the render. */
export function readLogo(src: string, publicDir?: string): LogoImage {
  const checked = checkLogo(src, publicDir);
  if (Array.isArray(checked)) throw new Error(`Logo "${src}" ${checked.join('; ')}`);
  return checked;
}

/**
 * The size to draw a logo at inside a box, keeping its shape: as large as fits, except that a PNG is never drawn
 * larger than its pixels (it would blur); an SVG scales freely.
 */
export function fitLogo(logo: Pick<LogoImage, 'width' | 'height' | 'mediaType'>, box: Size): Size {
  const fit = Math.min(box.width / logo.width, box.height / logo.height);
  const scale = logo.mediaType === 'image/png' ? Math.min(fit, 1) : fit;
  return {
    width: Math.max(1, Math.round(logo.width * scale)),
    height: Math.max(1, Math.round(logo.height * scale)),
  };
}

/** The box a co-op's page shows its logo in, and the preview of a proposed change to it. */
export const coopPageLogoBox: Size = { width: 96, height: 96 };

/** A logo as a page draws it: its address, its drawn size, and whether it needs a dark tile to be seen. */
export type LogoInBox = Size & { src: string; onDark?: boolean };

/**
 * What an <img> needs to show a co-op's logo in a box of the given size: its address and its drawn size, and
 * `onDark` from the co-op's `logoOnDark` for a light logo that the white page would hide.
 */
export function logoInBox(src: string | undefined, box: Size, onDark = false): LogoInBox | undefined {
  if (src === undefined) return undefined;
  const logo = readLogo(src);
  return { src: logo.src, ...fitLogo(logo, box), ...(onDark && { onDark }) };
}

/** The logo as a data URL, for the preview card's renderer, which must not fetch anything. */
export const logoDataUrl = (logo: LogoImage) => `data:${logo.mediaType};base64,${logo.bytes.toString('base64')}`;
