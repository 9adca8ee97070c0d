#!/usr/bin/env bash
# The package as a user gets it: pack the tarball, install it into a fresh project with
# npm's defaults, and run the card's command there. Fails when the tarball ships tests or
# fixtures, when npm warns about an install script, or when the diff lacks the upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npm pack --pack-destination "$work" --json > "$work/pack.json"
tarball="$(node -e 'const [p] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(p.filename)' "$work/pack.json")"
shipped="$(node -e 'const [p] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(p.files.map((f) => f.path).join("\n"))' "$work/pack.json")"
if grep -E '^(test|__testfixtures__|examples|src|scripts)/|\.test\.' <<< "$shipped"; then
  echo "pack-check: the tarball ships files that do not run (above)" >&2
  exit 1
fi

mkdir "$work/app"
cd "$work/app"
npm init -y > /dev/null
npm install --no-audit --no-fund "$work/$tarball" 2>&1 | tee "$work/install.log"
if grep -Eqi 'install script|allowScripts|allow-scripts' "$work/install.log"; then
  echo "pack-check: npm warned about an install script" >&2
  exit 1
fi

mkdir src
cat > src/app.ts <<'TS'
import OpenAI from "openai";

const client = new OpenAI();

export async function answer(question: string) {
  const response = await client.responses.create({
    model: "gpt-5.4",
    input: question,
  });
  return response.output_text;
}
TS
npx --no-install gpt55-codemod transforms/model-slug src --dry | tee "$work/diff.txt"
grep -q '^+    model: "gpt-5.5",' "$work/diff.txt" || { echo "pack-check: the diff does not upgrade src/app.ts" >&2; exit 1; }
grep -q 'model: "gpt-5.4"' src/app.ts || { echo "pack-check: --dry wrote the file" >&2; exit 1; }
echo "pack-check: $tarball installs without install scripts and upgrades src/app.ts"
