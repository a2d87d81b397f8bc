#!/usr/bin/env python3
"""Lists what changed in the values contract between consecutive prefect-worker chart releases.

The candidates for src/main/resources/dev/pwk/values/renames.tsv: value paths removed and added
(from values.yaml and values.schema.json), enum values changed in the schema, and the string
values the templates compare worker.apiConfig with. A path removed and another added in the same
release is a rename only when the templates read the new path where they read the old one, so
each candidate is checked by hand before it goes into the table.

Usage: chart-history-diff.py DIR, where DIR holds the chart archives
(prefect-worker-<release>.tgz). Needs Python 3 with PyYAML. Not run by the build.
"""
import json
import os
import re
import sys
import tarfile
import tempfile

import yaml


def release_key(release):
    return [int(p) if p.isdigit() else p for p in re.split(r"[.-]", release)]


def value_paths(node, prefix, out):
    if isinstance(node, dict) and node:
        for key, value in node.items():
            value_paths(value, prefix + "/" + str(key), out)
    else:
        out.add(prefix)


def schema_paths(schema, prefix, out, enums):
    if not isinstance(schema, dict):
        return
    if "enum" in schema:
        enums[prefix] = schema["enum"]
    for key, sub in (schema.get("properties") or {}).items():
        out.add(prefix + "/" + key)
        schema_paths(sub, prefix + "/" + key, out, enums)


def contract(chart_dir):
    values = set()
    value_paths(yaml.safe_load(open(os.path.join(chart_dir, "values.yaml"))), "", values)
    schema, enums = set(), {}
    schema_file = os.path.join(chart_dir, "values.schema.json")
    if os.path.exists(schema_file):
        schema_paths(json.load(open(schema_file)), "", schema, enums)
    api_configs = set()
    for root, _, files in os.walk(os.path.join(chart_dir, "templates")):
        for name in files:
            text = open(os.path.join(root, name)).read()
            api_configs.update(re.findall(r'apiConfig "([^"]*)"', text))
    return values, schema, enums, api_configs


def main(archive_dir):
    archives = {
        name[len("prefect-worker-"):-len(".tgz")]: os.path.join(archive_dir, name)
        for name in os.listdir(archive_dir)
        if name.startswith("prefect-worker-") and name.endswith(".tgz")
    }
    previous = None
    with tempfile.TemporaryDirectory() as tmp:
        for release in sorted(archives, key=release_key):
            with tarfile.open(archives[release]) as tar:
                tar.extractall(os.path.join(tmp, release))
            current = contract(os.path.join(tmp, release, "prefect-worker"))
            if previous:
                (old_release, (v0, s0, e0, a0)), (v1, s1, e1, a1) = previous, current
                lines = [f"  values - {p}" for p in sorted(v0 - v1)]
                lines += [f"  values + {p}" for p in sorted(v1 - v0)]
                if s0 and s1:
                    lines += [f"  schema - {p}" for p in sorted(s0 - s1)]
                    lines += [f"  schema + {p}" for p in sorted(s1 - s0)]
                for path in sorted(set(e0) | set(e1)):
                    if e0.get(path) != e1.get(path):
                        lines.append(f"  enum {path}: {e0.get(path)} -> {e1.get(path)}")
                if a0 != a1:
                    lines.append(f"  apiConfig in templates: {sorted(a0)} -> {sorted(a1)}")
                if lines:
                    print(f"== {old_release} -> {release}")
                    print("\n".join(lines))
            previous = (release, current)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
