// A Jest reporter that ends every run with its slowest test files, so the suite's time budget
// (README: npm test within 15 minutes on 2 cores) shows where it goes, in CI logs too.
// JEST_SLOWEST sets how many files are listed (default 15; 0 turns the table off).
class SlowestFiles {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    const asked = Number(process.env.JEST_SLOWEST ?? '15');
    this.count = Number.isInteger(asked) && asked >= 0 ? asked : 15;
  }

  onRunComplete(_contexts, results) {
    if (this.count === 0 || results.testResults.length < 2) return;
    const files = results.testResults
      .map((r) => ({ file: r.testFilePath.startsWith(this.rootDir) ? r.testFilePath.slice(this.rootDir.length + 1) : r.testFilePath, seconds: (r.perfStats.end - r.perfStats.start) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds);
    const total = files.reduce((sum, f) => sum + f.seconds, 0);
    const lines = files.slice(0, this.count).map((f) => `${f.seconds.toFixed(1).padStart(8)} s  ${(100 * f.seconds / total).toFixed(1).padStart(5)} %  ${f.file}`);
    process.stderr.write(`\nSlowest test files (${files.length} files, ${total.toFixed(0)} s in all):\n${lines.join('\n')}\n`);
  }
}

module.exports = SlowestFiles;
