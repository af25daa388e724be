#!/usr/bin/env bash
# make api: what `import PluginSDK` (and `import PluginSDKTesting`) shows an author, counted and checked.
#
#   scripts/public-api.sh
#
# Dumps the symbol graphs of the SDK's modules (`swift package dump-symbol-graph --minimum-access-level public`)
# and prints, per module and in total, the declarations whose access is public or open: every one an author sees,
# including the members the compiler adds (`!=`, `hashValue`, `init(rawValue:)`...), and of those the ones written
# in our sources. It fails when
#
#  (a) a public declaration written in our sources has no doc comment. The rule, on the symbol graph:
#      - skipped: members the compiler made, which have no source to document: default implementations copied in
#        from a protocol extension (their identifier contains `::SYNTHESIZED::`), and implicit members such as an
#        enum's `init(rawValue:)` or a derived `init(from:)` (they have no `location`);
#      - documented: any other declaration whose `docComment` has text. That is its own `///` comment or, for a
#        declaration that implements a protocol requirement and has no comment of its own, the requirement's
#        comment, which the symbol graph copies in (its `docComment.module` then names the protocol's module, e.g.
#        `Swift` for `CustomStringConvertible.description`) and DocC shows. A requirement implementation whose graph
#        shows no comment at all has nothing to show and fails like any other declaration;
#  (b) a public type, protocol, type alias or associated type of ours, nested or not, has the name of a top-level
#      type of the standard library (Swift, _Concurrency, _StringProcessing: imported into every file) or of
#      Foundation (Foundation, FoundationEssentials, FoundationInternationalization). Those names are read from the
#      toolchain's own modules with swift-symbolgraph-extract; the script checks that `Duration`, `Task`, `Regex`,
#      `Data` and `Progress` are among them before trusting the list.
set -euo pipefail
cd "$(dirname "$0")/.."

MODULES=(PluginJSON ArgoModels PluginSDK PluginSDKTesting)
STANDARD_MODULES=(Swift _Concurrency _StringProcessing Foundation FoundationEssentials FoundationInternationalization)
TYPE_KINDS='^swift\.(struct|class|enum|protocol|typealias|actor|associatedtype)$'

