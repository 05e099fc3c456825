#!/bin/sh
# Every seed written as Kasip XML validates against the shipped schema data/kasip-1.xsd (xmllint), and the
# schema is not vacuous: a file with a missing id, an unknown element or a duplicate id does not validate.
#
#   check-xml-schema.sh XML-EXPORT-SEED SOURCE_ROOT
set -u

export_seed=$1
root=$2
xsd="$root/data/kasip-1.xsd"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint not found (install libxml2-utils)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

for seed in 000 001 002 004; do
  for txt in "$root"/data/samples/${seed}_*.txt; do
    out="$tmp/$seed.xml"
    if ! "$export_seed" "$txt" "$out"; then
      echo "FAIL: $seed: could not write XML"
      status=1
      continue
    fi
    if xmllint --noout --nonet --schema "$xsd" "$out" 2>"$tmp/$seed.log"; then
      echo "ok: $seed: $(wc -c <"$out") bytes validate against kasip-1.xsd"
    else
      echo "FAIL: $seed does not validate against kasip-1.xsd:"
      head -20 "$tmp/$seed.log"
      status=1
    fi
  done
done

# Negative controls, made from seed 001's XML.
src="$tmp/001.xml"
if [ -f "$src" ]; then
  # 1. the first card loses its id
  sed '0,/<card id="[^"]*"/s//<card/' "$src" >"$tmp/no-id.xml"
  # 2. an unknown element inside the first card
  sed '0,/<card \([^>]*\)>/s//<card \1><bogus\/>/' "$src" >"$tmp/unknown.xml"
  # 3. the second order item takes the first one's id
  first=$(sed -n 's/.*<order_item id="\([^"]*\)".*/\1/p' "$src" | head -1)
  sed "0,/<order_item id=\"$first\"/! s/<order_item id=\"[^\"]*\"/<order_item id=\"$first\"/" "$src" >"$tmp/dup.xml"
  for bad in no-id unknown dup; do
    if cmp -s "$src" "$tmp/$bad.xml"; then
      echo "FAIL: negative control $bad: the edit did not apply"
      status=1
    elif xmllint --noout --nonet --schema "$xsd" "$tmp/$bad.xml" 2>/dev/null; then
      echo "FAIL: negative control $bad validates, the schema is too lax"
      status=1
    else
      echo "ok: negative control $bad is refused by the schema"
    fi
  done
fi

exit $status
