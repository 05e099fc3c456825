#!/bin/bash
# The kasip CLI as a user runs it: help, sample workspace, edits through commands, editions, audit,
# and clear errors with the documented exit codes. Prints TAP-like lines and a summary.
set -u
kasip=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ws=$tmp/ws.kasip
pass=0; fail=0
check() { # check NAME EXPECTED_RC COMMAND... ; output in $out
  local name=$1 want=$2; shift 2
  out=$("$@" 2>&1); local rc=$?
  if [ "$rc" = "$want" ]; then pass=$((pass+1)); echo "ok - $name";
  else fail=$((fail+1)); echo "not ok - $name (exit $rc, wanted $want)"; echo "$out" | sed 's/^/# /'; fi
}
has() { # has NAME PATTERN: last output contains PATTERN
  if grep -qF -- "$2" <<<"$out"; then pass=$((pass+1)); echo "ok - $1";
  else fail=$((fail+1)); echo "not ok - $1: no «$2» in:"; echo "$out" | sed 's/^/# /'; fi
}

check "--version" 0 "$kasip" --version;                 has "version printed" "kasip 0."
check "--help" 0 "$kasip" --help
for c in new sample list show set edition audit diff revert history; do has "help lists $c" "  $c "; done
check "unknown subcommand" 2 "$kasip" frobnicate;      has "unknown named" "frobnicate"
check "missing workspace" 1 "$kasip" list -w "$tmp/none.kasip"; has "missing named" "$tmp/none.kasip: no such workspace"
printf 'not a workspace\0\1\2' > "$tmp/junk.kasip"
check "junk workspace" 1 "$kasip" list -w "$tmp/junk.kasip"; has "junk named" "$tmp/junk.kasip: not a Kasip workspace"

check "sample" 0 "$kasip" sample "$ws"
check "sample again" 0 "$kasip" sample "$ws";           has "not duplicated" "already holds"
check "list" 0 "$kasip" list -w "$ws";                  has "standard listed" "Q88100061"
check "show" 0 "$kasip" show -w "$ws" -s Q88100061;     has "card field shown" "Код наименования занятия: 5320-2-003"
check "show --ids" 0 "$kasip" show -w "$ws" -s Q88100061 --ids
card=$(awk -F'\t' '/card: / {print $1; exit}' <<<"$out")
[ -n "$card" ] && { pass=$((pass+1)); echo "ok - card id found"; } || { fail=$((fail+1)); echo "not ok - card id"; }

check "edition 1" 0 "$kasip" edition -w "$ws" -s Q88100061 --note "приказ № 125" --date 2024-04-30
check "set code" 0 env KASIP_USER=drafter-1 "$kasip" set -w "$ws" -s Q88100061 --element "$card" --field occupation_code --value 5320-2-004
check "set kk" 0 env KASIP_USER=drafter-1 "$kasip" set -w "$ws" -s Q88100061 --element "$card" --field profession_name --lang kk --value "Жеке көмекші"
check "show kk" 0 "$kasip" show -w "$ws" -s Q88100061 --lang kk; has "kazakh value" "Кәсіптің атауы: Жеке көмекші"
check "draft changed" 0 "$kasip" show -w "$ws" -s Q88100061; has "new code" "5320-2-004"
check "edition unchanged" 0 "$kasip" show -w "$ws" -s Q88100061 --edition 1; has "old code in edition" "5320-2-003"
check "list editions" 0 "$kasip" list -w "$ws";         has "edition listed" "2024-04-30"
check "audit" 0 "$kasip" audit -w "$ws" -s Q88100061;   has "audit names user" "drafter-1"; has "audit has edit" "«5320-2-003» → «5320-2-004»"; has "audit names the element" "(5320-2-004) · "
check "bad field" 1 "$kasip" set -w "$ws" -s Q88100061 --element "$card" --field nope --value x; has "field named" "nope"
check "neutral with lang" 1 "$kasip" set -w "$ws" -s Q88100061 --element "$card" --field occupation_code --lang ru --value x
check "bad element" 1 "$kasip" set -w "$ws" -s Q88100061 --element 00000000 --field purpose --lang ru --value x
check "bad standard" 1 "$kasip" show -w "$ws" -s Q00000000; has "standard named" "Q00000000"
check "bad date" 2 "$kasip" edition -w "$ws" -s Q88100061 --date 2024-13-45
check "missing options" 2 "$kasip" set -w "$ws"
check "new refuses existing" 1 "$kasip" new "$ws"

