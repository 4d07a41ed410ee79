// Types for request-target.mjs, which plain-Node server/server.mjs uses and its unit test imports.
export function originForm(target: string): string | undefined;
