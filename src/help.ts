/** The command line's usage text (`--help`): every command and option with an example. */
import { VERSION } from './report/model.js';

export const HELP = `gpt55-codemod ${VERSION}: upgrade code that calls the OpenAI API from GPT-5.4 to GPT-5.5

Usage:
  gpt55-codemod <transform|upgrade> [paths...] [options]
  gpt55-codemod list
  gpt55-codemod merge-reports <a.json> <b.json>... [--report <file>]
  gpt55-codemod decide <keep|upgrade> <file:line... | --reason <text> | --all-current> [paths...]
  gpt55-codemod decide [keep|upgrade] --from-checklist <report.md> [paths...]
  gpt55-codemod decide --prune [paths...]

Commands:
  upgrade                 run every transform, in order, in one pass
                            gpt55-codemod upgrade .
  <transform>             run one transform (also transforms/<name> or its file path)
                            gpt55-codemod transforms/model-slug src --dry
  list                    print the transforms with their descriptions
                            gpt55-codemod list
  merge-reports           combine JSON reports from shards or repositories
                            gpt55-codemod merge-reports shard-1.json shard-2.json --report all.md
  decide                  record keep / upgrade per site in gpt55-codemod.decisions.json (beside
                          the config, else at the top of the first path); runs honour it: kept
                          sites stay as they are, upgrade sites are upgraded as with --all
                            gpt55-codemod decide keep --all-current
                            gpt55-codemod decide upgrade src/agent.test.ts:12 --note "tests follow prod"
                            gpt55-codemod decide keep --reason "in a test folder"
                            gpt55-codemod decide --from-checklist gpt55.md   (ticked boxes: upgrade)
                            gpt55-codemod decide --prune                     (drop entries whose site is gone)

Paths default to "."; files, folders and globs ("packages/*/src") are accepted.

Options:
  -d, --dry               write nothing; print a unified diff per changed file and the summary
                            gpt55-codemod upgrade src --dry
      --json              print the JSON report on stdout instead of diffs and summary
                            gpt55-codemod upgrade . --dry --json > report.json
      --report <file>     also write the report; format by extension: .json, .md, .sarif, .html
                          (.html: one self-contained page with filters, diffs and the checklist)
                            gpt55-codemod upgrade . --dry --report ../gpt55.html
      --patch <file>      write all changes as one unified diff for git apply (writes nothing else)
                            gpt55-codemod upgrade . --patch gpt55.patch && git apply gpt55.patch
      --all               upgrade all model usage: pinned-context sites and older families too
                          (never dated snapshots, mini/nano, fine-tunes or third-party models)
                            gpt55-codemod model-slug src --all
      --preserve-effort   where an upgraded request sets no reasoning effort, add effort none
                          (GPT-5.4's default) in its API's spelling; requests blocked only for
                          temperature / top_p / logprobs are then upgraded too
                            gpt55-codemod upgrade src --preserve-effort --dry
      --add-retention     add prompt_cache_retention "24h" to GPT-5.5 requests that do not set it,
                          where the nearest manifest's SDK version knows the field
                            gpt55-codemod prompt-cache-retention src --add-retention --dry
      --config <file>     config file (default: gpt55-codemod.config.yaml found walking up)
                            gpt55-codemod upgrade . --config ci/gpt55.yaml
      --force             write into a git work tree that has uncommitted changes
                            gpt55-codemod upgrade src --force
      --check             write nothing; exit 1 if any site would be upgraded, is blocked or
                          waits for a decision (a CI gate; sites the decisions file keeps pass)
                            gpt55-codemod upgrade . --check
      --workers <n>       worker threads (default: cores minus one, at least one)
                            gpt55-codemod upgrade . --workers 4
      --file-timeout <s>  seconds one file may take to parse and transform before it is
                          reported as an error and left untouched (default 10; 0: no limit)
                            gpt55-codemod upgrade . --file-timeout 30
      --shard <k/n>       process only shard k of n (deterministic; merge the JSON reports)
                            gpt55-codemod upgrade . --shard 2/4 --json > shard-2.json
      --extensions <list> only these extensions (comma-separated; .env for env files)
                            gpt55-codemod upgrade . --extensions ts,tsx,py
      --ignore-pattern <glob>  skip matching paths (repeatable)
                            gpt55-codemod upgrade . --ignore-pattern "legacy/**"
      --no-gitignore      also look at files that .gitignore excludes
                            gpt55-codemod upgrade . --no-gitignore
      --quiet             print only errors (and the report where asked)
                            gpt55-codemod upgrade . --quiet --report gpt55.json
      --verbose           also list every site, upgraded and kept ones included
                            gpt55-codemod upgrade . --dry --verbose
decide options:
      --all-current       every site that now fails --check, except the ones a run upgrades
      --reason <text>     the sites (not upgraded) whose reason contains the text
      --from-checklist <report.md>  the ticked boxes of a Markdown report's checklist
      --note <text>       a note kept with each decision
      --by <name>         who decided (default: $GIT_AUTHOR_NAME, else the OS user)
      --prune             remove entries whose site is gone (stale)
  -h, --help              this text
  -v, --version           the version

Exit codes: 0 done; 1 some file failed (parse error, unreadable, verify failed) or
--check found work; 2 bad usage or config.
`;
