// Which Node.js the site runs on, and the one line that refuses any other. On Node.js 20 the site would start, serve
// its pages and answer every enquiry with 500 (its code uses what only Node.js 22 and later have), so every way of
// starting it asks here first: server/start.mjs (`npm start`) and instrumentation.ts (`next start`, the standalone
// server.js, and `npm start`'s server again).
//
// It imports nothing and has no type annotations, so its text is JavaScript as well as TypeScript: server/start.mjs
// evaluates it on a Node.js too old to load TypeScript at all (server/start.test.ts runs that on a real Node.js 20).

export const requiredNodeMajor = 24;

/** The line that refuses Node.js `version`, or undefined when it is new enough. */
export function nodeVersionRefusal(version = process.versions.node) {
  if (Number(version.split('.')[0]) >= requiredNodeMajor) return undefined;
  return (
    `This site needs Node.js ${requiredNodeMajor} or later, not ${version}. \`npm install\` brings Node.js ` +
    `${requiredNodeMajor} as the npm package \`node\`: start the site with \`npm start\` or \`npx next start\`, ` +
    "which run on it (a standalone build: run server.js with the project's node_modules/.bin/node)."
  );
}

/** Exits 1 with that line when this Node.js is too old: the process must not start half-working. */
export function refuseOldNode() {
  const refusal = nodeVersionRefusal();
  if (refusal === undefined) return;
  console.error(refusal);
  process.exit(1);
}
