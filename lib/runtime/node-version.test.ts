import { describe, expect, it } from 'vitest';
import { nodeVersionRefusal, requiredNodeMajor } from './node-version';

describe('nodeVersionRefusal', () => {
  it('refuses an older Node.js in one line: the version it needs, the one it got, and how to get it', () => {
    const refusal = nodeVersionRefusal('20.20.2');
    expect(refusal).toMatch(/^This site needs Node\.js 24 or later, not 20\.20\.2\. `npm install` brings Node\.js 24/);
    expect(refusal).toContain('`npm start`');
    expect(refusal).not.toContain('\n');
    expect(nodeVersionRefusal('23.11.0')).toBeDefined();
  });

  it(`lets Node.js ${requiredNodeMajor} and later run`, () => {
    expect(nodeVersionRefusal('24.0.0')).toBeUndefined();
    expect(nodeVersionRefusal('24.21.0')).toBeUndefined();
    expect(nodeVersionRefusal('25.1.0')).toBeUndefined();
  });
});
