// A Node.js older than the site needs, to run the refusal on (lib/runtime/node-version.ts). This kind of machine,
// CI's included, has Debian's Node.js 20 at /usr/bin/node beside the npm package's Node.js 24: the real thing, which
// also proves the refusal runs before anything an old Node.js cannot load. Where there is none, Node.js 24 stands
// in, its process.versions.node set to 20.0.0 before any of the site's code runs: that still tests the check and
// every place it is wired in.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { nodeVersionRefusal } from '../lib/runtime/node-version';

export type OldNode = {
  /** The node to spawn. */
  executable: string;
  /** The version it reports. */
  version: string;
  /** What its environment needs on top (the stand-in's version). */
  env: Record<string, string>;
  /** For test titles. */
  description: string;
};

const systemNode = '/usr/bin/node';

export function oldNode(): OldNode {
  if (existsSync(systemNode)) {
    const version = spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    if (nodeVersionRefusal(version)) {
      return { executable: systemNode, version, env: {}, description: `Node.js ${version} (${systemNode})` };
    }
  }
  const version = '20.0.0';
  const fake = `Object.defineProperty(process.versions, 'node', { value: '${version}' })`;
  return {
    executable: process.execPath,
    version,
    env: { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(fake)}` },
    description: `Node.js ${process.versions.node} saying it is ${version}`,
  };
}
