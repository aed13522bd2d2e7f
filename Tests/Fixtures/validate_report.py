"""Validates a designgate report with the programs that consume it.

usage: validate_report.py junit|junit-strict|sarif|codeclimate|json REPORT SCHEMA_DIR
Prints what the consumer read; exits non-zero with the reason when it rejects the report.
"""
import json
import sys


def main():
    kind, report, schemas = sys.argv[1], sys.argv[2], sys.argv[3]
    if kind.startswith("junit"):
        import junitparser
        import xmlschema
        if kind == "junit-strict":
            xmlschema.XMLSchema(schemas + "/jenkins-xunit-junit-10.xsd").validate(report)
        xml = junitparser.JUnitXml.fromfile(report)
        suites = list(xml) if isinstance(xml, junitparser.JUnitXml) else [xml]
        total = 0
        for suite in suites:
            cases = list(suite)
            total += len(cases)
            assert suite.tests == len(cases), f"{suite.name}: tests={suite.tests}, cases={len(cases)}"
            failures = sum(1 for case in cases for r in case.result if isinstance(r, junitparser.Failure))
            assert suite.failures == failures, f"{suite.name}: failures={suite.failures}, counted {failures}"
            for case in cases:
                states = [type(r).__name__ for r in case.result]
                print(f"{suite.name}|{case.classname}|{case.name}|{','.join(states) or 'passed'}")
        assert xml.tests == total if isinstance(xml, junitparser.JUnitXml) else True
    elif kind == "sarif":
        import jsonschema
        document = json.load(open(report, encoding="utf-8"))
        jsonschema.Draft4Validator(json.load(open(schemas + "/sarif-schema-2.1.0.json"))).validate(document)
        for result in document["runs"][0]["results"]:
            location = result["locations"][0]["physicalLocation"]
            print(f"{result['ruleId']}|{location['artifactLocation']['uri']}|{location['region']['startLine']}")
    elif kind == "codeclimate":
        import jsonschema
        document = json.load(open(report, encoding="utf-8"))
        jsonschema.Draft7Validator(json.load(open(schemas + "/gitlab-code-quality.schema.json"))).validate(document)
        fingerprints = [issue["fingerprint"] for issue in document]
        assert len(set(fingerprints)) == len(fingerprints), "GitLab needs a unique fingerprint per issue"
        for issue in document:
            print(f"{issue['check_name']}|{issue['location']['path']}|{issue['location']['lines']['begin']}|{issue['severity']}")
    elif kind == "json":
        import jsonschema
        document = json.load(open(report, encoding="utf-8"))
        jsonschema.Draft7Validator(json.load(open(schemas))).validate(document)
        print(document["summary"])
    else:
        sys.exit(f"unknown kind {kind}")


if __name__ == "__main__":
    main()