# Import, inspect and validate the published texts (issue 4).
samples=$(cd "$(dirname "$0")/../data/samples" && pwd)
check "inspect 001 json" 0 "$kasip" inspect "$samples/001_efa396441f2b22fb.txt" --json
has "001 counts" '"cards": 10, "functions": 26, "skills": 52, "abilities": 230, "knowledge": 304'
has "001 code" '"code": "Q88100061."'
has "001 warning lines" '{"line": 2282, "rule": "not-placed"'
check "inspect 004 json" 0 "$kasip" inspect "$samples/004_8a82f9fdc926935f.txt" --json
has "004 per standard" '"standards": [{"title": "Үйде әлеуметтік көмек көрсету", "cards": 5'
check "inspect outline" 0 "$kasip" inspect "$samples/000_2b67e049b4513cfa.txt"
has "outline card" "Карточка профессии: 29. Методист (общий профиль)"
check "inspect 003" 0 "$kasip" inspect "$samples/003_61a1e3a7c96fc608.txt"
has "reference data" "95 occupations"
check "validate 000 (errors)" 1 "$kasip" validate "$samples/000_2b67e049b4513cfa.txt" --lang ru
has "dash code found" "[V1]"
has "dash code in Russian" "794: error [V1] Карточка 29: Код наименования занятия: «-» вместо кода; ожидается код НКЗ вида NNNN-N-NNN"
has "standard code vs OKED" "[V10]"
# Findings are rendered in the language asked for (--lang), else the interface's ($LANGUAGE, $LANG).
check "validate 000 kk" 1 "$kasip" validate "$samples/000_2b67e049b4513cfa.txt" --lang kk
has "dash code in Kazakh" "794: error [V1] Карточка 29: Кәсіп атауының коды: код орнына «-» тұр; NNNN-N-NNN түріндегі ҰКЖ коды болуы керек"
has "Kazakh path" "311: warning [E1] Карточка 15 › Еңбек функциясы 1 › Дағды 2: Дағды 2 бос: атауы жоқ, іскерліктер де, білім де жоқ"
check "validate 000 en" 1 "$kasip" validate "$samples/000_2b67e049b4513cfa.txt" --lang en
has "dash code in English" "794: error [V1] Card 29: Occupation code: “-” instead of a code; expected an NKZ code NNNN-N-NNN"
has "English path" "311: warning [E1] Card 15 › Labour function 1 › Skill 2: Skill 2 is empty: no name, no abilities and no knowledge"
check "validate 000 LANGUAGE=kk" 1 env LANGUAGE=kk "$kasip" validate "$samples/000_2b67e049b4513cfa.txt"
has "Kazakh by default" "[V1] Карточка 29: Кәсіп атауының коды: код орнына «-» тұр"
check "validate 000 LANGUAGE=ru" 1 env LANGUAGE=ru "$kasip" validate "$samples/000_2b67e049b4513cfa.txt"
has "Russian by default" "[V1] Карточка 29: Код наименования занятия: «-» вместо кода"
check "validate bad --lang" 2 "$kasip" validate "$samples/000_2b67e049b4513cfa.txt" --lang de; has "--lang named" "--lang"
check "validate json" 1 "$kasip" validate "$samples/001_efa396441f2b22fb.txt" --json --lang ru
has "json findings" '"rule":"V9"'
has "json message ID" '"message":"ОКЭД: между раздел 88 и класс 88.10 пропущено: группа","message_id":"v9.skipped","args":["@oked.division.subject","88","@oked.class.subject","88.10","@oked.group"]}'
check "validate json kk" 1 "$kasip" validate "$samples/000_2b67e049b4513cfa.txt" --json --lang kk
has "json in Kazakh" '"path":"Карточка 29","line":794,"message":"Кәсіп атауының коды: код орнына «-» тұр; NNNN-N-NNN түріндегі ҰКЖ коды болуы керек","message_id":"v1.occupation-dash","args":["-"]}'
check "import all" 0 "$kasip" import "$samples/001_efa396441f2b22fb.txt" "$samples/003_61a1e3a7c96fc608.txt" -w "$tmp/imp.kasip"
has "import counted" "10 cards, 26 labour functions"
has "reference imported" "reference data"
check "validate workspace" 1 "$kasip" validate -w "$tmp/imp.kasip" -s Q88100061 --lang ru
has "workspace findings" "[V13]"
printf '\x7fELF\x00\x01binary' > "$tmp/bin.txt"
check "inspect binary" 2 "$kasip" inspect "$tmp/bin.txt";  has "binary named" "$tmp/bin.txt: line 1: a NUL byte"
: > "$tmp/empty.txt"
check "inspect empty" 2 "$kasip" inspect "$tmp/empty.txt"; has "empty named" "the file is empty"
head -c 60000 "$samples/001_efa396441f2b22fb.txt" > "$tmp/cut.txt"
check "inspect truncated" 2 "$kasip" inspect "$tmp/cut.txt"; has "truncated named" "cut off"
check "validate unreadable" 2 "$kasip" validate "$tmp/nothing.txt"
check "import bad file" 1 "$kasip" import "$tmp/bin.txt" -w "$tmp/imp2.kasip"; has "nothing imported" "nothing was imported"

