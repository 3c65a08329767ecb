//! `cxm workshop` end to end: the real binary in an 80×24 pseudo-terminal (rexpect),
//! three people voting on the small test questionnaire — blind votes, the reveal, a
//! re-vote, an interruption, a resume, a signal — and the session file it leaves.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use rexpect::session::PtySession;

use cxm::answers::{Answer, Answers, Parsed};
use cxm::diagnostic::Source;
use cxm::questionnaire::Questionnaire;

use crate::common::ROOT;
use crate::pty::{exit_code, pty, send};

const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const UP: &str = "\x1b[A";

fn small_path() -> String {
    format!("{ROOT}/tests/fixtures/questionnaires/small.toml")
}

fn small() -> Questionnaire {
    let text = std::fs::read_to_string(small_path()).unwrap();
    Questionnaire::load(&Source::new("small.toml", text)).unwrap()
}

/// Starts `cxm workshop ARGS` on the small questionnaire in `dir`, 80×24, no colour.
fn spawn(dir: &Path, args: &[&str]) -> PtySession {
    let small = small_path();
    let mut all = vec!["--questionnaire", small.as_str()];
    all.extend(args);
    spawn_any(dir, &all)
}

/// Starts `cxm workshop ARGS` in `dir`, 80×24, no colour, whatever the machine's locale.
fn spawn_any(dir: &Path, args: &[&str]) -> PtySession {
    crate::pty::spawn("workshop", dir, args)
}

/// `name` votes with `key`, and the screen shows nothing of it: between the key and
/// "✓ name" there is only the erased prompt line, and the round's earlier ticks
/// written again on their line (the cursor moved up to it, the screen below cleared).
fn blind_vote(p: &mut PtySession, name: &str, key: &str) -> String {
    p.exp_string(&format!("{name}, your vote:")).unwrap();
    p.exp_string("- = not applicable").unwrap();
    send(p, key);
    let between = p.exp_string(&pty(&format!("✓ {name}"))).unwrap();
    let mut drawn = between
        .replace("\r\x1b[2K", "")
        .replace("\x1b[1A\x1b[2K", "")
        .replace("\x1b[1A\r\x1b[J", "");
    for earlier in ["Anna", "Ben"] {
        drawn = drawn.replace(&pty(&format!("✓ {earlier}")), "");
    }
    assert_eq!(
        drawn.trim(),
        "",
        "{name}'s vote {key} may be on screen: {between:?}"
    );
    between
}

/// Everyone votes blind; returns what was on screen from the first vote to the
/// reveal, which must show none of the votes.
fn blind_round(p: &mut PtySession, votes: [&str; 3]) -> String {
    let mut last = String::new();
    for (name, key) in ["Anna", "Ben", "Chris"].into_iter().zip(votes) {
        last = blind_vote(p, name, key);
    }
    // The round's ticks share a line, so a room of twelve keeps the question on screen.
    assert!(last.ends_with(&pty("✓ Anna   ✓ Ben   ")), "{last:?}");
    let before = p.exp_string("The votes").unwrap();
    for name in ["Anna", "Ben", "Chris"] {
        assert!(!before.contains(&format!("{name}:")), "{before:?}");
    }
    before
}

