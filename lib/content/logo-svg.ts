import { tokenize, tokenTypes } from 'css-tree/tokenizer';
import { ident, string as cssString, url as cssUrl } from 'css-tree/utils';

// What an SVG logo may hold, for lib/content/logo.ts's check: an allow-list of the elements and attributes a drawing
// needs, and the CSS that may not fetch anything. Everything not listed is refused, so a feature browsers add later (or
// one this list forgot) is refused rather than let through.

export const svgNamespace = 'http://www.w3.org/2000/svg';
export const htmlNamespace = 'http://www.w3.org/1999/xhtml';
const xlinkNamespace = 'http://www.w3.org/1999/xlink';
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';
const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';

const words = (text: string) => new Set(text.trim().split(/\s+/));

/**
 * The SVG elements a logo may use: shapes, text, structure, paint servers, clipping and masking, filters (without
 * feImage, which loads an image) and animation. Not script, foreignObject, feImage, or the SVG fonts.
 */
const svgElements = words(`
  svg g defs symbol use switch title desc metadata a style
  path rect circle ellipse line polyline polygon text tspan textPath image
  linearGradient radialGradient stop pattern clipPath mask marker
  filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap
  feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode
  feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence
  animate animateMotion animateTransform set mpath
`);

/**
 * The attributes, without a namespace, that those elements take: geometry, presentation, gradients, filters and
 * animation timing. `style` and `href` are checked for what they refer to; event handlers (`on…`) are not here.
 */
const svgAttributes = words(`
  id class style lang tabindex role focusable version baseProfile href
  x y width height viewBox preserveAspectRatio transform d points cx cy r rx ry x1 y1 x2 y2 fx fy fr dx dy
  rotate textLength lengthAdjust startOffset method spacing side pathLength offset
  gradientUnits gradientTransform spreadMethod patternUnits patternContentUnits patternTransform
  clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight refX refY orient
  requiredExtensions requiredFeatures systemLanguage zoomAndPan type media
  filterUnits primitiveUnits in in2 result stdDeviation mode values tableValues slope intercept amplitude exponent
  k1 k2 k3 k4 operator order kernelMatrix divisor bias targetX targetY edgeMode preserveAlpha surfaceScale
  diffuseConstant kernelUnitLength scale xChannelSelector yChannelSelector radius baseFrequency numOctaves seed
  stitchTiles azimuth elevation z pointsAtX pointsAtY pointsAtZ specularExponent specularConstant limitingConeAngle
  attributeName attributeType begin dur end min max restart repeatCount repeatDur calcMode keyTimes keySplines
  from to by additive accumulate path keyPoints origin
  alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation color-interpolation-filters
  color-profile color-rendering cursor direction display dominant-baseline enable-background fill fill-opacity
  fill-rule filter flood-color flood-opacity font font-family font-size font-size-adjust font-stretch font-style
  font-variant font-weight glyph-orientation-horizontal glyph-orientation-vertical image-rendering isolation kerning
  letter-spacing lighting-color marker marker-end marker-mid marker-start mask mask-type mix-blend-mode opacity
  overflow paint-order pointer-events shape-rendering stop-color stop-opacity stroke stroke-dasharray
  stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width text-anchor
  text-decoration text-rendering transform-origin unicode-bidi vector-effect visibility word-spacing writing-mode
`);

/** Namespaced attributes a logo may have, by namespace: XLink's (its `href` checked like `href`) and XML's. */
const namespacedAttributes = new Map([
  [xlinkNamespace, words('href title type show actuate')],
  [xmlNamespace, words('space lang id')],
]);

/**
 * The namespaces drawing programs keep their own data in (Inkscape, Sodipodi, Illustrator, Sketch, Affinity, and the
 * RDF, Creative Commons and Dublin Core of their metadata). Browsers give their elements and attributes no meaning,
 * so they are left as the program wrote them; the SVG and HTML inside them is checked as anywhere else.
 */
const editorNamespaces = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Variables/1.0/',
  'http://www.bohemiancoding.com/sketch/ns',
  'http://www.serif.com/',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/dc/terms/',
]);

