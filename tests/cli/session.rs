//! Workshop session files read by every command that reads answers: `score` reports
//! the agreed answers with who chose what and the discussion list; `aggregate` and
//! `compare` take a session as its agreed answers; a broken session gets a clear
//! error; `cxm workshop` refuses what it cannot run before it needs a terminal.

use crate::common::{assert_plain_and_fits, in_snapshot_dir, question, run, run_with_stdin};

const SESSION: &str = "examples/workshop-session.toml";

#[test]
fn score_reports_the_agreed_answers_with_the_first_rounds_votes() {
    let report = run(&["score", SESSION, "-f", "json"]).success().json();
    assert_eq!(
        report["participants"],
        serde_json::json!(["Anna", "Ben", "Chris", "Dana"])
    );
    assert_eq!(report["respondents"], 4);
    // touchpoint-coordination: 1, 4, 2, 3 blind; 2, 3, 2, 2 after discussion; agreed 2.
    let q = question(&report, "touchpoint-coordination");
    assert_eq!(q["answer"], 2);
    assert_eq!(q["rounds"], 2);
    assert_eq!(
        q["voters"],
        serde_json::json!({"1": ["Anna"], "2": ["Chris"], "3": ["Dana"], "4": ["Ben"]})
    );
    assert_eq!(q["spread"], 3);
    // Leik, k = 5: F = 1/4, 2/4, 3/4, 1 → D = 2/4 · (1/4 + 2/4 + 1/4) = 0.5.
    assert!((q["consensus"].as_f64().unwrap() - 0.5).abs() < 1e-12);
    // A question decided in one round has no "rounds" beyond 1 and its own voters.
    let q = question(&report, "tailored-touchpoints");
    assert_eq!(q["rounds"], 1);
    assert_eq!(q["spread"], 0);
}