fn session(dir: &Path) -> Answers {
    let path = dir.join("s.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let parsed = Parsed::parse(Source::new(path.display().to_string(), text)).unwrap();
    assert!(parsed.is_session());
    parsed.resolve(&small()).unwrap().0
}

const ROOM: [&str; 4] = ["--session", "s.toml", "--organisation", "ACME"];

#[test]
fn a_room_votes_blind_revotes_stops_resumes_and_gets_its_discussion_list() {
    let dir = tempfile::tempdir().unwrap();
    let q = small();
    let order = q.questions_in_order();
    let mut p = spawn(dir.path(), &ROOM);
    // Participants are asked when not given; one name is not a room.
    p.exp_string("Participants").unwrap();
    send(&mut p, "Anna\r");
    p.exp_string("at least 2 participants").unwrap();
    send(&mut p, "Anna, Ben, Chris\r");

    // Question 1: 1, 3, 3 is two stages apart, so the room discusses and votes again.
    p.exp_string("Question 1 of 4").unwrap();
    blind_round(&mut p, ["1", "3", "3"]);
    p.exp_string("Anna").unwrap();
    p.exp_string("Ben, Chris").unwrap();
    p.exp_string("Discuss").unwrap();
    p.exp_string("> Vote again (blind)").unwrap();
    send(&mut p, ENTER);
    blind_round(&mut p, ["2", "2", "3"]);
    p.exp_string(", round 2").unwrap();
    p.exp_string("Group answer 2").unwrap();
    // Enter confirms the proposed answer; then a note.
    p.exp_string("> 2  Checked by hand.").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Note").unwrap();
    send(&mut p, "CRM checks by hand\r");

    // Question 2: Anna votes, then Ctrl-C. Her vote is saved.
    p.exp_string("Question 2 of 4").unwrap();
    blind_vote(&mut p, "Anna", "3");
    p.exp_string("Ben, your vote:").unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    p.exp_string("Stopped: 1 of 4 questions agreed").unwrap();
    p.exp_string("workshop --session s.toml").unwrap();
    assert_eq!(exit_code(&mut p), 130);

    let saved = session(dir.path());
    let room = saved.workshop.as_ref().unwrap();
    assert_eq!(room.participants, ["Anna", "Ben", "Chris"]);
    assert_eq!(saved.organisation.as_deref(), Some("ACME"));
    let rounds = &room.votes[&order[0].id];
    assert_eq!(rounds.len(), 2, "both rounds are kept");
    assert_eq!(
        rounds[0],
        [
            Some(Answer::Stage(1)),
            Some(Answer::Stage(3)),
            Some(Answer::Stage(3))
        ]
    );
    assert_eq!(saved.answers[&order[0].id], Answer::Stage(2));
    assert_eq!(saved.notes[&order[0].id], "CRM checks by hand");
    assert_eq!(
        room.votes[&order[1].id],
        [vec![Some(Answer::Stage(3)), None, None]]
    );

    // Resume: at question 2, Anna's vote kept (and not shown), Ben and Chris vote.
    let mut p = spawn(dir.path(), &["--session", "s.toml"]);
    p.exp_string("Resuming s.toml: 1 of 4 questions agreed")
        .unwrap();
    p.exp_string("Question 2 of 4").unwrap();
    p.exp_string(&pty("✓ Anna")).unwrap();
    blind_vote(&mut p, "Ben", "3");
    blind_vote(&mut p, "Chris", "2");
    p.exp_string("The votes").unwrap();
    // Esc on the answer goes back to question 1, its votes in: straight to its reveal.
    send(&mut p, ESC);
    p.exp_string("Question 1 of 4").unwrap();
    p.exp_string("The votes, round 2").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Note").unwrap();
    send(&mut p, ENTER);
    // Question 2 again: its round is complete, so the reveal, and agree.
    p.exp_string("Question 2 of 4").unwrap();
    p.exp_string("Group answer 3").unwrap();
    send(&mut p, ENTER);
    send(&mut p, ENTER);
    // Questions 3 and 4 (two options each): "?" and "-" are votes too. On question 3
    // the room is two stages apart (options 1 and 3): it agrees on "Everyone" directly.
    p.exp_string("Question 3 of 4").unwrap();
    blind_round(&mut p, ["1", "?", "2"]);
    p.exp_string("> Vote again (blind)").unwrap();
    send(&mut p, &UP.repeat(3));
    p.exp_string("> 2  Everyone.").unwrap();
    send(&mut p, ENTER);
    send(&mut p, ENTER);
    p.exp_string("Question 4 of 4").unwrap();
    blind_round(&mut p, ["-", "2", "2"]);
    send(&mut p, ENTER);
    send(&mut p, ENTER);
    p.exp_string("Which stage do you aim for?").unwrap();
    send(&mut p, ENTER);
    // The report of the agreed answers, then the discussion list.
    p.exp_string("Participants:  3: Anna, Ben, Chris").unwrap();
    p.exp_string("Discussion list").unwrap();
    let list = p.exp_string("Summary").unwrap();
    // Least agreement first: question 3 (1 vs 3, consensus 0) before question 1.
    let q3 = list.find("people-skills").expect("question 3 listed");
    let q1 = list.find("data-quality").expect("question 1 listed");
    assert!(q3 < q1, "{list}");
    let words = list.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("2 rounds, n 3: 1: Anna; 3: Ben, Chris"),
        "{list}"
    );
    p.exp_string("score s.toml").unwrap();
    assert_eq!(exit_code(&mut p), 0);

    // Nothing but the session file (and its lock) was written.
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, [".s.toml.lock", "s.toml"]);

    // `cxm score` reports the session the same way.
    let out = Command::cargo_bin("cxm")
        .unwrap()
        .args(["score", "s.toml", "--questionnaire", &small_path()])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(stdout.contains("Discussion list"), "{stdout}");
    let words = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("1: Anna; 3: Ben, Chris"), "{stdout}");
}