command -v jq >/dev/null || { echo "public-api: jq is required (make api installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Our modules' symbol graphs. Stale graphs of an earlier dump would be read too, so the folder starts empty.
graphs="$(dirname "$(swift build --show-bin-path)")/symbolgraph"
rm -rf "$graphs"
swift package dump-symbol-graph --minimum-access-level public > "$work/dump.log" 2>&1 || {
  cat "$work/dump.log" >&2
  exit 1
}
[[ -d $graphs ]] || { echo "public-api: no symbol graphs in $graphs" >&2; cat "$work/dump.log" >&2; exit 1; }

# One line per public symbol of a module (its own graph and the graphs of its extensions to other modules, named
# Module@Other): module, kind, path, state (synthesized, implicit, documented, undocumented), location.
for module in "${MODULES[@]}"; do
  files=("$graphs/$module.symbols.json")
  for extension in "$graphs/$module@"*.symbols.json; do
    [[ -e $extension ]] && files+=("$extension")
  done
  [[ -e ${files[0]} ]] || { echo "public-api: no symbol graph for $module" >&2; exit 1; }
  jq -r --arg mod "$module" '
    .symbols[]
    | select(.accessLevel == "public" or .accessLevel == "open")
    | [ $mod, .kind.identifier, (.pathComponents | join(".")),
        (if (.identifier.precise | contains("::SYNTHESIZED::")) then "synthesized"
         elif .location == null then "implicit"
         elif ([.docComment.lines[]?.text | select(test("\\S"))] | length) > 0 then "documented"
         else "undocumented" end),
        ((.location.uri // "" | sub("^file://"; "")) + ":" + ((.location.position.line // -1) + 1 | tostring)) ]
    | @tsv' "${files[@]}" >> "$work/ours.tsv"
done

printf '%-18s %8s %10s\n' module public written
total=0
total_written=0
for module in "${MODULES[@]}"; do
  count=$(awk -F'\t' -v m="$module" '$1 == m' "$work/ours.tsv" | wc -l)
  written=$(awk -F'\t' -v m="$module" '$1 == m && $4 ~ /documented$/' "$work/ours.tsv" | wc -l)
  printf '%-18s %8d %10d\n' "$module" "$count" "$written"
  total=$((total + count))
  total_written=$((total_written + written))
done
printf '%-18s %8d %10d\n' total "$total" "$total_written"
echo "(public: every public or open declaration in the symbol graphs, members the compiler adds included;"
echo " written: the ones declared in our sources)"

status=0

# (a) Doc comments.
root=$(pwd)/
undocumented=$(awk -F'\t' '$4 == "undocumented"' "$work/ours.tsv")
if [[ -n $undocumented ]]; then
  status=1
  echo
  echo "public declarations without a doc comment:"
  while IFS=$'\t' read -r module kind path _ location; do
    echo "  $module: $path (${kind#swift.}) at ${location#"$root"}"
  done <<< "$undocumented"
fi

# (b) Names of the standard library and Foundation, from the toolchain's modules.
swift_bin=$(dirname "$(command -v swift)")
extract=$swift_bin/swift-symbolgraph-extract
[[ -x $extract ]] || { echo "public-api: $extract not found" >&2; exit 1; }
triple=$(swift -print-target-info | jq -r .target.triple)
sdk=()
if [[ $(uname) == Darwin ]]; then sdk=(-sdk "$(xcrun --show-sdk-path)"); fi
for module in "${STANDARD_MODULES[@]}"; do
  mkdir -p "$work/standard/$module"
  "$extract" -module-name "$module" -target "$triple" "${sdk[@]}" -minimum-access-level public \
    -output-dir "$work/standard/$module" > "$work/extract.log" 2>&1 || {
    cat "$work/extract.log" >&2
    exit 1
  }
  # Every graph the extraction wrote (_Concurrency's lands in a file named _Concurrency@Swift): top-level types.
  jq -r --arg mod "$module" --arg kinds "$TYPE_KINDS" '
    .symbols[]
    | select(.accessLevel == "public" or .accessLevel == "open")
    | select((.kind.identifier | test($kinds)) and (.pathComponents | length) == 1)
    | [.pathComponents[0], $mod] | @tsv' "$work/standard/$module"/*.symbols.json >> "$work/standard.tsv"
done
for known in Duration Task Regex Data Progress; do
  grep -q "^$known"$'\t' "$work/standard.tsv" || {
    echo "public-api: '$known' is missing from the standard names read from the toolchain; not trusting them" >&2
    exit 1
  }
done
sort -u -t$'\t' -k1,1 "$work/standard.tsv" > "$work/standard-names.tsv"

awk -F'\t' -v kinds="$TYPE_KINDS" '$2 ~ kinds { n = split($3, parts, "."); print parts[n] "\t" $1 "\t" $3 "\t" $2 }' \
  "$work/ours.tsv" | sort -t$'\t' -k1,1 > "$work/our-types.tsv"
clashes=$(join -t$'\t' "$work/our-types.tsv" "$work/standard-names.tsv" || true)
if [[ -n $clashes ]]; then
  status=1
  echo
  echo "public types named like a type of the standard library or Foundation (rename them):"
  while IFS=$'\t' read -r name module path kind standard; do
    echo "  $module: $path (${kind#swift.}) has the name of $standard.$name"
  done <<< "$clashes"
fi

if [[ $status == 0 ]]; then
  echo
  echo "every public declaration is documented; no public type takes a standard library or Foundation name" \
    "($(wc -l < "$work/standard-names.tsv") names checked)"
fi
exit $status
