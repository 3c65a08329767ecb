//! Authoring: `cxm init`, `cxm schema` and the committed schemas, editors' `#:schema`
//! (checked with Taplo when it is installed), completions and the man page.

use std::path::Path;
use std::process::Command;

use crate::common::{ROOT, run};

const KINDS: [&str; 4] = ["questionnaire", "answers", "session", "report"];

#[test]
fn the_committed_schemas_are_what_cxm_generates() {
    for kind in KINDS {
        let generated = run(&["schema", kind]).success().stdout;
        let path = format!("{ROOT}/docs/schema/{kind}.schema.json");
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{path} is stale: run `cargo run -- schema {kind} > docs/schema/{kind}.schema.json`"
        );
        let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    }
}

#[test]
fn the_questionnaire_schema_follows_the_types_that_read_it() {
    let schema: serde_json::Value =
        serde_json::from_str(&run(&["schema", "questionnaire"]).success().stdout).unwrap();
    // deny_unknown_fields, required keys, and the scoring choices.
    assert_eq!(schema["additionalProperties"], false);
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for key in [
        "format",
        "questionnaire",
        "stages",
        "dimensions",
        "questions",
    ] {
        assert!(required.contains(&key), "{key} in {required:?}");
    }
    let text = schema.to_string();
    for word in ["weakest-link", "nearest", "reached", "horizon", "kpi"] {
        assert!(text.contains(word), "{word}");
    }
    assert_eq!(schema["definitions"]["Opt"]["additionalProperties"], false);
}

#[test]
fn bundled_files_and_examples_point_editors_at_the_schemas() {
    for (file, kind) in [
        ("questionnaires/cx-maturity.en.toml", "questionnaire"),
        ("questionnaires/cx-maturity.de.toml", "questionnaire"),
        ("examples/early-stage.toml", "answers"),
        ("examples/advanced.toml", "answers"),
        ("examples/workshop-session.toml", "session"),
    ] {
        let text = std::fs::read_to_string(format!("{ROOT}/{file}")).unwrap();
        let first = text.lines().next().unwrap();
        assert_eq!(
            first,
            format!("#:schema ../docs/schema/{kind}.schema.json"),
            "{file}"
        );
        let target = Path::new(ROOT)
            .join(file)
            .parent()
            .unwrap()
            .join(&first[9..]);
        assert!(target.exists(), "{file}: {}", target.display());
    }
}

/// `taplo`, when it is installed (`npm install -g @taplo/cli`).
fn taplo() -> Option<Command> {
    let found = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join("taplo").is_file()))
        .unwrap_or(false);
    if !found {
        eprintln!("taplo is not installed: the editor check is skipped");
        return None;
    }
    let mut command = Command::new("taplo");
    command.env("RUST_LOG", "error");
    Some(command)
}

#[test]
fn taplo_accepts_the_bundled_questionnaire_and_rejects_a_misspelt_key() {
    let Some(mut ok) = taplo() else { return };
    let status = ok
        .args(["check", "questionnaires/cx-maturity.en.toml"])
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");

    // A copy next to the schema, as `cxm init` writes it, with one key misspelt.
    let dir = tempfile::tempdir().unwrap();
    run(&[
        "init",
        &dir.path().join("client.toml").display().to_string(),
    ])
    .success();
    let client = dir.path().join("client.toml");
    let text = std::fs::read_to_string(&client).unwrap();
    assert!(
        taplo()
            .unwrap()
            .arg("check")
            .arg(&client)
            .status()
            .unwrap()
            .success()
    );
    std::fs::write(&client, text.replacen("\nsummary = ", "\nsumary = ", 1)).unwrap();
    let out = taplo().unwrap().arg("check").arg(&client).output().unwrap();
    assert!(!out.status.success(), "taplo accepted `sumary`");
}

