// vnu-jar ships no types. Its CommonJS export is the jar's path as a String object (its `vnu` runner, which
// downloads a Java when there is none, is not used: scripts/html-validator.ts).
declare module 'vnu-jar' {
  const jarPath: { toString(): string };
  export default jarPath;
}