#[test]
fn the_discussion_list_holds_spread_two_or_split_least_agreement_first() {
    let out = run(&["score", SESSION]).success();
    assert_plain_and_fits(&out.stdout, 80);
    in_snapshot_dir(|| insta::assert_snapshot!("session_table", out.stdout));
    let md = run(&["score", SESSION, "-f", "md"]).success().stdout;
    assert!(
        md.contains("| Participants | 4: Anna, Ben, Chris, Dana |"),
        "{md}"
    );
    let list = md
        .split("## Discussion list: where the room disagreed")
        .nth(1)
        .expect("a discussion list");
    let order: Vec<usize> = [
        "(touchpoint-coordination)",
        "(cx-targets)",
        "(insight-sharing)",
        "(contact-frequency)",
    ]
    .iter()
    .map(|id| {
        list.find(id)
            .unwrap_or_else(|| panic!("{id} missing:\n{list}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{list}");
    // Spread 1 and consensus of at least 0.6: not a discussion point.
    assert!(!list.contains("(tailoring-basis)"), "{list}");
    assert!(
        list.contains("n 4: 1: Anna; 2: Chris; 3: Dana; 4: Ben"),
        "{list}"
    );
}

#[test]
fn the_html_report_shows_who_chose_what() {
    let html = run(&["score", SESSION, "-f", "html"]).success().stdout;
    let doc = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("table.disagree tbody tr").unwrap();
    let first: String = doc.select(&rows).next().unwrap().text().collect();
    // Named by its title (the question's id when it has none).
    assert!(
        first.contains("How the touchpoints work together"),
        "{first}"
    );
    assert!(first.contains("4: Ben"), "{first}");
    assert!(first.contains("2 rounds"), "{first}");
    assert_eq!(doc.select(&rows).count(), 4);
}

#[test]
fn aggregate_and_compare_read_a_session_as_its_agreed_answers() {
    let report = run(&["aggregate", SESSION, "examples/advanced.toml", "-f", "json"])
        .success()
        .json();
    assert_eq!(report["respondents"], 2);
    // The workshop agreed 2, Helio's file says 4.
    assert_eq!(
        question(&report, "touchpoint-coordination")["distribution"],
        serde_json::json!({"2": 1, "4": 1})
    );
    let cmp = run(&[
        "compare",
        "examples/early-stage.toml",
        SESSION,
        "-f",
        "json",
    ])
    .success()
    .json();
    assert_eq!(cmp["snapshots"][1]["file"], SESSION);
    assert_eq!(cmp["snapshots"][1]["stage"]["level"], 2);
}

/// `SESSION` with `from` replaced by `to`, scored from standard input.
fn score_changed(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(format!("{}/{SESSION}", crate::common::ROOT)).unwrap();
    assert!(text.contains(from), "{from}");
    run_with_stdin(&["score", "-"], &text.replacen(from, to, 1)).error()
}

#[test]
fn a_broken_session_says_where_and_how_to_fix_it() {
    // A participant who is not in the room.
    let e = score_changed(
        "{ Anna = 3, Ben = 3, Chris = 2,",
        "{ Anna = 3, Chrs = 3, Chris = 2,",
    );
    assert!(e.contains("`Chrs` voted on question `tailoring-basis` but is not among the participants (did you mean `Chris`?)"), "{e}");
    assert!(e.contains("<stdin>:"), "{e}");
    // A vote that is not an option.
    let e = score_changed(
        "{ Anna = 3, Ben = 3, Chris = 2,",
        "{ Anna = 7, Ben = 3, Chris = 2,",
    );
    assert!(
        e.contains("Anna's vote on question `tailoring-basis` has no option for stage 7"),
        "{e}"
    );
    // Votes without `kind`.
    let e = score_changed("kind = \"workshop\"\n", "");
    assert!(
        e.contains(
            "participants and votes belong in a workshop session file; add `kind = \"workshop\"`"
        ),
        "{e}"
    );
    // Another kind.
    let e = score_changed("kind = \"workshop\"", "kind = \"meeting\"");
    assert!(
        e.contains("kind \"meeting\" is not a kind of file cxm reads"),
        "{e}"
    );
    // One participant.
    let e = score_changed(
        "participants = [\"Anna\", \"Ben\", \"Chris\", \"Dana\"]",
        "participants = [\"Anna\"]",
    );
    assert!(
        e.contains("participants: a workshop needs at least 2 participants"),
        "{e}"
    );
    assert!(e.starts_with("invalid session file"), "{e}");
    // Votes on a question the questionnaire does not have.
    let e = score_changed("\ntailoring-basis = [", "\ntailoring-basic = [");
    assert!(e.contains("votes: question `tailoring-basic` is not in questionnaire `cx-maturity`; did you mean `tailoring-basis`?"), "{e}");
}

#[test]
fn workshop_refuses_what_it_cannot_run_before_asking_for_a_terminal() {
    let e = run(&["workshop", "--participants", "Anna"]).error();
    assert!(
        e.starts_with("--participants: a workshop needs at least 2"),
        "{e}"
    );
    let e = run(&["workshop", "--session", "examples/advanced.toml"]).error();
    assert!(
        e.contains("examples/advanced.toml is an answers file, not a workshop session"),
        "{e}"
    );
    // Without a terminal (CI, a pipe): exit 2, pointing at `score`.
    let e = run(&["workshop", "--participants", "Anna, Ben"]).error();
    assert!(
        e.starts_with("cxm workshop needs an interactive terminal"),
        "{e}"
    );
    assert!(e.contains("cxm score SESSION"), "{e}");
}

#[test]
fn a_session_is_reported_in_german_with_its_discussion_list() {
    let out = run(&["score", SESSION, "--lang", "de"]).success();
    assert!(
        out.stdout
            .contains("Diskussionsliste: wo die Runde uneins war"),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("Teilnehmende:   4: Anna, Ben, Chris, Dana"),
        "{out}"
    );
    assert_plain_and_fits(&out.stdout, 80);
    in_snapshot_dir(|| insta::assert_snapshot!("session_table_de", out.stdout));
    let html = run(&["score", SESSION, "--lang", "de", "-f", "html"])
        .success()
        .stdout;
    assert!(html.contains("<th>Wer was gewählt hat</th>"), "{html}");
    assert!(html.contains("2 Runden"), "{html}");
}

#[test]
fn a_session_is_resumed_only_with_the_version_it_was_started_with() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.toml");
    std::fs::copy(format!("{}/{SESSION}", crate::common::ROOT), &session).unwrap();
    let text = std::fs::read_to_string(&session).unwrap();
    std::fs::write(
        &session,
        text.replace(
            "questionnaire_version = \"2.0.0\"",
            "questionnaire_version = \"1.9.0\"",
        ),
    )
    .unwrap();
    let before = std::fs::read_to_string(&session).unwrap();
    let e = run(&["workshop", "--session", &session.display().to_string()]).error();
    assert!(
        e.contains(
            "was started with version 1.9.0 of questionnaire `cx-maturity`, this is version 2.0.0"
        ),
        "{e}"
    );
    assert_eq!(std::fs::read_to_string(&session).unwrap(), before);
}

#[test]
fn who_chose_what_names_dont_know_and_not_applicable_in_the_reports_words() {
    // The room splits on data-movement (1 to 4), and Chris does not know: the list
    // says so in words, not with the file's keys `unknown` and `n/a`.
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.toml");
    let text = std::fs::read_to_string(format!("{}/{SESSION}", crate::common::ROOT)).unwrap();
    let split = text.replace(
        "{ Anna = 2, Ben = 3, Chris = \"unknown\", Dana = 3 }",
        "{ Anna = 1, Ben = 4, Chris = \"unknown\", Dana = \"n/a\" }",
    );
    assert_ne!(split, text, "the example's data-movement votes changed");
    std::fs::write(&session, split).unwrap();
    let session = session.to_str().unwrap();
    for (lang, format, dont_know, na) in [
        ("en", "table", "don't know: Chris", "n/a: Dana"),
        ("de", "table", "weiß nicht: Chris", "trifft nicht zu: Dana"),
        ("de", "md", "weiß nicht: Chris", "trifft nicht zu: Dana"),
        ("de", "html", "weiß nicht: Chris", "trifft nicht zu: Dana"),
    ] {
        let out = run(&["score", session, "--lang", lang, "-f", format]).success();
        let flat = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(dont_know), "{lang} {format}: {}", out.stdout);
        assert!(flat.contains(na), "{lang} {format}: {}", out.stdout);
        assert!(
            !flat.contains("unknown: Chris"),
            "{lang} {format}: {}",
            out.stdout
        );
    }
}
