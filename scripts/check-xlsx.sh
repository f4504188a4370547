#!/usr/bin/env bash
# Opens every Excel file the app makes in LibreOffice and checks that it reads right: a demo
# database, each export (items, cards, roster, summary, units, funds, activities, proposals, news,
# volunteers) as xlsx, converted with `soffice --headless --convert-to csv` (UTF-8, cells as they
# are displayed), then compared with the app's own text of the same data (its CSV export; for funds
# its JSON): Chinese, numbers, dates and amounts must read the same. Not part of scripts/test.sh
# (LibreOffice takes a while); exits 0 with 跳过 when soffice is missing.
#
#   apt-get install -y libreoffice-calc-nogui && bash scripts/check-xlsx.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

if ! command -v soffice >/dev/null; then
  echo "跳过：本机没有 LibreOffice（apt-get install -y libreoffice-calc-nogui），未检查 xlsx"
  exit 0
fi

step "编译命令行程序"
cargo build -q -p studio-cli
studio="$CARGO_TARGET_DIR/debug/studio"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/studio.db"
"$studio" --db "$db" demo >/dev/null
year="$(date +%Y)"

step "导出 xlsx 与对照文件"
lists=(items cards delegates activities proposals news volunteers)
reports=(summary units)
for w in "${lists[@]}" "${reports[@]}"; do
  for f in xlsx csv; do
    "$studio" --db "$db" export "$w" --format "$f" -o "$work/$w.$f" --reason "xlsx 检查" >/dev/null
  done
done
"$studio" --db "$db" export funds --year "$year" --format xlsx -o "$work/funds.xlsx" >/dev/null
"$studio" --db "$db" export funds --year "$year" --format json -o "$work/funds.json" >/dev/null

step "用 LibreOffice 转换为 CSV"
# 44,34,76,1: comma, double quote, UTF-8, from the first line; cells as displayed.
soffice --headless -env:UserInstallation="file://$work/lo-profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/lo" "$work"/*.xlsx >/dev/null 2>&1

step "对照"
failed=0
check() {
  local kind=$1 name=$2 app=$3
  echo "$name.xlsx"
  if [ ! -s "$work/lo/$name.csv" ]; then
    echo "  LibreOffice 没有转换出 $name.csv"; failed=1; return
  fi
  python3 scripts/lib/compare-xlsx.py "$kind" "$work/lo/$name.csv" "$app" || failed=1
}
for w in "${lists[@]}"; do check list "$w" "$work/$w.csv"; done
for w in "${reports[@]}"; do check report "$w" "$work/$w.csv"; done
check funds funds "$work/funds.json"

if [ "$failed" = 0 ]; then
  echo "通过：10 个 xlsx 在 LibreOffice 中读出的内容与应用一致"
else
  echo "失败：见上" >&2
  exit 1
fi
