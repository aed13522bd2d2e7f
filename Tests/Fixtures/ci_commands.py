"""Prints, separated by NUL bytes, the shell scripts a CI template runs to check the documents.

usage: ci_commands.py github|action|gitlab|jenkins FILE
github: the workflow step named "Check design documents"; action: the same step of the
composite action; gitlab: the job's `script`; jenkins: every `sh '...'` step.
"""
import re
import sys

import yaml


def main():
    kind, path = sys.argv[1], sys.argv[2]
    text = open(path, encoding="utf-8").read()
    if kind in ("github", "action"):
        document = yaml.safe_load(text)
        steps = document["runs"]["steps"] if kind == "action" else \
            [step for job in document["jobs"].values() for step in job["steps"]]
        commands = [step["run"] for step in steps if step.get("name") == "Check design documents"]
    elif kind == "gitlab":
        commands = yaml.safe_load(text)["designgate"]["script"]
    else:
        commands = re.findall(r"^\s*sh '(.*)'\s*$", text, flags=re.MULTILINE)
    if not commands:
        sys.exit(f"{path}: no check commands found")
    sys.stdout.write("\0".join(command.strip() for command in commands))


main()