# Publish and read back (issue 7).
check "export docx" 0 "$kasip" export -w "$ws" -s Q88100061 --format docx -o "$tmp/out.docx"
check "export xml of edition 1" 0 "$kasip" export -w "$ws" -s Q88100061@1 --format xml -o "$tmp/ed1.xml"
has "edition written" "$tmp/ed1.xml"
grep -q '<edition number="1"' "$tmp/ed1.xml" && { pass=$((pass+1)); echo "ok - edition in the XML"; } || { fail=$((fail+1)); echo "not ok - edition in the XML"; }
grep -q '5320-2-003' "$tmp/ed1.xml" && { pass=$((pass+1)); echo "ok - the edition's text, not the draft's"; } || { fail=$((fail+1)); echo "not ok - edition text"; }
check "export text kk" 0 "$kasip" export -w "$ws" -s Q88100061 --format text --lang kk -o "$tmp/out.txt"
# What was read back must be what was written (issue 12.1): the same elements with the same IDs.
check "import docx" 0 "$kasip" import "$tmp/out.docx" -w "$tmp/back-docx.kasip"
has "docx read in full" "10 cards, 26 labour functions, 52 skills, 230 abilities, 304 knowledge items; 0 problems"
check "import xml of edition 1" 0 "$kasip" import "$tmp/ed1.xml" -w "$tmp/back-xml.kasip"
has "xml read in full" "10 cards, 26 labour functions, 52 skills, 230 abilities, 304 knowledge items"
"$kasip" show -w "$ws" -s Q88100061 --ids > "$tmp/ids-draft.txt"
"$kasip" show -w "$ws" -s Q88100061 --edition 1 --ids > "$tmp/ids-ed1.txt"
"$kasip" show -w "$tmp/back-docx.kasip" -s Q88100061 --ids > "$tmp/ids-docx.txt"
"$kasip" show -w "$tmp/back-xml.kasip" -s Q88100061 --ids > "$tmp/ids-xml.txt"
same() { if cmp -s "$2" "$3" && [ -s "$2" ]; then pass=$((pass+1)); echo "ok - $1"; else fail=$((fail+1)); echo "not ok - $1"; diff "$2" "$3" | head -5 | sed 's/^/# /'; fi; }
same "docx back = draft (IDs, kinds, text)" "$tmp/ids-draft.txt" "$tmp/ids-docx.txt"
same "xml back = edition 1 (IDs, kinds, text)" "$tmp/ids-ed1.txt" "$tmp/ids-xml.txt"
check "the same standard twice is refused, nothing imported" 1 "$kasip" import "$tmp/out.docx" "$tmp/ed1.xml" -w "$tmp/back-both.kasip"
has "duplicate named" "already in the workspace"; has "all or nothing" "nothing was imported"
check "inspect docx" 0 "$kasip" inspect "$tmp/out.docx" --json
has "docx counts" '"cards": 10, "functions": 26, "skills": 52, "abilities": 230, "knowledge": 304'
check "inspect xml" 0 "$kasip" inspect "$tmp/ed1.xml" --json
has "xml counts" '"cards": 10, "functions": 26, "skills": 52, "abilities": 230, "knowledge": 304'
printf '<?xml version="1.0"?>\n<!DOCTYPE kasip [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<kasip>&e;</kasip>\n' > "$tmp/xxe.xml"
check "xml with a DOCTYPE refused" 1 "$kasip" import "$tmp/xxe.xml" -w "$tmp/xxe.kasip"; has "doctype named" "$tmp/xxe.xml:2: a DOCTYPE"
check "bad edition" 1 "$kasip" export -w "$ws" -s Q88100061@7 --format xml -o "$tmp/x.xml"
check "bad format" 2 "$kasip" export -w "$ws" -s Q88100061 --format pdf -o "$tmp/x.pdf"
check "unwritable output" 1 "$kasip" export -w "$ws" -s Q88100061 --format docx -o /nonexistent/dir/x.docx
has "output named" "/nonexistent/dir/x.docx"

# The amendment history of seed 001 (order № 109 restates sub-point 9) and points 12–16 from 12.07.2026).
check "history json" 0 "$kasip" history "$samples/001_efa396441f2b22fb.txt" --json --lang ru
has "history: card 12" '"path":"Карточка 12 (3412-0-011)"'
has "history: order 109 from 12.07.2026" '"act_number":"109","in_force_from":"2026-07-12"'
check "history text" 0 "$kasip" history "$samples/001_efa396441f2b22fb.txt" --lang ru
has "history: approving order first" "с 01.01.2025          Приказ Министра труда и социальной защиты населения Республики Казахстан от 30 апреля 2024 года № 125"
check "show in force on 1 May 2026" 0 "$kasip" show -w "$ws" -s Q88100061 --in-force-on 2026-05-01 --lang ru
has "in force: card 12 replaced by a note" "Карточка 12 (3412-0-011): на 01.05.2026 действует редакция, данная актом «Приказ Министра"
has "in force: how many" "6 parts of this text are not in force"
check "show in force: bad date" 2 "$kasip" show -w "$ws" -s Q88100061 --in-force-on 1.5.2026
has "bad date named" "1.5.2026"

. "$(dirname "$0")/test-cli-integrity.sh"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
