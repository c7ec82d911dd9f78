/**
 * The CLI's help texts: one overview and one per command. Kept beside the commands so `--help` and the
 * README say the same thing.
 */

export const overview = `petition-rules — China's petition-handling (信访) rules as cited, declarative rules

Usage: petition-rules <command> [options]

Commands
  evaluate <case.json|->     assess one case and print the explained report (or --json)
  audit <cases.ndjson|->     assess a batch, one NDJSON record per input line, summary on stderr
  rules                      list the rules and the provisions catalogue with coverage (--coverage)
  test <dir|file>...         run scenario files; readable diff; exit 1 on any failure
  schema [name]              print the JSON Schema of the case input or a rule-pack file format

Global options (every command)
  --directory FILE           organ directory: a JSON array of organs (id, name, level, kind, region, superior)
  --jurisdiction ID          apply the local pack for this jurisdiction (its parameters and rules)
  --packs DIR                load extra rule packs from a folder (repeatable)
  --policy KEY=VALUE         override a policy option, e.g. holidayRollover=false (repeatable)
  --calendar FILE            add a State Council holiday notice published since this release: a JSON
                             year file (or an array of them) like rules/calendar/cn/2026.json (repeatable)
  -h, --help                 help for a command: petition-rules <command> --help
  --version                  print the version

Dates are China calendar dates (YYYY-MM-DD). The library never reads the clock: when --as-of is left
out, the CLI assesses as of today's date in Asia/Shanghai and says so on stderr. A year with no holiday
notice in the data is projected from the Measures on National Holidays; due dates that rest on it are
marked provisional (--policy calendarCoverage=strict gives them no date instead).

Exit codes
  0  done; nothing the caller asked to fail on was found
  1  findings or overdue obligations where asked (--fail-on-findings, --fail-on-overdue); failed scenarios (test)
  2  bad input or usage: unknown option, missing file, invalid JSON or case, a pack or directory that does not load
`;

export const commandHelp: Record<string, string> = {
  evaluate: `Usage: petition-rules evaluate <case.json|-> [options]

Assess one case (a JSON file, or - for stdin) and print the explained report.

  --as-of DATE          evaluation date (default: today in Asia/Shanghai, noted on stderr)
  --lang en|zh          report language (and validation messages); default en
  --json                print the assessment as JSON instead of the report
  --trace               add the rules that fired, stage by stage, to the report
  --fail-on-findings    exit 1 when the assessment has accountability findings
  --fail-on-overdue     exit 1 when an obligation is overdue

An invalid case exits 2 and lists every problem (with --json also as {"error":{"issues":[...]}} on stdout).
`,
  audit: `Usage: petition-rules audit <cases.ndjson|-> [options]

Assess a batch: one JSON case per line. Writes one NDJSON record per input line, in input order:
  {"line": n, "assessment": {...}}   or   {"line": n, "error": {"caseId": "...", "issues": [{"path", "message"}]}}
Blank and unparseable lines are reported as errors, never dropped. At the end a summary table goes to
stderr: read / assessed / rejected (read = assessed + rejected), overdue obligations and findings by
organ and by id, and provisional due dates (a projected calendar year) by id. A progress line is drawn
on stderr only when it is a terminal. Memory stays flat.
Cases are assessed on worker threads, one per core; the records keep the input's order.
A line ends at \n (or \r\n); the last line counts without one.

  --as-of DATE          evaluation date (default: today in Asia/Shanghai, noted on stderr)
  --out FILE            write the records to FILE instead of stdout
  --summary FILE        also write the summary as JSON to FILE
  --lang en|zh          language of validation messages
  --without-trace       leave the rule trace out of each assessment (smaller output)
  --threads N           worker threads (default: one per core); 1 is one worker beside the reader
  --evaluator KIND      compiled (default) or json-rules-engine (the reference; slower)
  --fail-on-findings    exit 1 when any case has a finding
  --fail-on-overdue     exit 1 when any obligation is overdue
  --fail-on-rejected    exit 2 when any line was rejected
`,
  rules: `Usage: petition-rules rules [options]

List the rules pack by pack (stage, citations, outcomes) and each instrument's provisions catalogue
with its coverage: provisions encoded by rules, operational but not encoded, not operational, and
awaiting rules.

  --at DATE             only packs and rules in force for a matter received on DATE
  --pack ID             only this pack (and its instrument's catalogue)
  --coverage            only the coverage: per instrument encoded / catalogued / total, and each
                        provision not encoded with the reason; exit 1 when a catalogue has a problem
                        (a provision neither encoded nor catalogued, a stale reason, an unknown provision)
  --lang en|zh          language of the reasons (--coverage)
  --facts               list what a rule may name instead: facts, operators, parties, outcome kinds
  --json                print as JSON
`,
  test: `Usage: petition-rules test <dir|file>... [options]

Run scenario files (*.json, recursively; names starting with _ are skipped). Prints PASS/FAIL per
scenario with a diff of what differs; exit 1 if any fails, 2 if a file is malformed.

  --quiet               print failures and the total only
`,
  schema: `Usage: petition-rules schema [case|directory|pack|parameters|rules|provisions|calendar|scenario|...]

Print a JSON Schema (draft 2020-12) generated from the library's own validation: the case input (the
default), the organ directory, a rule-pack file format, a calendar year (a holiday notice for --calendar),
a scenario, or a data file of the built-in rules/ folder (policy, counting, holiday-measures, festivals).

  --list                list the schema names
`,
};
