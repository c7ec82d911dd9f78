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
  lint                       check the rule packs statically: rules that never fire, conflicting time
                             limits, redundant rules, unused parameters, uncatalogued citations
  test <dir|file>...         run scenario files; readable diff; exit 1 on any failure
  schema [name]              print the JSON Schema of the case input or a rule-pack file format
  serve                      serve the playground page on localhost (the core running in the browser)
  verify <receipt> <case>    re-evaluate a case against its receipt: "reproduced", or what differs
  compare <cases.ndjson|->   the same cases under a base and a reform law: what appears, disappears, changes
  expand <records.ndjson|->  turn audit's compact records back into the full assessments they stand for

Global options (every command)
  --directory FILE           organ directory: a JSON array of organs (id, name, level, kind, region, superior)
  --jurisdiction ID          apply the local pack for this jurisdiction (its parameters and rules)
  --packs DIR                load extra rule packs from a folder (repeatable)
  --policy KEY=VALUE         override a policy option, e.g. holidayRollover=false (repeatable)
  --calendar FILE            add a State Council holiday notice published since this release: a JSON
                             year file (or an array of them) like rules/calendar/cn/2026.json (repeatable)
  --lang en|zh               language of the CLI's messages (and of reports, where a command makes one)
  -h, --help                 help for a command: petition-rules <command> --help
  --version                  print the version

Dates are China calendar dates (YYYY-MM-DD). The library never reads the clock: when --as-of is left
out, the CLI assesses as of today's date in Asia/Shanghai and says so on stderr. A year with no holiday
notice in the data is projected from the Measures on National Holidays; due dates that rest on it are
marked provisional (--policy calendarCoverage=strict gives them no date instead).

Exit codes
  0  done; nothing the caller asked to fail on was found (also when the reader of stdout goes away, as with | head)
  1  findings or overdue obligations where asked (--fail-on-findings, --fail-on-overdue); failed scenarios (test)
  2  bad input or usage: unknown option, missing file or a folder where a file is meant, invalid JSON or case,
     a pack or directory that does not load, an output that cannot be written (missing folder, full disk)
  3  internal error: the program itself failed (a bug, a worker thread that died), not the input;
     PETITION_RULES_DEBUG=1 prints its stack
  128+N  stopped by signal N (130 for Ctrl-C, 143 for SIGTERM), once the writes under way were done
`;

export const commandHelp: Record<string, string> = {
  evaluate: `Usage: petition-rules evaluate <case.json|-> [options]

Assess one case (a JSON file, or - for stdin) and print the explained report.

  --as-of DATE          evaluation date (default: today in Asia/Shanghai, noted on stderr)
  --lang en|zh          report language (and validation messages); default en
  --format FORMAT       text (the report, the default), json (the assessment), svg (the timeline:
                        each time limit a bar on a line of dates with rest days and holidays marked),
                        html (one self-contained page: the timeline above the report)
  --json                the same as --format json
  --trace               add the rules that fired, stage by stage, to the report
  --fail-on-findings    exit 1 when the assessment has accountability findings
  --fail-on-overdue     exit 1 when an obligation is overdue
  --receipt             add a receipt to the assessment (with --json): library version, hashes of the
                        packs, calendar data, directory, input and answer, policy values, years projected

An invalid case exits 2 and lists every problem (with --json also as {"error":{"issues":[...]}} on stdout).
`,
  audit: `Usage: petition-rules audit <cases.ndjson|-> [options]

Assess a batch: one JSON case per line. Writes one NDJSON record per input line, in input order:
  {"line": n, "compact": {...}}   or   {"line": n, "error": {"caseId": "...", "issues": [{"path", "message"}]}}
A compact record holds the decisions (every obligation with its dates and status, escalations, actions,
findings, guidance) with organs by directory id, the law by pack id and content hash (as rules prints
them) and the trace by rule id and the values its conditions read; expand turns it back into exactly the
full assessment, given the same packs, policy and directory. --record full writes the assessment itself:
  {"line": n, "assessment": {...}}