#[test]
fn open_votes_show_each_vote_as_it_is_cast() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = ROOM.to_vec();
    args.extend(["--participants", "Anna,Ben,Chris", "--open-votes"]);
    let mut p = spawn(dir.path(), &args);
    p.exp_string("Anna, your vote:").unwrap();
    send(&mut p, "2");
    p.exp_string(&pty("✓ Anna: 2")).unwrap();
    send(&mut p, "?");
    p.exp_string(&pty("✓ Ben: ?")).unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 130);
}

#[test]
fn sigterm_and_sighup_keep_every_vote_and_say_how_to_resume() {
    use rexpect::process::Signal;
    for (signal, name, code) in [(Signal::SIGTERM, "TERM", 143), (Signal::SIGHUP, "HUP", 129)] {
        let dir = tempfile::tempdir().unwrap();
        let mut args = ROOM.to_vec();
        args.extend(["--participants", "Anna,Ben"]);
        let mut p = spawn(dir.path(), &args);
        blind_vote(&mut p, "Anna", "1");
        p.exp_string("Ben, your vote:").unwrap();
        p.process_mut().signal(signal).unwrap();
        p.exp_string(&format!("Stopped by SIG{name}")).unwrap();
        p.exp_string("workshop --session s.toml").unwrap();
        assert_eq!(exit_code(&mut p), code, "{name}");
        let saved = session(dir.path());
        let q = small();
        let first = &q.questions_in_order()[0].id;
        assert_eq!(
            saved.workshop.unwrap().votes[first],
            [vec![Some(Answer::Stage(1)), None]]
        );
    }
}

#[test]
fn esc_on_the_first_question_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = ROOM.to_vec();
    args.extend(["--participants", "Anna,Ben"]);
    let mut p = spawn(dir.path(), &args);
    p.exp_string("Anna, your vote:").unwrap();
    send(&mut p, ESC);
    p.exp_string("This is the first question").unwrap();
    p.exp_string("Anna, your vote:").unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 130);
}

#[test]
fn a_german_room_votes_and_reads_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn_any(
        dir.path(),
        &[
            "--lang",
            "de",
            "--session",
            "s.toml",
            "--organisation",
            "ACME",
        ],
    );
    p.exp_string(&pty("Teilnehmende (Namen durch Kommas getrennt)"))
        .unwrap();
    send(&mut p, "Anna, Ben\r");
    p.exp_string("Frage 1 von 18").unwrap();
    p.exp_string(&pty("?  Weiß nicht")).unwrap();
    p.exp_string("-  Trifft auf uns nicht zu").unwrap();
    p.exp_string("Anna, Ihre Stimme: ").unwrap();
    send(&mut p, "2");
    p.exp_string(&pty("✓ Anna")).unwrap();
    p.exp_string("Ben, Ihre Stimme: ").unwrap();
    send(&mut p, "?");
    p.exp_string("Die Stimmen").unwrap();
    p.exp_string("Gruppenantwort 2").unwrap();
    p.exp_string("Konsens 1,00, einig").unwrap();
    p.exp_string("Die Antwort der Runde:").unwrap();
    p.exp_string("Erneut abstimmen (verdeckt)").unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    p.exp_string("Beendet: 0 von 18 Fragen vereinbart").unwrap();
    p.exp_string("Fortsetzen mit:").unwrap();
    assert_eq!(exit_code(&mut p), 130);
}

