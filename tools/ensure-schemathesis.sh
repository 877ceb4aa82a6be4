#!/usr/bin/env bash
# Prints the path of schemathesis' `st` binary, installing it from PyPI into a venv in
# ~/.cache/edict/schemathesis when none is there (python3 with venv needed). Progress goes to
# stderr; no stdin is read. EDICT_SCHEMATHESIS_VERSION pins another version.
set -euo pipefail
version="${EDICT_SCHEMATHESIS_VERSION:-4.32.5}"
venv="${HOME}/.cache/edict/schemathesis"
st="${venv}/bin/st"
if [ -x "$st" ] && "$st" --version 2>/dev/null | grep -q "$version"; then echo "$st"; exit 0; fi
command -v python3 >/dev/null || { echo "ensure-schemathesis: python3 is required" >&2; exit 1; }
echo "ensure-schemathesis: installing schemathesis ${version} into ${venv}" >&2
python3 -m venv "$venv" </dev/null >&2
"${venv}/bin/pip" install --quiet --disable-pip-version-check "schemathesis==${version}" </dev/null >&2
"$st" --version >&2
echo "$st"
