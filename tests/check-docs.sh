#!/bin/bash
# The documentation says what the code does: the workspace format in docs/model.md is the one this
# build writes (kasip --version), and every migration in the schema has a row in the table of tables.
set -u
kasip=$1 src=$2
fail=0
format=$("$kasip" --version | sed -n 's/.*workspace format \([0-9]*\).*/\1/p')
if [ -z "$format" ]; then echo "not ok - kasip --version names no workspace format"; exit 1; fi
if grep -q "Schema (format version $format," "$src/docs/model.md"; then echo "ok - docs/model.md says format $format"
else echo "not ok - docs/model.md does not say format $format: $(grep -o 'Schema (format version [0-9]*' "$src/docs/model.md")"; fail=1; fi
for t in $(grep -o 'CREATE TABLE [a-z_]*' "$src/model/ksp-sqlite-schema.c" | awk '{print $3}' | sort -u); do
  if grep -q "^| \`$t\` |" "$src/docs/model.md"; then echo "ok - table $t documented"
  else echo "not ok - table $t is not in docs/model.md"; fail=1; fi
done
exit $fail