Blank and unparseable lines are reported as errors, never dropped. At the end a summary table goes to
stderr: read / assessed / rejected (read = assessed + rejected), overdue obligations and findings by
organ and by id, and provisional due dates (a projected calendar year) by id. A progress line (share
done, cases a second, time left) is drawn on stderr only when it is a terminal, cut to its width; none
for TERM=dumb. Memory stays flat.
Cases are assessed on worker threads, one per core; the records keep the input's order.

Lines: the input is UTF-8 text. A line ends at a line feed (LF, written \\n) or at CR LF (\\r\\n);
a lone CR (\\r) stays part of its line; the last line counts even without a line end. A byte order
mark at the very start is skipped. A line that is not UTF-8 is rejected with its number.

  --as-of DATE          evaluation date (default: today in Asia/Shanghai, noted on stderr)
  --out FILE            write the records to FILE instead of stdout
  --summary FILE        also write the summary as JSON to FILE
  --report FILE         also write an HTML report to FILE: totals, charts of duties by organ and by
                        month, findings by kind and organ, days past due by organ, and the cases
                        with an overdue duty or a finding (the first 200), each with its timeline
  --lang en|zh          language of every message: validation, errors, the progress line and the summary
  --record KIND         compact (default: about a fifth of the bytes) or full (the whole assessment)
  --without-trace       leave the rule trace out of each record (smaller output)
  --threads N           worker threads (default: one per core); 1 is one worker beside the reader
  --evaluator KIND      compiled (default) or json-rules-engine (the reference; slower)
  --fail-on-findings    exit 1 when any case has a finding
  --fail-on-overdue     exit 1 when any obligation is overdue
  --fail-on-rejected    exit 2 when any line was rejected
  --receipt             add a receipt to each assessment (see evaluate --help; verify one with verify)
  --batch-timeout MS    stop a worker that takes more than MS milliseconds over one batch of lines
                        (default 60000; 0 for no limit); that batch's lines are rejected, the rest go on

--out and --summary are checked before the first case is read: a missing folder, a folder where the
file should be, or a file that cannot be written is one line naming it (exit 2), as is a full disk.
A line whose assessment fails inside the program is a record saying "internal error", and the run
exits 3.
`,
  rules: `Usage: petition-rules rules [options]

