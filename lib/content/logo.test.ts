import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblem } from './problem';
import { solidPng } from '@/test/images';
import { checkLogo, fitLogo, inspectSvg, logoDataUrl, logoProblems, pngSize, readLogo } from './logo';

const svg = (attributes: string, body = '<rect width="10" height="10"/>') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`;

describe('pngSize', () => {
  it('reads the width and height from the IHDR chunk', () => {
    expect(pngSize(solidPng(300, 120, [0, 0, 255]))).toEqual({ width: 300, height: 120 });
  });

  it('says when a file is not a PNG, or is cut short before its size', () => {
    expect(pngSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe('is not a PNG file');
    expect(pngSize(solidPng(3, 3, [0, 0, 0]).subarray(0, 20))).toBe('has no readable size (no IHDR)');
  });
});

describe('inspectSvg: its size', () => {
  it('is its width and height in pixels, or its viewBox, or one of them with the viewBox', () => {
    expect(inspectSvg(svg('width="200" height="80px" viewBox="0 0 10 10"'))).toEqual({ width: 200, height: 80 });
    expect(inspectSvg(svg('viewBox="0 0 120.5 60"'))).toEqual({ width: 120.5, height: 60 });
    expect(inspectSvg(svg('viewBox="0,0,100,50" width="300"'))).toEqual({ width: 300, height: 150 });
    expect(inspectSvg(svg('viewBox="0 0 100 50" width="100%" height="60"'))).toEqual({ width: 120, height: 60 });
  });

  it('is unreadable without a viewBox or pixel sizes', () => {
    expect(inspectSvg(svg('width="100%" height="2em"'))).toEqual([
      'has no readable size: give its <svg> element a viewBox, or a width and height in pixels',
    ]);
    expect(inspectSvg(svg('viewBox="0 0 0 10"'))).toEqual([
      'has no readable size: give its <svg> element a viewBox, or a width and height in pixels',
    ]);
  });

  it('accepts what drawing programs write: an XML declaration, comments, metadata, gradients, embedded PNGs', () => {
    const inkscape =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Created with Inkscape -->\n' +
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ' +
      'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 64 32" inkscape:version="1.3">\n' +
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#b3261e"/></linearGradient>' +
      '<style>.a { fill: url(#g); }</style></defs>\n' +
      '<rect class="a" width="64" height="32" style="fill: url(\'#g\')"/><use xlink:href="#g"/>' +
      '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>\n';
    expect(inspectSvg(inkscape)).toEqual({ width: 64, height: 32 });
  });
});

describe('inspectSvg: what the build refuses', () => {
  it.each([
    ['a script', svg('viewBox="0 0 1 1"', '\n<script>alert(1)</script>'), 'has a <script> element (line 2)'],
    ['an event handler', svg('viewBox="0 0 1 1" onload="alert(1)"'), 'has an event handler (onload) (line 1)'],
    [
      'a foreignObject',
      svg('viewBox="0 0 1 1"', '<foreignObject><p>Hi</p></foreignObject>'),
      'has a <foreignObject> element (line 1)',
    ],
    [
      'HTML',
      svg('viewBox="0 0 1 1"', '<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="https://example.org/"/>'),
      'has HTML in it (<h:iframe>) (line 1)',
    ],
    [
      'a link to another address',
      svg('viewBox="0 0 1 1"', '<a href="javascript:alert(1)"><rect/></a>'),
      'has a reference to another file or address (href="javascript:alert(1)") (line 1)',
    ],
    [
      'an image from another file',
      svg('viewBox="0 0 1 1" xmlns:xlink="http://www.w3.org/1999/xlink"', '<image xlink:href="logo.png"/>'),
      'has a reference to another file or address (xlink:href="logo.png") (line 1)',
    ],
    [
      'a fill from another address',
      svg('viewBox="0 0 1 1"', '<rect fill="url(https://example.org/a.svg#g)"/>'),
      'has a reference to another file or address (fill) (line 1)',
    ],
    [
      'a style that imports',
      svg('viewBox="0 0 1 1"', '<style>@import "https://example.org/a.css";</style>'),
      'has a style that imports another file (line 1)',
    ],
    [
      'a style that fetches',
      svg('viewBox="0 0 1 1"', '<rect style="fill: url(//example.org/a.svg#g)"/>'),
      'has a style that refers to another file or address (line 1)',
    ],
    [
      'an animated href',
      svg('viewBox="0 0 1 1"', '<a><set attributeName="href" to="javascript:alert(1)"/></a>'),
      'has an animation of href (line 1)',
    ],
    [
      'a DOCTYPE',
      `<!DOCTYPE svg [<!ENTITY a "b">]>\n${svg('viewBox="0 0 1 1"')}`,
      'has a DOCTYPE, whose entities could hide what it contains (line 1)',
    ],
    [
      'a style sheet instruction',
      `<?xml-stylesheet href="https://example.org/a.css"?>${svg('viewBox="0 0 1 1"')}`,
      'has a processing instruction (<?xml-stylesheet?>) (line 1)',
    ],
  ])('one with %s, naming what and where', (_, text, problem) => {
    expect(inspectSvg(text)).toEqual([problem]);
  });

  it.each<[string, string, string[]]>([
    [
      'a url( written with a CSS escape, in a style attribute',
      svg('viewBox="0 0 1 1"', '<rect style="fill: u\\72l(https://example.org/a.svg#g)"/>'),
      ['has a style that refers to another file or address (line 1)'],
    ],
    [
      'a url( written with a CSS escape, in a style sheet',
      svg('viewBox="0 0 1 1"', '<style>.a { fill: U\\052 L( "https://example.org/a.svg#g" ) }</style>'),
      ['has a style that refers to another file or address (line 1)'],
    ],
    [
      'a url( written with a CSS escape, in a presentation attribute',
      svg('viewBox="0 0 1 1"', '<rect fill="u\\72l(https://example.org/a.svg#g)"/>'),
      ['has a reference to another file or address (fill) (line 1)'],
    ],
    [
      'a url( written as an XML character reference',
      svg('viewBox="0 0 1 1"', '<rect style="fill: &#117;rl(https://example.org/a.svg#g)"/>'),
      ['has a style that refers to another file or address (line 1)'],
    ],
    [
      'an image-set(',
      svg('viewBox="0 0 1 1"', '<style>\n.a { background: image-set("https://example.org/a.png" 1x) }</style>'),
      ['has a style that refers to another file or address (line 1)'],
    ],
    [
      'a prefixed, escaped image-set(',
      svg('viewBox="0 0 1 1"', '<rect style="background: -webkit-\\69mage-set(\'a.png\' 1x)"/>'),
      ['has a style that refers to another file or address (line 1)'],
    ],
    ...['image("a.png")', 'src("a.svg")', 'cross-fade("a.png", "b.png")', 'element(#a)'].map(
      (value): [string, string, string[]] => [
        value.slice(0, value.indexOf('(') + 1),
        svg('viewBox="0 0 1 1"', `<style>.a { fill: ${value} }</style>`),
        ['has a style that refers to another file or address (line 1)'],
      ],
    ),
    [
      'an @import written with a CSS escape',
      svg('viewBox="0 0 1 1"', '<style>@\\69mport "https://example.org/a.css";</style>'),
      ['has a style that imports another file (line 1)'],
    ],
    [
      'an @import of a url( in CDATA',
      svg('viewBox="0 0 1 1"', '<style><![CDATA[@IMPORT url(https://example.org/a.css);]]></style>'),
      ['has a style that imports another file (line 1)', 'has a style that refers to another file or address (line 1)'],
    ],
    [
      'an element inside a style sheet, splitting an @import',
      svg('viewBox="0 0 1 1"', '<style>@imp<g/>ort "https://example.org/a.css";</style>'),
      ['has a <g> element inside a <style> (line 1)', 'has a style that imports another file (line 1)'],
    ],
    [
      'an element a logo does not need',
      svg('viewBox="0 0 1 1"', '<filter><feImage href="#a"/></filter>'),
      ['has a <feImage> element (line 1)'],
    ],
    [
      'an element of another language, with a link inside',
      svg(
        'viewBox="0 0 1 1"',
        '<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi href="javascript:alert(1)">x</m:mi></m:math>',
      ),
      ['has a <m:math> element (line 1)'],
    ],
    [
      'an attribute a logo does not need',
      svg('viewBox="0 0 1 1"', '<rect xml:base="https://example.org/" formaction="x"/>'),
      [
        'has an attribute a logo does not need (xml:base) (line 1)',
        'has an attribute a logo does not need (formaction) (line 1)',
      ],
    ],
    [
      'a <use> of another file, or of an embedded image',
      svg(
        'viewBox="0 0 1 1"',
        '<use href="https://example.org/sprite.svg#a"/><use href="data:image/png;base64,iVBORw0KGgo="/>',
      ),
      [
        'has a reference to another file or address (href="https://example.org/sprite.svg#a") (line 1)',
        'has a reference to another file or address (href="data:image/png;base64,iVBORw0KGgo=") (line 1)',
      ],
    ],
  ])('one with %s', (_, text, problems) => {
    expect(inspectSvg(text)).toEqual(problems);
  });

  it('accepts references inside the file however they are written, and what drawing programs keep for themselves', () => {
    const local =
      '<style>.a { fill: url( #g ) } .b { fill: url("#g") } .c { fill: u\\72l(#g) }</style>' +
      '<rect style="fill: URL(\'#g\'); stroke: url(\\23 g)" fill="url(#g)" transform="translate(1) rotate(2)"/>';
    expect(inspectSvg(svg('viewBox="0 0 8 4"', local))).toEqual({ width: 8, height: 4 });
    const inkscape =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" ' +
      'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" ' +
      'xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
      'width="120" height="40" viewBox="0 0 120 40" version="1.1" sodipodi:docname="logo.svg" xml:space="preserve">' +
      '<sodipodi:namedview id="n" pagecolor="#ffffff" inkscape:zoom="2"/>' +
      '<metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>' +
      '<dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></cc:Work></rdf:RDF></metadata>' +
      '<g inkscape:label="Layer 1" inkscape:groupmode="layer" data-name="Layer 1">' +
      '<path d="M0 0h120v40H0z" style="fill:#2a6041;fill-opacity:1" enable-background="new"/></g></svg>';
    expect(inspectSvg(inkscape)).toEqual({ width: 120, height: 40 });
  });

  it('one that is not an SVG image: another root, no namespace, or not XML at all', () => {
    expect(inspectSvg('<html xmlns="http://www.w3.org/1999/xhtml"/>')).toContainEqual(
      'has <html> as its root, not <svg xmlns="http://www.w3.org/2000/svg"> (line 1)',
    );
    expect(inspectSvg('<svg viewBox="0 0 1 1"/>')).toEqual([
      'has <svg> as its root, not <svg xmlns="http://www.w3.org/2000/svg"> (line 1)',
    ]);
    expect(inspectSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect></svg>')).toEqual([
      expect.stringMatching(/^is not well-formed XML \(.+\)$/),
    ]);
    expect(inspectSvg(solidPng(1, 1, [0, 0, 0]).toString('utf8'))).toEqual([
      expect.stringMatching(/^is not well-formed XML/),
    ]);
  });
});

describe('checkLogo and logoProblems', () => {
  let publicDir: string;
  beforeAll(async () => {
    publicDir = await mkdtemp(join(tmpdir(), 'cotech-logos-'));
    await mkdir(join(publicDir, 'images/coops'), { recursive: true });
    await writeFile(join(publicDir, 'images/coops/good.svg'), svg('viewBox="0 0 40 20"'));
    await writeFile(join(publicDir, 'images/coops/good.PNG'), solidPng(300, 100, [0, 0, 255]));
    await writeFile(join(publicDir, 'images/coops/jpeg.png'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await writeFile(join(publicDir, 'images/coops/bad.svg'), svg('viewBox="0 0 1 1" onclick="x()"', '<script/>'));
  });
  afterAll(async () => {
    await rm(publicDir, { recursive: true, force: true });
  });
  const coop = (logo?: string) => ({ _raw: { sourceFilePath: 'coops/acme.md' }, ...(logo !== undefined && { logo }) });

  it('reads an SVG or a PNG under /images/coops/ with its size and media type', () => {
    expect(checkLogo('/images/coops/good.svg', publicDir)).toMatchObject({
      src: '/images/coops/good.svg',
      mediaType: 'image/svg+xml',
      width: 40,
      height: 20,
    });
    const png = readLogo('/images/coops/good.PNG', publicDir);
    expect(png).toMatchObject({ mediaType: 'image/png', width: 300, height: 100 });
    expect(logoDataUrl(png)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(logoProblems(coop('/images/coops/good.svg'), publicDir)).toEqual([]);
    expect(logoProblems(coop(), publicDir)).toEqual([]);
  });

  it("names the co-op's file, the field and the logo for each problem", () => {
    const logoProblemLines = (logo: string) => logoProblems(coop(logo), publicDir).map(describeProblem);
    const where = 'is not an .svg or .png file in /images/coops/';
    expect(logoProblems(coop('/images/coops/missing.svg'), publicDir)).toEqual([
      { file: 'content/coops/acme.md', field: 'logo', message: expect.stringContaining('has no file') },
    ]);
    expect(logoProblemLines('/images/coops/acme.jpg')).toEqual([
      expect.stringContaining(`content/coops/acme.md: logo "/images/coops/acme.jpg" ${where}`),
    ]);
    expect(logoProblemLines('/images/work/acme.svg')[0]).toContain(where);
    expect(logoProblemLines('images/coops/good.svg')[0]).toContain(where);
    expect(logoProblemLines('/images/coops/../coops/good.svg')[0]).toContain(where);
    expect(logoProblemLines('/images/coops/my logo.svg')[0]).toContain(where);
    expect(logoProblemLines('/images/coops/missing.svg')).toEqual([
      'content/coops/acme.md: logo "/images/coops/missing.svg" has no file (no public/images/coops/missing.svg)',
    ]);
    expect(logoProblemLines('/images/coops/jpeg.png')).toEqual([
      'content/coops/acme.md: logo "/images/coops/jpeg.png" is not a PNG file',
    ]);
    expect(logoProblemLines('/images/coops/bad.svg')).toEqual([
      'content/coops/acme.md: logo "/images/coops/bad.svg" has an event handler (onclick) (line 1)',
      'content/coops/acme.md: logo "/images/coops/bad.svg" has a <script> element (line 1)',
    ]);
  });

  it('refuses to render a logo that fails the checks', () => {
    expect(() => readLogo('/images/coops/missing.svg', publicDir)).toThrow(
      'Logo "/images/coops/missing.svg" has no file (no public/images/coops/missing.svg)',
    );
  });
});

describe('fitLogo', () => {
  const box = { width: 64, height: 64 };

  it('fits an SVG in the box keeping its shape, larger or smaller', () => {
    expect(fitLogo({ mediaType: 'image/svg+xml', width: 20, height: 10 }, box)).toEqual({ width: 64, height: 32 });
    expect(fitLogo({ mediaType: 'image/svg+xml', width: 500, height: 1000 }, box)).toEqual({ width: 32, height: 64 });
  });

  it('shrinks a PNG to fit, but never draws it larger than its pixels', () => {
    expect(fitLogo({ mediaType: 'image/png', width: 300, height: 100 }, box)).toEqual({ width: 64, height: 21 });
    expect(fitLogo({ mediaType: 'image/png', width: 40, height: 20 }, box)).toEqual({ width: 40, height: 20 });
  });

  it('never rounds a side down to nothing', () => {
    expect(fitLogo({ mediaType: 'image/svg+xml', width: 1000, height: 1 }, box)).toEqual({ width: 64, height: 1 });
  });
});
