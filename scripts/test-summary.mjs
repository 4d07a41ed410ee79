// Sums the JSON reports every test runner wrote under test-results/ into the closing line CI reads, after a line
// for each failure (the test's name and the first line of its error), so the end of CI's output says what failed.
// A test file that failed before its tests ran (an error in beforeAll, say) counts as one failure: its tests were
// not passed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

let passed = 0;
let failed = 0;
const failures = [];
const firstLine = (text) =>
  (text ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .trim()
    .split('\n')[0]
    .slice(0, 200);

/** Playwright nests suites by file and describe; each spec has one test per project. */
function playwrightFailures(suites, titles = []) {
  for (const suite of suites ?? []) {
    const path = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const error = test.results?.map((result) => result.error?.message ?? result.errors?.[0]?.message).find(Boolean);
        failures.push(
          `${[...path, spec.title].join(' > ')} [${test.projectName}] (${test.status}): ${firstLine(error)}`,
        );
      }
    }
    playwrightFailures(suite.suites, path);
  }
}

const dir = 'test-results';
for (const file of existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : []) {
  const report = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  if ('numPassedTests' in report) {
    // vitest
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    for (const result of report.testResults ?? []) {
      const name = relative(process.cwd(), result.name);
      const failedTests = (result.assertionResults ?? []).filter((test) => test.status === 'failed');
      for (const test of failedTests)
        failures.push(`${name} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      if (result.status === 'failed' && failedTests.length === 0) {
        failed += 1;
        failures.push(
          `${name}: failed before its tests ran${result.message ? `: ${firstLine(result.message)}` : ' (its error is above)'}`,
        );
      }
    }
  } else if (report.stats && 'expected' in report.stats) {
    // Playwright: `flaky` passed only on retry and counts as a failure here.
    passed += report.stats.expected;
    failed += report.stats.unexpected + report.stats.flaky;
    playwrightFailures(report.suites);
  }
}
for (const failure of failures) console.log(`failed: ${failure}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
