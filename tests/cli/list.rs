//! `cxm list`: the bundled questionnaires, one per line.

use crate::common::{assert_plain_and_fits, run};

/// The columns of `cxm list`'s line for `id` in `lang`: id, version, language,
/// dimensions, questions and title.
fn row(stdout: &str, id: &str, lang: &str) -> Vec<String> {
    let line = stdout
        .lines()
        .find(|l| {
            let mut words = l.split_whitespace();
            words.next() == Some(id) && words.nth(1) == Some(lang)
        })
        .unwrap_or_else(|| panic!("no line for `{id}` in `{lang}`:\n{stdout}"));
    let mut words = line.split_whitespace();
    let mut cells: Vec<String> = words.by_ref().take(5).map(String::from).collect();
    cells.push(words.collect::<Vec<_>>().join(" "));
    cells
}

#[test]
fn lists_every_bundled_questionnaire_with_its_counts() {
    let out = run(&["list"]).success();
    assert_eq!(out.stderr, "");
    assert_plain_and_fits(&out.stdout, 80);
    assert_eq!(
        out.stdout
            .lines()
            .next()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["ID", "VERSION", "LANG", "DIMS", "QUESTIONS", "TITLE"]
    );

    let bundled = cxm::bundled::all().unwrap();
    assert!(!bundled.is_empty());
    assert_eq!(
        out.stdout.lines().count(),
        1 + bundled.len(),
        "{}",
        out.stdout
    );
    for q in &bundled {
        assert_eq!(
            row(&out.stdout, &q.id, &q.language),
            [
                q.id.clone(),
                q.version.clone(),
                q.language.clone(),
                q.dimensions.len().to_string(),
                q.questions.len().to_string(),
                q.title.clone(),
            ]
        );
    }
}

#[test]
fn bundled_cx_maturity_has_6_dimensions_and_18_questions() {
    let out = run(&["list"]).success();
    assert_eq!(
        row(&out.stdout, "cx-maturity", "en"),
        [
            "cx-maturity",
            "2.0.0",
            "en",
            "6",
            "18",
            "Customer Experience Maturity"
        ]
    );
    // The German edition: the same questionnaire in other words.
    assert_eq!(
        row(&out.stdout, "cx-maturity", "de"),
        [
            "cx-maturity",
            "2.0.0",
            "de",
            "6",
            "18",
            "Reifegrad der Customer Experience"
        ]
    );
}
