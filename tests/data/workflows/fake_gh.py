"""A stand-in for the GitHub CLI: logs each call and answers reads from canned JSON.

GH_LOG: file receiving one JSON array (the arguments) per call.
GH_COMMENTS / GH_ISSUES: JSON answered to `gh api …/comments` and `gh issue list`;
their `--jq` filter runs through the real jq, as gh does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


def main(args: list[str]) -> int:
    with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(args) + "\n")
    if "--jq" not in args:
        return 0
    source = "GH_ISSUES" if args[:2] == ["issue", "list"] else "GH_COMMENTS"
    canned = os.environ.get(source, "[]")
    jq = args[args.index("--jq") + 1]
    done = subprocess.run(["jq", "-r", jq], input=canned, capture_output=True, text=True)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