#[test]
fn a_double_press_is_not_the_next_persons_vote() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = ROOM.to_vec();
    args.extend(["--participants", "Anna,Ben,Chris"]);
    let mut p = spawn(dir.path(), &args);
    p.exp_string("Anna, your vote:").unwrap();
    p.exp_string("- = not applicable").unwrap();
    // Anna presses 3 twice, at once.
    send(&mut p, "33");
    p.exp_string(&pty("✓ Anna")).unwrap();
    p.exp_string("Ben, your vote:").unwrap();
    p.exp_string("- = not applicable").unwrap();
    send(&mut p, "1");
    p.exp_string(&pty("✓ Ben")).unwrap();
    p.exp_string("Chris, your vote:").unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 130);
    let q = small();
    let first = &q.questions_in_order()[0].id;
    assert_eq!(
        session(dir.path()).workshop.unwrap().votes[first],
        [vec![Some(Answer::Stage(3)), Some(Answer::Stage(1)), None]]
    );
}

#[test]
fn open_votes_on_resume_never_show_the_votes_cast_blind() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = ROOM.to_vec();
    args.extend(["--participants", "Anna,Ben,Chris"]);
    let mut p = spawn(dir.path(), &args);
    blind_vote(&mut p, "Anna", "2");
    p.exp_string("Ben, your vote:").unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 130);

    let mut p = spawn(dir.path(), &["--session", "s.toml", "--open-votes"]);
    let before = p.exp_string("Ben, your vote:").unwrap();
    assert!(before.contains(&pty("✓ Anna")), "{before:?}");
    assert!(!before.contains("Anna: 2"), "{before:?}");
    send(&mut p, "3");
    p.exp_string(&pty("✓ Ben: 3")).unwrap();
    p.send_control('c').unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 130);
}

#[test]
fn a_signal_before_the_workshop_began_says_nothing_was_saved() {
    use rexpect::process::Signal;
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["--session", "s.toml"]);
    p.exp_string("Organisation name:").unwrap();
    p.process_mut().signal(Signal::SIGTERM).unwrap();
    p.exp_string("Stopped by SIGTERM before the workshop began; nothing was saved.")
        .unwrap();
    assert_eq!(exit_code(&mut p), 143);
    assert!(!dir.path().join("s.toml").exists());
}

#[test]
fn a_vote_prompt_wider_than_the_screen_wraps_between_words_and_is_erased_whole() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Maximiliane-Alexandra Kowalczyk";
    let mut args = ROOM.to_vec();
    let room = format!("{long}, Ben");
    args.extend(["--participants", &room]);
    let mut p = spawn(dir.path(), &args);
    // 80 columns: "… - = not" ends the first line, "applicable" begins the next.
    p.exp_string(&pty(&format!(
        "{long}, your vote: 1\u{2013}3, ? = don't know, - = not\r\napplicable"
    )))
    .unwrap();
    send(&mut p, "2");
    let between = p.exp_string(&pty(&format!("✓ {long}"))).unwrap();
    assert_eq!(
        between.trim(),
        "\r\x1b[2K\x1b[1A\x1b[2K".trim(),
        "{between:?}"
    );
    p.send_control('c').unwrap();
    p.flush().unwrap();
    assert_eq!(exit_code(&mut p), 130);
}

#[test]
fn a_second_workshop_on_the_same_session_stops_at_once_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let room = [
        "--session",
        "s.toml",
        "--organisation",
        "ACME",
        "--participants",
        "Anna,Ben",
    ];
    let mut first = spawn(dir.path(), &room);
    first.exp_string("Question 1 of 4").unwrap();
    // The first run holds the session; a second one on it must not overwrite its votes.
    let mut second = spawn(dir.path(), &["--session", "s.toml"]);
    second.exp_string("s.toml is open in another cxm").unwrap();
    assert_eq!(exit_code(&mut second), 2);
    send(&mut first, "\x03");
    assert_eq!(exit_code(&mut first), 130);
}

#[test]
fn a_session_whose_first_save_was_killed_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    // Only the copy a kill left between writing and renaming: no s.toml at all.
    std::fs::copy(
        format!("{ROOT}/examples/workshop-session.toml"),
        dir.path().join(".cxm-s.toml-abc123.tmp"),
    )
    .unwrap();
    let mut p = spawn_any(dir.path(), &["--session", "s.toml"]);
    p.exp_string("was interrupted and left a copy").unwrap();
    send(&mut p, "\r");
    // It is the session now: finished, so the report or a review is offered.
    p.exp_string("s.toml has an agreed answer for every question")
        .unwrap();
    send(&mut p, "\x03");
    let _ = exit_code(&mut p);
    let text = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(text.contains("kind = \"workshop\""), "{text}");
    assert!(!dir.path().join(".cxm-s.toml-abc123.tmp").exists());
}
