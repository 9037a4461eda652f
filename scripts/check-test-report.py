#!/usr/bin/env python3
"""CI's check that a run was whole: every test the suite holds ran, none was skipped, none failed.

Usage: check-test-report.py COLLECTED_COUNT JUNIT_XML. COLLECTED_COUNT comes from an unfiltered `pytest --collect-only`,
so a -k, a deselection or a lost module makes the run fail instead of passing thinner."""
import sys
import xml.etree.ElementTree as ElementTree

collected, report = int(sys.argv[1]), sys.argv[2]
root = ElementTree.parse(report).getroot()
suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
counts = {key: sum(int(suite.get(key, 0)) for suite in suites) for key in ("tests", "failures", "errors", "skipped")}
print(f"collected {collected}, ran {counts['tests']}, failures {counts['failures']}, errors {counts['errors']}, "
      f"skipped {counts['skipped']}")
problems = []
if collected == 0:
    problems.append("the suite collected no test")
if counts["tests"] != collected:
    problems.append(f"{collected - counts['tests']} collected tests did not run")
if counts["skipped"]:
    problems.append("tests were skipped (a missing service must fail, not skip)")
if counts["failures"] or counts["errors"]:
    problems.append("tests failed")
if problems:
    sys.exit("CI: " + "; ".join(problems))
