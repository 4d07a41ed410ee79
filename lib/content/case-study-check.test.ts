import { describe, expect, it } from 'vitest';
import { describeProblem } from './problem';
import { caseStudyProblems } from './case-study-check';

const file = { _raw: { sourceFilePath: 'work/study.md' } };
const inPublic = (path: string) => path === '/images/work/study.png';
const image = (src: string, width = 1200, height = 800) => ({ src, width, height });

describe('caseStudyProblems', () => {
  it('accepts http(s) links, an image under public/ that exists and one on an https host', () => {
    expect(caseStudyProblems({ ...file, links: ['https://nookcrm.com/', 'http://example.org/a'] }, inPublic)).toEqual(
      [],
    );
    expect(caseStudyProblems({ ...file, image: image('/images/work/study.png') }, inPublic)).toEqual([]);
    expect(caseStudyProblems({ ...file, image: image('https://example.org/study.png') }, inPublic)).toEqual([]);
    expect(caseStudyProblems(file, inPublic)).toEqual([]);
  });

  it('names the file, the field and each link that is not an http(s) URL', () => {
    const problems = caseStudyProblems({ ...file, links: ['nookcrm.com', 'javascript:alert(1)'] }, inPublic);
    expect(problems.map(({ field }) => field)).toEqual(['links', 'links']);
    expect(problems.map(describeProblem)).toEqual([
      'content/work/study.md: link "nookcrm.com" in links is not an http(s) URL',
      'content/work/study.md: link "javascript:alert(1)" in links is not an http(s) URL',
    ]);
  });

  it('names the file and the image when it is missing, outside public/, on a plain-http host or unsized', () => {
    const checked = (src: string, width?: number, height?: number) =>
      caseStudyProblems({ ...file, image: image(src, width, height) }, inPublic);
    const problems = (src: string, width?: number, height?: number) => checked(src, width, height).map(describeProblem);
    expect(checked('/images/work/other.png')).toEqual([
      { file: 'content/work/study.md', field: 'image', message: expect.stringContaining('has no file') },
    ]);
    expect(problems('/images/work/other.png')).toEqual([
      'content/work/study.md: image "/images/work/other.png" has no file (no public/images/work/other.png)',
    ]);
    expect(problems('/images/../../etc/passwd')).toEqual([
      'content/work/study.md: image "/images/../../etc/passwd" is neither a path under public/ (starting with /) nor an https URL',
    ]);
    expect(problems('http://example.org/study.png')).toHaveLength(1);
    expect(problems('images/work/study.png')).toHaveLength(1);
    expect(problems('/images/work/study.png', 0, 800)).toEqual([
      'content/work/study.md: image width and height must be whole numbers of pixels above 0',
    ]);
    expect(problems('/images/work/study.png', 1200, 80.5)).toHaveLength(1);
  });
});