type Named = { local: string; uri: string };

/** Whether a logo may hold this element: an SVG one from the list, or a drawing program's own. */
export const allowedElement = ({ local, uri }: Named) =>
  uri === svgNamespace ? svgElements.has(local) : editorNamespaces.has(uri);

/**
 * Whether a logo may have this attribute on this element (its value is checked apart: `href`, `style`,
 * `attributeName`). A drawing program's own element keeps whatever attributes the program gave it.
 */
export function allowedAttribute({ local, uri }: Named, element: Named): boolean {
  if (editorNamespaces.has(element.uri)) return true;
  if (uri === '') return svgAttributes.has(local) || /^(data|aria)-[a-z0-9._-]*$/.test(local);
  return uri === xmlnsNamespace || editorNamespaces.has(uri) || (namespacedAttributes.get(uri)?.has(local) ?? false);
}

/** Where an `href` may point: inside the file (`#id`), or, for an <image>, at a raster image embedded in it. */
export const allowedHref = (element: string, href: string) =>
  href.startsWith('#') || (element === 'image' && /^data:image\/(png|jpeg|gif|webp);base64,/i.test(href));

/**
 * CSS functions that fetch or name an image: url() and src(), and CSS Images' image(), image-set(), cross-fade()
 * and element(), with or without a vendor prefix. Only url() and src() of a `#id` in the same file are allowed.
 */
const fetching = words('url src image image-set cross-fade element');

/** What a piece of CSS would fetch: `import` for an @import, `reference` for an address outside the file. */
export type CssFetch = 'import' | 'reference';

/**
 * What CSS (a style sheet, a `style` attribute, or an attribute's value, which SVG reads as CSS) would fetch, as
 * browsers read it: by css-tree's tokenizer, the CSS Syntax standard's, with escapes decoded, so `u\72l(` is the
 * url( it stands for and `@\69mport` an @import. The tokens are read, not a parsed tree: the parser keeps what it
 * cannot parse as raw text, and browsers still read a url() inside a declaration they otherwise drop.
 */
export function cssFetches(css: string): Set<CssFetch> {
  const tokens: { type: number; text: string }[] = [];
  tokenize(css, (type, start, end) => tokens.push({ type, text: css.slice(start, end) }));
  const found = new Set<CssFetch>();
  tokens.forEach(({ type, text }, index) => {
    if (type === tokenTypes.AtKeyword && nameOf(text.slice(1)) === 'import') found.add('import');
    else if (type === tokenTypes.Url && !isLocal(cssUrl.decode(text))) found.add('reference');
    else if (type === tokenTypes.BadUrl) found.add('reference');
    else if (type === tokenTypes.Function) {
      const name = nameOf(text.slice(0, -1)).replace(/^-[a-z]+-/, '');
      if (!fetching.has(name)) return;
      if ((name === 'url' || name === 'src') && isLocal(argumentOf(tokens, index))) return;
      found.add('reference');
    }
  });
  return found;
}

const nameOf = (text: string) => ident.decode(text).toLowerCase();
const isLocal = (address: string) => address.trim().startsWith('#');

/** A function's argument: its one string, decoded, or else its tokens' text up to its closing parenthesis. */
function argumentOf(tokens: readonly { type: number; text: string }[], functionIndex: number): string {
  const inside: { type: number; text: string }[] = [];
  let depth = 0;
  for (const token of tokens.slice(functionIndex + 1)) {
    if (token.type === tokenTypes.RightParenthesis && depth === 0) break;
    if (token.type === tokenTypes.Function || token.type === tokenTypes.LeftParenthesis) depth += 1;
    if (token.type === tokenTypes.RightParenthesis) depth -= 1;
    if (token.type !== tokenTypes.WhiteSpace && token.type !== tokenTypes.Comment) inside.push(token);
  }
  const [only] = inside;
  if (inside.length === 1 && only?.type === tokenTypes.String) return cssString.decode(only.text);
  return inside.map(({ text }) => text).join('');
}