List the rules pack by pack (stage, citations, outcomes) and each instrument's provisions catalogue
with its coverage: provisions encoded by rules, operational but not encoded, not operational, and
awaiting rules. Each pack shows its version as compact audit records name it: id@ and the first 12
hex digits of its content hash (the whole hash beside it; in --json "reference" and "hash").

  --at DATE             only packs and rules in force for a matter received on DATE
  --pack ID             only this pack (and its instrument's catalogue)
  --coverage            only the coverage: per instrument encoded / catalogued / total, and each
                        provision not encoded with the reason; exit 1 when a catalogue has a problem
                        (a provision neither encoded nor catalogued, a stale reason, an unknown provision)
  --lang en|zh          language of the reasons (--coverage)
  --facts               list what a rule may name instead: facts, operators, parties, outcome kinds
  --json                print as JSON
`,
  lint: `Usage: petition-rules lint [options]

Check the rule packs (built-in and --packs) statically, over every combination of the values their
conditions tell apart. Reports, each with a witness (facts that show it): a rule that can never fire;
two rules in force together that give one obligation different periods or start events; a rule another
makes redundant; a dependsOn on a rule that can never fire; a parameter no rule names; a citation no
provisions catalogue holds. A pack explains a finding it keeps under "lint" in pack.json. Exit 0 when
every finding is explained, 1 otherwise.

Every loaded pack is checked (global --packs adds packs; --policy sets the policy values that
conditions compare with).

  --lang en|zh          language of the report
  --json                print the report as JSON
`,
  test: `Usage: petition-rules test <dir|file>... [options]

Run scenario files (*.json, recursively; names starting with _ are skipped). Prints PASS/FAIL per
scenario with a diff of what differs; exit 1 if any fails, 2 if a file is malformed.

  --quiet               print failures and the total only
`,
  serve: `Usage: petition-rules serve [options]

Serve the playground on localhost until interrupted (Ctrl-C): a page running the library in the
browser — pick an example or paste a case, choose the date, jurisdiction, policy and language, and see
the explained assessment and the timeline change as the case is edited. Nothing is sent anywhere.

  --port N              port to listen on (default 8787; 0 picks a free one)
  --host H              address to listen on (default 127.0.0.1)
  --dir DIR             serve another built playground folder (npm run playground -- DIR)
`,
  expand: `Usage: petition-rules expand <records.ndjson|-> [options]

Turn the compact records of an audit ({"line": n, "compact": {...}}) back into full records
({"line": n, "assessment": {...}}): the very bytes audit --record full writes for the same cases. Give
the global options the audit was run with (--directory, --jurisdiction, --packs, --policy): a record
names the packs it was made with (id@hash, as rules prints them), its policy and its directory by hash,
and one made with others is not expanded but reported. Error records and full records are copied as
they are. A line that cannot be expanded becomes {"line": n, "error": {"issues": [{"path", "message"}]}},
the rest go on, and the run exits 2.

  --lang en|zh          language of the messages
`,
  verify: `Usage: petition-rules verify <receipt.json> <case.json|-> [options]

Re-evaluate a case as its receipt records it (the receipt's --as-of date, jurisdiction and policy
values) with the packs, calendar and directory given now, and print "reproduced" (exit 0), or exactly
what differs — the input, a pack's manifest, parameters or rules, a policy option, the calendar data or
the years projected, the directory, the answer — and how the answer changed (exit 1). The receipt file
is the output of evaluate --json --receipt (or an audit record's assessment, or the receipt alone; with
the receipt alone the answer's change is told by its hash only). A different library version alone is
noted but does not stop "reproduced".

  --packs DIR           the extra packs the case was assessed with (repeatable)
  --calendar FILE       the holiday notices it was assessed with (repeatable)
  --directory FILE      the organ directory it was assessed with
  --lang en|zh          report language
  --json                print the differences (and how the answer changed) as JSON
`,
  compare: `Usage: petition-rules compare <cases.ndjson|-> --as-of DATE [options]

Assess each case (one JSON case per line) under a base and a reform, each given as packs, jurisdiction
and policy, and write one NDJSON record per input line, in input order:
  {"line": n, "caseId": "...", "changed": true|false, "differences": {"obligations": [...], "findings": [...],
   "escalations": [...], "guidance": [...], "actions": [...], "responsibilities": [...]}}
each difference {"change": "appeared"|"disappeared"|"changed", "id", "organ", "fields", "base", "reform", "rules"};
a line both reject: {"line": n, "error": {...}}; a line only one side rejects: {"line": n, "rejectedBy":
"base"|"reform", "error": {...}}. At the end a summary goes to stderr (and as JSON to --summary):
differences by list, by organ and by rule, and due dates moved earlier or later by obligation.
The global --packs, --policy and --jurisdiction apply to both sides; the side's own options add to them.
Cases are compared on worker threads, one per core.

  --as-of DATE               evaluation date (default: today in Asia/Shanghai, noted on stderr)
  --base-jurisdiction ID     the base's jurisdiction (default: none, the national law)
  --base-packs DIR           extra packs for the base (repeatable)
  --base-policy KEY=VALUE|FILE   a base policy option, or a JSON file of options (repeatable)
  --reform-jurisdiction ID   the reform's jurisdiction, e.g. zhejiang
  --reform-packs DIR         extra packs for the reform (repeatable)
  --reform-policy KEY=VALUE|FILE a reform policy option, or a JSON file of options (repeatable)
  --out FILE                 write the records to FILE instead of stdout
  --summary FILE             also write the summary as JSON to FILE
  --lang en|zh               language of validation messages
  --threads N                worker threads (default: one per core)
  --evaluator KIND           compiled (default) or json-rules-engine
  --fail-on-changes          exit 1 when any case changed
`,
  schema: `Usage: petition-rules schema [case|directory|pack|parameters|rules|provisions|calendar|scenario|receipt|...]

Print a JSON Schema (draft 2020-12) generated from the library's own validation: the case input (the
default), the organ directory, a rule-pack file format, a calendar year (a holiday notice for --calendar),
a scenario, or a data file of the built-in rules/ folder (policy, counting, holiday-measures, festivals).

  --list                list the schema names
`,
};
