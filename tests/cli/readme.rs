//! The README's examples are what `cxm` prints: every ```` ```console ```` block runs.
//!
//! A block starts with `$ cxm ARGS…` and holds the command's standard output (and
//! standard error, after it). A last line `...` means the output goes on: then the
//! block must be the start of it; a first line `...` means it came before: then the
//! block must be the end of it.

use crate::common::{ROOT, run};

struct Example {
    line: usize,
    args: Vec<String>,
    expected: String,
    prefix: bool,
    suffix: bool,
}

fn examples() -> Vec<Example> {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let mut examples = Vec::new();
    let mut lines = readme.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        // A block inside a list item is indented; its lines are read without that.
        let indent = line.len() - line.trim_start().len();
        let unindent = |l: &str| l.get(indent..).unwrap_or("").to_string();
        let (_, command) = lines.next().unwrap();
        let args = unindent(command);
        let args = args
            .strip_prefix("$ cxm ")
            .unwrap_or_else(|| panic!("README.md:{}: a console block starts with `$ cxm`", n + 2));
        let mut body: Vec<String> = lines
            .by_ref()
            .map(|(_, l)| l)
            .take_while(|l| l.trim() != "```")
            .map(unindent)
            .collect();
        let suffix = body.first().is_some_and(|l| l == "...");
        if suffix {
            body.remove(0);
        }
        let prefix = body.last().is_some_and(|l| l == "...");
        if prefix {
            body.pop();
            assert!(
                !body.is_empty(),
                "README.md:{}: show some of the output",
                n + 1
            );
        }
        examples.push(Example {
            line: n + 1,
            args: args.split_whitespace().map(str::to_string).collect(),
            expected: body.iter().map(|l| format!("{l}\n")).collect(),
            prefix,
            suffix,
        });
    }
    examples
}

#[test]
fn every_console_example_in_the_readme_is_what_cxm_prints() {
    let examples = examples();
    assert!(examples.len() >= 4, "the README shows its commands");
    for e in examples {
        let args: Vec<&str> = e.args.iter().map(String::as_str).collect();
        let out = run(&args);
        let printed = format!("{}{}", out.stdout, out.stderr);
        if e.suffix {
            assert!(
                printed.ends_with(&e.expected),
                "README.md:{}: `cxm {}` prints\n{printed}",
                e.line,
                args.join(" ")
            );
        } else if e.prefix {
            assert!(
                printed.starts_with(&e.expected),
                "README.md:{}: `cxm {}` prints\n{printed}",
                e.line,
                args.join(" ")
            );
        } else {
            assert_eq!(
                printed,
                e.expected,
                "README.md:{}: `cxm {}`",
                e.line,
                args.join(" ")
            );
        }
    }
}

#[test]
fn the_readme_json_example_matches_the_real_report_where_it_is_not_abridged() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let section = &readme[readme.find("## JSON output").unwrap()..];
    let start = section.find("```json\n").unwrap() + "```json\n".len();
    let end = start + section[start..].find("```").unwrap();
    let shown: serde_json::Value = serde_json::from_str(&section[start..end]).unwrap();
    let args = [
        "score",
        "examples/advanced.toml",
        "--format",
        "json",
        "--min-stage",
        "4",
    ];
    assert!(
        section.contains(&format!("`cxm {}`", args.join(" "))),
        "the README names the command"
    );
    let real = run(&args).json();
    for key in [
        "schema_version",
        "organisation",
        "target_stage",
        "overall",
        "complete",
        "coverage",
        "gate",
    ] {
        assert_eq!(shown[key], real[key], "README JSON `{key}`");
    }
    let timing = real["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "timing")
        .unwrap();
    for (key, value) in shown["dimensions"][0].as_object().unwrap() {
        if key != "next_action" {
            assert_eq!(*value, timing[key], "README JSON timing `{key}`");
        }
    }
    // The target block, with its one roadmap step's action abridged to the title.
    for key in ["stage", "reached", "gap"] {
        assert_eq!(
            shown["target"][key], real["target"][key],
            "README JSON target `{key}`"
        );
    }
    assert_eq!(real["target"]["roadmap"].as_array().unwrap().len(), 1);
    let (step, real_step) = (
        &shown["target"]["roadmap"][0],
        &real["target"]["roadmap"][0],
    );
    for (key, value) in step.as_object().unwrap() {
        if key != "action" {
            assert_eq!(*value, real_step[key], "README JSON roadmap step `{key}`");
        }
    }
    assert_eq!(step["action"]["title"], real_step["action"]["title"]);
    let question = &shown["questions"][0];
    let real_question = real["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == question["id"])
        .unwrap();
    assert_eq!(question, real_question);
}