#[test]
fn init_copies_the_bundled_questionnaire_with_its_schema_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client.toml");
    let name = file.display().to_string();
    let out = run(&["init", &name]).success();
    assert!(
        out.stderr.contains("Give it its own `id` and `version`"),
        "{out}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("#:schema ./questionnaire.schema.json\n# A cxm questionnaire"));
    // Five lines on the format after the schema comment, then the copy.
    assert_eq!(
        text.lines()
            .skip(1)
            .take_while(|l| l.starts_with('#'))
            .count(),
        5
    );
    let schema = std::fs::read_to_string(dir.path().join("questionnaire.schema.json")).unwrap();
    assert_eq!(schema, run(&["schema", "questionnaire"]).stdout);
    let out = run(&["validate", &name]).success();
    assert_eq!(
        out.stdout,
        format!("{name}: ok: `cx-maturity` 2.0.0 (en), 6 dimensions, 18 questions\n")
    );

    // Never over an existing file without --force.
    std::fs::write(&file, "mine").unwrap();
    let message = run(&["init", &name]).error();
    assert_eq!(
        message,
        format!("{name} already exists; choose another name, or pass --force to overwrite it")
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    run(&["init", &name, "--force"]).success();
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("cx-maturity")
    );
    // Unknown ids and languages say what exists.
    let other = dir.path().join("x.toml").display().to_string();
    assert!(
        run(&["init", &other, "--from", "nope"])
            .error()
            .contains("no bundled questionnaire")
    );
    assert!(
        run(&["init", &other, "--lang", "fr"])
            .error()
            .contains("not bundled in language")
    );
    assert!(!Path::new(&other).exists());
}

#[test]
fn init_minimal_writes_a_skeleton_that_validates_without_warnings_and_scores() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mini.toml");
    let name = file.display().to_string();
    // The skeleton is English only: asking for it in German is refused, not ignored.
    let refused = run(&["init", &name, "--minimal", "--lang", "de"]).code(2);
    assert!(
        refused
            .stderr
            .contains("'--minimal' cannot be used with '--lang"),
        "{refused}"
    );
    assert!(!file.exists());
    run(&["init", &name, "--minimal"]).success();
    let out = run(&["validate", &name]).success();
    assert_eq!(
        out.stdout,
        format!("{name}: ok: `my-questionnaire` 0.1.0 (en), 1 dimension, 3 questions\n"),
        "no warnings"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("[[stages]]").count(), 2);
    assert_eq!(text.matches("[[questions]]").count(), 3);
    assert_eq!(text.matches("[[actions]]").count(), 1);
    let answers = dir.path().join("answers.toml");
    std::fs::write(
        &answers,
        "format = 1\nquestionnaire = \"my-questionnaire\"\nquestionnaire_version = \"0.1.0\"\n\
         [answers]\nservice-channels = 1\nservice-response = 2\nservice-feedback = 1\n",
    )
    .unwrap();
    let report = run(&[
        "score",
        &answers.display().to_string(),
        "-Q",
        &name,
        "-f",
        "json",
    ])
    .success()
    .json();
    assert_eq!(report["overall"]["stage"]["id"], "basic");
    assert_eq!(
        report["dimensions"][0]["next_action"]["title"],
        "Track every request in one system"
    );
}

#[test]
fn completions_are_generated_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef cxm"),
        ("fish", "complete -c cxm"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[cxm]"),
    ] {
        let out = run(&["completions", shell]).success();
        assert!(
            out.stdout.contains(marker),
            "{shell}: {}",
            &out.stdout[..200]
        );
        for sub in ["assess", "score", "validate", "init", "schema"] {
            assert!(out.stdout.contains(sub), "{shell} completes {sub}");
        }
    }
    assert!(
        run(&["completions", "tcsh"])
            .code(2)
            .stderr
            .contains("possible values")
    );
}

#[test]
fn the_man_page_has_a_section_per_command_and_renders() {
    let page = run(&["man"]).success().stdout;
    assert!(page.contains(".TH cxm 1"), "{page}");
    for sub in [
        "ASSESS",
        "SCORE",
        "VALIDATE",
        "LIST",
        "INIT",
        "SCHEMA",
        "COMPLETIONS",
    ] {
        assert!(page.contains(&format!(".SH \"CXM {sub}\"")), "{sub}");
    }
    assert!(page.contains("\\-\\-min\\-stage"), "options are listed");
    // Rendered by man itself when it is installed.
    let Ok(mut child) = Command::new("man")
        .args(["-l", "-"])
        .env("MANWIDTH", "80")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("man is not installed: rendering is skipped");
        return;
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("CXM SCORE"), "{text}");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("warning"),
        "{out:?}"
    );
}

#[cfg(unix)]
#[test]
fn init_force_never_replaces_a_fifo_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("q.toml");
    crate::common::mkfifo(&fifo);
    let out = run(&["init", "--force", fifo.to_str().unwrap()]).code(2);
    assert!(out.stderr.contains("not a regular file"), "{out}");
    assert!(crate::common::is_fifo(&fifo));
}
