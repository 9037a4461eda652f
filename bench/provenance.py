"""What a benchmark's figures rest on and how a run ends: the commit and working tree it ran on, the stamp of the data
it seeded (data of another commit, tree or day is not reused), the indexes it made, and a RESULT line only for a run
in which every answer succeeded within the time limit."""
import hashlib
import json
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from elasticsearch import ApiError, TransportError
from sqlalchemy import Column, MetaData, String, Table, Text, delete, insert, inspect, select

REPO = Path(__file__).resolve().parent.parent
# The code a benchmark runs: a change here changes what its figures mean.
CODE_PATHS = ("jobmatch", "search", "migrations", "wsgi.py", "bench")


def _git(*arguments):
    return subprocess.run(["git", *arguments], cwd=REPO, check=True, capture_output=True, text=True).stdout


@dataclass(frozen=True)
class SourceState:
    """The commit a run stands on, and the files of the code that differ from it in the working tree."""

    commit: str
    changed: tuple
    digest: str  # of the differences: data seeded from a modified tree belongs to that tree only

    @property
    def short(self):
        return self.commit[:12]

    @property
    def tree(self):
        return "modified" if self.changed else "clean"

    def describe(self):
        if not self.changed:
            return f"commit {self.commit} (working tree clean)"
        listed = ", ".join(path for path in self.changed[:8]) + (", …" if len(self.changed) > 8 else "")
        return (f"commit {self.commit} with {len(self.changed)} files of the code modified in the working tree ({listed}): "
                f"the figures are of that tree, not of the commit alone")


def source_state():
    """The commit and working tree of this checkout; a benchmark refuses to run where it cannot tell them."""
    try:
        commit = _git("rev-parse", "HEAD").strip()
        status = _git("status", "--porcelain", "--untracked-files=all", "--", *CODE_PATHS)
        difference = _git("diff", "HEAD", "--", *CODE_PATHS)
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(f"Cannot tell which commit this is (git: {error}); a figure without its commit is not reported.")
    changed = tuple(line[3:] for line in status.splitlines() if line.strip())
    untracked = b"".join((REPO / path).read_bytes() for path in changed if (REPO / path).is_file())
    digest = hashlib.sha256(difference.encode() + untracked).hexdigest()[:16] if changed else ""
    return SourceState(commit, changed, digest)


def announce(source):
    """The first lines of every run: the exact command and what it runs on."""
    python = Path(sys.executable)
    if python.is_relative_to(Path.cwd()):
        python = python.relative_to(Path.cwd())
    print(f"$ {shlex.join([str(python), *sys.argv])}", flush=True)
    print(f"Running on {source.describe()}", flush=True)


# The stamp of seeded data --------------------------------------------------------------------------------------

STAMP = Table("bench_stamp", MetaData(), Column("name", String(40), primary_key=True), Column("value", Text, nullable=False))


def data_stamp(source, today, **parameters):
    """What seeded data depends on: the code (commit and working-tree changes), the day (deadlines, periods and ages
    count from it) and the benchmark's own parameters."""
    return {"commit": source.commit, "tree": source.digest, "seeded_on": today.isoformat(),
            **{name: str(value) for name, value in parameters.items()}}


def read_stamp(engine):
    """The stamp a database was seeded under, or None (no database, or data a benchmark did not stamp)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(STAMP.name):
            return None
        return dict(connection.execute(select(STAMP.c.name, STAMP.c.value)).all()) or None


def write_stamp(engine, stamp):
    with engine.begin() as connection:
        STAMP.create(connection, checkfirst=True)
        connection.execute(delete(STAMP))
        connection.execute(insert(STAMP), [{"name": name, "value": value} for name, value in stamp.items()])


def stale_reasons(found, wanted):
    """Why data stamped `found` cannot stand for `wanted`; empty when it can."""
    if found is None:
        return ["no stamp (never seeded by this benchmark, or seeding did not finish)"]
    return [f"{name} {found.get(name)!r}, wanted {value!r}" for name, value in wanted.items() if found.get(name) != value]


def read_json_stamped(path, wanted):
    """A JSON file's content when its stamp is `wanted`, else None."""
    try:
        stored = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None
    return stored.get("content") if stored.get("stamp") == wanted else None


def write_json_stamped(path, stamp, content):
    Path(path).write_text(json.dumps({"stamp": stamp, "content": content}))


# Indexes --------------------------------------------------------------------------------------------------------

def delete_indexes(client, prefix):
    """Delete every index whose name starts with the benchmark's own prefix (by name: wildcard deletes are refused by
    default), whether this run made it or one that could not clean up. Says what it deleted, or what is left when
    Elasticsearch did not answer."""
    try:
        names = sorted(client.indices.get(index=f"{prefix}-*", expand_wildcards="all", allow_no_indices=True))
        if names:
            client.indices.delete(index=",".join(names))
    except (ApiError, TransportError) as error:
        print(f"Could not delete the indexes {prefix}-* ({error}); the benchmark's next run deletes them", flush=True)
        return
    print(f"Deleted the benchmark's indexes: {', '.join(names) or 'none'}", flush=True)


# How a run ends -------------------------------------------------------------------------------------------------

@dataclass
class Verdict:
    """The problems a run met; a run with any ends without a RESULT line and with exit status 1."""

    source: SourceState
    problems: list = field(default_factory=list)

    def refuse(self, problem):
        self.problems.append(problem)

    def finish(self, **figures):
        if self.problems:
            print(f"\nNO RESULT: {len(self.problems)} problems on {self.source.describe()}:", file=sys.stderr)
            for problem in self.problems[:30]:
                print(f"  {problem}", file=sys.stderr)
            if len(self.problems) > 30:
                print(f"  … and {len(self.problems) - 30} more", file=sys.stderr)
            sys.exit(1)
        line = " ".join(f"{name}={value}" for name, value in figures.items())
        print(f"RESULT commit={self.source.short} tree={self.source.tree} {line}", flush=True)
