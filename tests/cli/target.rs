//! `cxm score --target` and `target_stage`: the gap to the target and the roadmap, in
//! every view.

use crate::common::{assert_plain_and_fits, run};

/// `(dimension, from, to, action title)` for each roadmap step of a JSON report.
fn roadmap(report: &serde_json::Value) -> Vec<(String, u64, u64, String)> {
    report["target"]["roadmap"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["dimension"].as_str().unwrap().to_string(),
                s["from"]["level"].as_u64().unwrap(),
                s["to"]["level"].as_u64().unwrap(),
                s["action"]["title"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_roadmap_to_stage_3_takes_every_dimension_up_stage_by_stage() {
    let report = run(&[
        "score",
        "examples/early-stage.toml",
        "--target",
        "3",
        "-f",
        "json",
    ])
    .success()
    .json();
    assert_eq!(report["target"]["stage"]["id"], "multichannel");
    assert_eq!(report["target"]["gap"], 2);
    assert_eq!(report["target"]["reached"], false);
    let steps = roadmap(&report);
    // Two dimensions at 1 need two steps each, four at 2 need one: eight in all.
    assert_eq!(steps.len(), 8, "{steps:?}");
    // Personalisation (weakest) climbs 1 -> 2 before 2 -> 3.
    let personalisation: Vec<(u64, u64)> = steps
        .iter()
        .filter(|s| s.0 == "personalisation")
        .map(|s| (s.1, s.2))
        .collect();
    assert_eq!(personalisation, [(1, 2), (2, 3)]);
    assert_eq!(steps[0].0, "personalisation");
    assert_eq!(
        steps[0].3,
        "Give two or three customer groups their own content"
    );
    // Phases never go back.
    let phases: Vec<u64> = report["target"]["roadmap"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["phase"].as_u64().unwrap())
        .collect();
    assert!(phases.windows(2).all(|w| w[0] <= w[1]), "{phases:?}");
    let personalisation = &report["dimensions"][0];
    assert_eq!(personalisation["target"]["gap"], 2);
}

#[test]
fn the_answers_files_target_applies_unless_target_overrides_it() {
    // examples/advanced.toml sets target_stage = 4.
    let from_file = run(&["score", "examples/advanced.toml", "-f", "json"]).json();
    assert_eq!(from_file["target"]["stage"]["level"], 4);
    assert_eq!(roadmap(&from_file).len(), 1);
    let by_flag = run(&[
        "score",
        "examples/advanced.toml",
        "-f",
        "json",
        "--target",
        "omni-channel",
    ])
    .json();
    assert_eq!(by_flag["target"]["stage"]["level"], 5);
    assert_eq!(by_flag["target_stage"]["level"], 5);
    assert!(roadmap(&by_flag).len() > 1);
    let none = run(&["score", "examples/early-stage.toml", "-f", "json"]).json();
    assert_eq!(none["target"], serde_json::Value::Null);
    assert_eq!(none["dimensions"][0]["target"], serde_json::Value::Null);
}

#[test]
fn a_reached_target_says_so_and_lists_no_steps() {
    let out = run(&["score", "examples/advanced.toml", "--target", "2"]).success();
    assert!(
        out.stdout
            .contains("Target:        2 Segment-Based: reached"),
        "{out}"
    );
    assert!(
        out.stdout.contains("Every dimension is at the target."),
        "{out}"
    );
    assert!(!out.stdout.contains("Phase 1"), "{out}");
}

#[test]
fn an_unknown_target_lists_the_valid_stages() {
    let message = run(&["score", "examples/early-stage.toml", "--target", "9"]).error();
    assert!(
        message
            .starts_with("--target 9: no such stage in questionnaire `cx-maturity`; use a level"),
        "{message}"
    );
}

#[test]
fn the_table_and_markdown_show_the_gap_and_the_phases() {
    let args = ["score", "examples/early-stage.toml", "--target", "3"];
    let table = run(&args).success().stdout;
    assert!(
        table.contains("Target:        3 Multichannel: 2 stages to go"),
        "{table}"
    );
    assert!(table.contains("\nRoadmap to 3 Multichannel\n"), "{table}");
    assert!(
        table.contains("  Personalisation: 1 Uniform, 2 stages to go, 17 % of the way\n"),
        "{table}"
    );
    assert!(
        table.contains("\nPhase 1: 1-3 months\n1. Personalisation: "),
        "{table}"
    );
    assert!(table.contains("\nPhase 2: 3-6 months\n"), "{table}");
    assert_plain_and_fits(&table, 80);
    let md = run(&[&args[..], &["-f", "md"]].concat()).success().stdout;
    assert!(md.contains("\n## Roadmap to 3 Multichannel\n"), "{md}");
    assert!(md.contains("| Personalisation | 1 Uniform | 2 stages to go, 17 % of the way |"));
    assert!(
        md.contains("\n### Phase 1: 1–3 months\n\n1. **Personalisation: "),
        "{md}"
    );
}
